"""Culture: a cinema, film, a choir, a theatre, a library, an open-air screen and a castle."""

import math

from kronika.demo.drawings.canvas import spread
from kronika.demo.drawings.registry import drawing

CLOTHES = ["#37474f", "#6d4c41", "#1e88e5", "#8e24aa", "#43a047", "#f4511e", "#546e7a"]


def _audience(c, rng, y0, y1, rows, per_row, colours=CLOTHES, head="#f1c7a5"):
    for row in range(rows):
        y = y0 + (y1 - y0) * row / max(1, rows - 1)
        for x in spread(rng, 4, 156, per_row, jitter=0.25):
            c.pie(x, y + 5, 4.2, 5, 180, 360, rng.choice(colours))
            c.circle(x, y - 1, 2.4, head)


@drawing("cinema_front", sky=("#26304f", "#7d6aa8"))
def cinema_front(c, rng):
    c.rect(20, 14, 140, 72, "#b08968")
    c.rect(26, 22, 134, 36, "#2d1e2f")
    for x in range(28, 134, 3):
        c.circle(x, 24, 0.7, "#ffe082")
        c.circle(x, 34, 0.7, "#ffe082")
    for x in spread(rng, 36, 124, 5):
        c.rect(x - 7, 46, x + 7, 72, "#ffd59a")
        c.rect(x - 0.3, 46, x + 0.3, 72, "#8d6e63")
    c.rect(70, 4, 90, 14, "#c62828")
    c.band(72, 90, "#4a4458", "#2f2b3a")
    for x in spread(rng, 12, 148, 7, jitter=0.3):
        c.person(x, 86, rng.uniform(14, 17), rng.choice(CLOTHES))


@drawing("film_reel", sky=("#1c1c24", "#3a3a4a"))
def film_reel(c, rng):
    c.poly([(0, 0), (60, 0), (105, 90), (15, 90)], (255, 244, 214, 30))
    cx, cy = 62, 42
    c.circle(cx, cy, 28, "#9ea7b3")
    c.circle(cx, cy, 25, "#c9d0d9")
    turn = rng.uniform(0, 60)
    for hole in range(6):
        a = math.radians(turn + hole * 60)
        c.circle(cx + math.cos(a) * 15, cy + math.sin(a) * 15, 6, "#2b2b36")
    c.circle(cx, cy, 4, "#6b7380")
    c.poly([(84, 58), (160, 70), (160, 88), (80, 72)], "#2b2016")
    for i in range(8):
        x = 88 + i * 9
        y = 59.5 + i * 1.5
        c.rect(x, y + 2, x + 7, y + 9, "#f0c36d" if i % 2 else "#e29b52")
        c.rect(x + 1, y + 0.3, x + 3, y + 1.3, "#1c1c24")
        c.rect(x + 1, y + 10.2, x + 3, y + 11.2, "#1c1c24")


@drawing("choir_stage", sky=("#7ec8e3", "#e4f5fb"))
def choir_stage(c, rng):
    c.band(70, 90, "#7cb342", "#558b2f")
    c.pie(80, 70, 70, 58, 180, 360, "#eceff1")
    c.pie(80, 70, 62, 50, 180, 360, "#b0bec5")
    for i in range(1, 8):
        c.arc(80, 70, 62 * i / 8 + 8, 50 * i / 8 + 6, 180, 360, "#cfd8dc", 0.5)
    costumes = ["#ffffff", "#c62828", "#fbc02d", "#2e7d32"]
    for y, count in [(42, 11), (52, 14), (62, 17)]:
        for x in spread(rng, 80 - count * 3.3, 80 + count * 3.3, count):
            c.rect(x - 1.8, y, x + 1.8, y + 7, rng.choice(costumes), 0.8)
            c.rect(x - 1.8, y + 3, x + 1.8, y + 4, "#c62828")
            c.circle(x, y - 1.5, 1.6, "#f1c7a5")
            c.arc(x, y - 1.5, 2.2, 1.2, 180, 360, "#558b2f", 0.6)


@drawing("auditorium", sky=("#3b0d11", "#5c1a1f"))
def auditorium(c, rng):
    c.rect(30, 6, 130, 48, "#f8e9c6")
    for side in (0, 1):
        x0, x1 = (30, 62) if side == 0 else (98, 130)
        c.rect(x0, 6, x1, 48, "#8b1a1a")
        for fold in range(int(x0), int(x1), 4):
            c.rect(fold, 6, fold + 1.2, 48, "#6e1212")
    c.rect(26, 2, 134, 8, "#c9a227")
    c.rect(26, 48, 134, 52, "#c9a227")
    for row in range(5):
        y = 56 + row * 7
        count = 11 + row * 2
        for x in spread(rng, 80 - count * 5.5, 80 + count * 5.5, count):
            c.rect(x - 4, y, x + 4, y + 6, "#b71c1c", 1.5)
            c.rect(x - 4, y + 4.5, x + 4, y + 6, "#7f1010")


