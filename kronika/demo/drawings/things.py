"""Objects and rooms: a locked laptop, a vaccination, charts, a house key, a drone,
a stopwatch, a first-aid kit, a classroom and a sawmill's logs."""

import math

from kronika.demo.drawings.canvas import spread
from kronika.demo.drawings.registry import drawing


@drawing("laptop_padlock", sky=("#0f2027", "#203a43"))
def laptop_padlock(c, rng):
    for _ in range(40):
        x, y = rng.uniform(0, 160), rng.uniform(0, 60)
        c.rect(x, y, x + 1.4, y + 2, (0, 230, 118, rng.randint(30, 90)))
    c.rect(40, 14, 120, 62, "#cfd8dc", 2)
    c.rect(43, 17, 117, 59, "#102a43")
    c.poly([(30, 62), (130, 62), (138, 70), (22, 70)], "#b0bec5")
    c.rect(70, 63, 90, 65, "#90a4ae")
    c.arc(80, 33, 8, 9, 180, 360, "#e53935", 2.4)
    c.rect(70, 33, 90, 50, "#e53935", 1.5)
    c.circle(80, 40, 2, "#102a43")
    c.rect(79.2, 40, 80.8, 46, "#102a43")


@drawing("vaccination", sky=("#e0f2f1", "#b2dfdb"))
def vaccination(c, rng):
    c.band(62, 90, "#f5f0e6", "#e6dccb")
    c.rect(94, 30, 116, 66, "#e3f2fd", 3)
    c.rect(94, 42, 116, 56, "#42a5f5")
    c.rect(97, 24, 113, 31, "#78909c", 1)
    c.rect(99, 46, 111, 48, "#ffffff")
    angle = math.radians(-20 + rng.uniform(-4, 4))
    dx, dy = math.cos(angle), math.sin(angle)
    barrel = [(30, 50), (30 + dx * 44, 50 + dy * 44)]
    c.line(barrel, "#eceff1", 9)
    c.line([(30 + dx * 8, 50 + dy * 8), (30 + dx * 30, 50 + dy * 30)], "#80cbc4", 6)
    c.line([barrel[1], (30 + dx * 62, 50 + dy * 62)], "#90a4ae", 0.8)
    c.line([(30 - dx * 10, 50 - dy * 10), barrel[0]], "#546e7a", 2.4)
    c.line(
        [
            (30 - dx * 10 - dy * 6, 50 - dy * 10 + dx * 6),
            (30 - dx * 10 + dy * 6, 50 - dy * 10 - dx * 6),
        ],
        "#546e7a",
        2,
    )
    c.rect(40, 72, 70, 80, "#ffcc80", 4)
    c.rect(50, 72, 60, 80, "#ffe0b2")


def _chart(c, rng, rising):
    c.rect(22, 10, 138, 80, "#ffffff", 3)
    for y in range(20, 76, 11):
        c.line([(30, y), (132, y)], "#e0e0e0", 0.4)
    c.line([(30, 14), (30, 74), (132, 74)], "#424242", 0.8)
    heights = [12 + i * 6.5 + rng.uniform(-2, 2) for i in range(7)]
    if not rising:
        heights.reverse()
    colour = "#2e7d32" if rising else "#c62828"
    for i, height in enumerate(heights):
        x = 36 + i * 13.5
        c.rect(x, 74 - height, x + 9, 74, colour if i in (0, 6) else "#90a4ae")
    tops = [(40.5 + i * 13.5, 68 - h) for i, h in enumerate(heights)]
    c.line(tops, colour, 1.2)
    end = tops[-1]
    head = -1 if rising else 1
    c.poly(
        [
            (end[0] + 4, end[1] + head * 1),
            (end[0] - 3, end[1] - head * 3),
            (end[0] - 1, end[1] + head * 5),
        ],
        colour,
    )


@drawing("chart_rising", sky=("#dfe9e3", "#c4d8cc"))
def chart_rising(c, rng):
    _chart(c, rng, rising=True)


@drawing("chart_falling", sky=("#efe4e0", "#dccac3"))
def chart_falling(c, rng):
    _chart(c, rng, rising=False)


@drawing("house_key", sky=("#d1c4e9", "#ede7f6"))
def house_key(c, rng):
    c.ellipse(62, 78, 40, 5, (80, 60, 120, 50))
    c.rect(32, 40, 92, 78, "#fff8e1")
    c.poly([(26, 42), (62, 14), (98, 42)], "#5e35b1")
    c.rect(54, 56, 66, 78, "#7e57c2")
    c.rect(38, 48, 48, 58, "#b3e5fc")
    c.rect(76, 48, 86, 58, "#b3e5fc")
    c.rect(80, 20, 86, 32, "#5e35b1")
    tilt = rng.uniform(-3, 3)
    c.circle(120, 40 + tilt, 11, "#fbc02d")
    c.circle(120, 40 + tilt, 4.5, "#ede7f6")
    c.rect(117, 50 + tilt, 123, 78 + tilt, "#fbc02d")
    for y in (66, 72):
        c.rect(123, y + tilt, 129, y + 3 + tilt, "#fbc02d")


@drawing("drone", sky=("#81d4fa", "#e1f5fe"))
def drone(c, rng):
    for i, colour in enumerate(["#9ccc65", "#c5e1a5", "#7cb342", "#aed581"]):
        c.poly([(0, 64 + i * 7), (160, 60 + i * 7), (160, 68 + i * 7), (0, 72 + i * 7)], colour)
    for _ in range(3):
        x = rng.uniform(10, 150)
        c.ellipse(x, rng.uniform(8, 22), 12, 4, (255, 255, 255, 200))
    y = 36 + rng.uniform(-3, 3)
    c.poly([(30, y), (130, y - 4), (130, y + 1), (30, y + 5)], "#eceff1")
    c.ellipse(82, y + 1, 26, 5, "#455a64")
    c.poly([(56, y + 1), (40, y - 6), (44, y - 6), (62, y)], "#37474f")
    c.poly([(104, y - 1), (118, y - 10), (122, y - 10), (110, y - 1)], "#37474f")
    c.circle(104, y + 1, 2, "#81d4fa")
    c.line([(56, y - 1), (56, y + 3)], "#263238", 0.5)
    c.line([(53, y - 3), (59, y + 5)], "#90a4ae", 0.6)


@drawing("stopwatch", sky=("#fbe9e7", "#ffccbc"))
def stopwatch(c, rng):
    c.circle(80, 48, 30, "#37474f")
    c.circle(80, 48, 26, "#fafafa")
    c.rect(76, 10, 84, 18, "#37474f", 1)
    c.rect(72, 6, 88, 10, "#546e7a", 1)
    for tick in range(12):
        a = math.radians(tick * 30)
        c.line(
            [
                (80 + math.cos(a) * 21, 48 + math.sin(a) * 21),
                (80 + math.cos(a) * 24, 48 + math.sin(a) * 24),
            ],
            "#455a64",
            1,
        )
    c.pie(80, 48, 20, 20, 270, 270 + rng.uniform(60, 200), (229, 57, 53, 70))
    hand = math.radians(270 + rng.uniform(200, 320))
    c.line([(80, 48), (80 + math.cos(hand) * 20, 48 + math.sin(hand) * 20)], "#e53935", 1.2)
    c.circle(80, 48, 2, "#37474f")


@drawing("first_aid_kit", sky=("#fff8e1", "#ffecb3"))
def first_aid_kit(c, rng):
    c.band(66, 90, "#a1887f", "#8d6e63")
    c.rect(42, 28, 118, 74, "#2e7d32", 4)
    c.arc(80, 28, 12, 8, 180, 360, "#1b5e20", 2.5)
    c.rect(74, 38, 86, 64, "#ffffff")
    c.rect(67, 45, 93, 57, "#ffffff")
    c.circle(132, 72, 8, "#f5f5f5")
    c.circle(132, 72, 3, "#d7ccc8")
    c.poly([(132, 80), (152, 82 + rng.uniform(-1, 1)), (150, 86), (132, 80)], "#f5f5f5")
    c.rect(18, 72, 36, 78, "#ffcc80", 2)


@drawing("classroom", sky=("#f3e9d2", "#e8dcc0"))
def classroom(c, rng):
    c.rect(30, 8, 130, 40, "#2f4f3a")
    c.rect(28, 40, 132, 42, "#8d6e63")
    c.line([(38, 18), (64, 18)], "#e8f5e9", 0.6)
    c.line([(38, 24), (80, 24)], "#e8f5e9", 0.6)
    c.line([(38, 30), (56, 30)], "#e8f5e9", 0.6)
    c.circle(104, 24, 7, None, "#e8f5e9", 0.6)
    c.band(56, 90, "#c9a27c", "#b08a64")
    for row in range(3):
        y = 58 + row * 11
        count = 4 + row
        for x in spread(rng, 30 - row * 10, 130 + row * 10, count):
            width = 8 + row * 2
            c.rect(x - width, y, x + width, y + 2.5, "#d7b98e")
            c.rect(x - width + 1, y + 2.5, x - width + 2, y + 8, "#6d4c41")
            c.rect(x + width - 2, y + 2.5, x + width - 1, y + 8, "#6d4c41")
            c.rect(x - 3, y - 6, x + 3, y - 1, "#5c7cfa" if rng.random() < 0.5 else "#f08c00", 0.8)


@drawing("log_pile", sky=("#cfe0c3", "#eef3e6"))
def log_pile(c, rng):
    for x in range(0, 164, 5):
        c.poly([(x - 4, 50), (x, 20 + rng.uniform(-4, 4)), (x + 4, 50)], "#2e5339")
    c.band(50, 90, "#a68a64", "#8a7050")
    for row in range(5):
        y = 80 - row * 9
        for x in spread(rng, 30 + row * 4.5, 130 - row * 4.5, 11 - row):
            c.circle(x, y, 4.8, "#8d5a2b")
            c.circle(x, y, 4, "#e9c891")
            c.circle(x, y, 2, None, "#c8a06a", 0.3)