@drawing("bookshelves", sky=("#5d4037", "#4e342e"))
def bookshelves(c, rng):
    spines = [
        "#b71c1c",
        "#1a237e",
        "#1b5e20",
        "#f9a825",
        "#4e342e",
        "#00695c",
        "#ad1457",
        "#eeeeee",
    ]
    for shelf in range(4):
        base = 22 + shelf * 20
        c.rect(6, base, 118, base + 2, "#8d6e63")
        x = 8
        while x < 114:
            width = rng.uniform(2.2, 4.5)
            height = rng.uniform(12, 17)
            c.rect(x, base - height, x + width, base, rng.choice(spines))
            c.rect(x, base - height * 0.8, x + width, base - height * 0.75, (255, 255, 255, 90))
            x += width + 0.4
    c.rect(118, 0, 160, 90, "#3e2723")
    c.rect(128, 50, 154, 53, "#a1887f")
    c.circle(140, 19, 12, (255, 236, 179, 40))
    c.rect(139, 24, 141, 50, "#cfd8dc")
    c.poly([(132, 24), (148, 24), (144, 14), (136, 14)], "#2e7d32")
    c.rect(126, 46, 138, 50, "#1a237e")
    c.rect(127, 43, 137, 46, "#f9a825")


@drawing("open_air_screen", sky=("#1f2a48", "#e07b5a"))
def open_air_screen(c, rng):
    c.band(62, 90, "#5d5468", "#3d3647")
    for x in (0, 126):
        c.rect(x, 26, x + 34, 62, "#433a52")
        c.poly([(x, 26), (x + 17, 14), (x + 34, 26)], "#352d42")
        c.windows(x + 3, 30, x + 31, 58, 4, 3, "#ffd36e", "#2a2336", rng, 0.5)
    c.rect(38, 12, 122, 52, "#f5f1e6")
    c.rect(40, 14, 120, 50, "#8fb8de")
    c.poly([(40, 50), (62, 30), (80, 42), (100, 26), (120, 40), (120, 50)], "#3f6e4f")
    c.rect(48, 52, 50, 62, "#222222")
    c.rect(110, 52, 112, 62, "#222222")
    c.line([(0, 10), (40, 14)], "#222222", 0.3)
    for x in range(2, 40, 5):
        c.circle(x, 10.5 + x * 0.1, 0.9, "#ffe082")
    _audience(c, rng, 72, 84, 2, 14, head="#3b3345", colours=["#2a2433"])


@drawing("castle_festival", sky=("#8ec5e8", "#e9f6fb"))
def castle_festival(c, rng):
    stone, shade = "#c9b99a", "#a8967a"
    c.rect(30, 30, 130, 70, stone)
    for x in range(30, 130, 6):
        c.rect(x, 26, x + 3.5, 30, stone)
    for x0 in (22, 122):
        c.rect(x0, 14, x0 + 16, 70, shade)
        for x in range(int(x0), int(x0) + 16, 5):
            c.rect(x, 10, x + 3, 14, shade)
        c.rect(x0 + 6, 24, x0 + 10, 30, "#4e4436")
    c.pie(80, 70, 12, 18, 180, 360, "#4e4436")
    c.band(70, 90, "#7cb342", "#5b8c2a")
    flags = ["#c62828", "#fbc02d", "#1565c0", "#2e7d32", "#ffffff"]
    for span in ((38, 80), (80, 122)):
        c.line([(span[0], 32), ((span[0] + span[1]) / 2, 40), (span[1], 32)], "#5d4037", 0.3)
        for i, x in enumerate(spread(rng, span[0] + 3, span[1] - 3, 7)):
            sag = 8 * (1 - abs((x - (span[0] + span[1]) / 2) / ((span[1] - span[0]) / 2)))
            c.poly([(x - 1.6, 32 + sag), (x + 1.6, 32 + sag), (x, 36 + sag)], flags[i % 5])
    for x in spread(rng, 50, 110, 4, jitter=0.2):
        c.person(x, 84, 15, rng.choice(["#c62828", "#ffffff", "#fbc02d"]))
    c.ellipse(58, 78, 3, 2, "#8d6e63")
    c.line([(100, 72), (108, 66)], "#5d4037", 0.6)
