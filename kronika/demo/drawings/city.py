"""Towns and their works: a harbour, housing, a building site, a tram, a viaduct,
a court and a parliament."""

from kronika.demo.drawings.canvas import spread
from kronika.demo.drawings.registry import drawing

CONTAINER_COLOURS = ["#c0392b", "#2e86c1", "#f39c12", "#27ae60", "#8e44ad", "#d35400"]


def _tower_crane(c, x, base, height, jib, colour):
    top = base - height
    c.rect(x - 1, top, x + 1, base, colour)
    c.rect(x - jib * 0.3, top - 1, x + jib, top + 1, colour)
    c.rect(x - jib * 0.3, top + 1, x - jib * 0.18, top + 4, "#555555")
    c.poly([(x - 1, top - 1), (x, top - 6), (x + 1, top - 1)], colour)
    c.line([(x + jib * 0.7, top + 1), (x + jib * 0.7, top + 14)], "#333333", 0.3)


@drawing("harbour", sky=("#f6b38a", "#fde7c9"))
def harbour(c, rng):
    c.band(64, 90, "#3d6b8c", "#1f3b54")
    c.rect(0, 56, 96, 66, "#5c5f66")
    for x in spread(rng, 10, 80, 3, jitter=0.1):
        c.rect(x - 1.5, 18, x - 0.5, 56, "#d35400")
        c.rect(x + 8.5, 18, x + 9.5, 56, "#d35400")
        c.rect(x - 4, 16, x + 22, 19, "#d35400")
        c.rect(x + 14, 19, x + 16, 27, "#333333")
    for row in range(3):
        for column in range(12):
            if rng.random() < 0.8 - row * 0.2:
                x = 4 + column * 7.2
                c.rect(x, 52 - row * 4, x + 6.8, 55.6 - row * 4, rng.choice(CONTAINER_COLOURS))
    c.poly([(98, 62), (156, 62), (150, 72), (104, 72)], "#263238")
    c.rect(140, 48, 150, 62, "#eceff1")
    c.windows(140, 49, 150, 55, 3, 1, "#90a4ae", "#90a4ae", rng)
    for column in range(6):
        x = 108 + column * 5.3
        c.rect(x, 58, x + 5, 62, rng.choice(CONTAINER_COLOURS))
    c.circle(130, 30, 6, (255, 240, 200, 200))


@drawing("apartment_blocks", sky=("#a9c2d9", "#f3e6d0"))
def apartment_blocks(c, rng):
    c.band(70, 90, "#8a8f6a", "#6b7050")
    for x, width, top, colour in [
        (6, 40, 22, "#d9d4c7"),
        (52, 34, 30, "#c8c1b0"),
        (92, 62, 18, "#e2dccd"),
    ]:
        c.rect(x, top, x + width, 74, colour)
        c.windows(
            x + 2,
            top + 3,
            x + width - 2,
            72,
            int(width / 5),
            int((72 - top) / 5.5),
            "#f7d794",
            "#6f7a86",
            rng,
            0.35,
        )
    for x in spread(rng, 10, 150, 6, jitter=0.2):
        c.rect(x - 0.6, 70, x + 0.6, 80, "#5b4636")
        c.circle(x, 68, 5, rng.choice(["#e07a2f", "#f2a541", "#c8553d"]))


@drawing("construction_site", sky=("#9fd0f0", "#e6f4fb"))
def construction_site(c, rng):
    c.band(72, 90, "#b9a07a", "#9c845f")
    c.rect(40, 28, 104, 74, "#cfd8dc")
    for y in range(28, 74, 9):
        c.rect(40, y, 104, y + 1.5, "#90a4ae")
    for x in range(40, 106, 16):
        c.rect(x, 28, x + 1.5, 74, "#90a4ae")
    for x in range(50, 100, 16):
        c.rect(x, 62, x + 8, 74, "#607d8b")
    _tower_crane(c, 124, 74, 64 + rng.uniform(-4, 4), 34, "#f9a825")
    for x in spread(rng, 20, 140, 4, jitter=0.2):
        c.person(x, 86, 14, "#ef6c00")
        c.pie(x, 86 - 14 * 0.9, 2.4, 2.2, 180, 360, "#fdd835")


@drawing("tram_street", sky=("#c9d6e3", "#eef1f4"))
def tram_street(c, rng):
    facades = ["#e8c39e", "#b5cbb7", "#d7a9a3", "#f0e2b6", "#a9bcd0"]
    x = 0
    while x < 160:
        width = rng.uniform(22, 32)
        top = rng.uniform(16, 28)
        c.rect(x, top, x + width, 66, rng.choice(facades))
        c.windows(x + 2, top + 4, x + width - 2, 60, 3, 4, "#fdf2c8", "#5d6d7e", rng, 0.3)
        x += width
    c.band(66, 90, "#8d8d8d", "#6d6d6d")
    c.rect(0, 66, 160, 68, "#bdbdbd")
    for y in (80, 84):
        c.line([(0, y), (160, y)], "#424242", 0.5)
    c.line([(0, 34), (160, 34)], "#37474f", 0.3)
    start = rng.uniform(18, 40)
    c.rect(start, 50, start + 96, 80, "#c62828", 3)
    c.rect(start, 72, start + 96, 75, "#f5f5f5")
    for window in range(8):
        wx = start + 5 + window * 11.3
        c.rect(wx, 54, wx + 8.5, 64, "#b3e5fc")
    c.line([(start + 48, 50), (start + 42, 40), (start + 52, 34)], "#37474f", 0.5)


@drawing("viaduct", sky=("#b0c4de", "#eaf2f8"))
def viaduct(c, rng):
    c.poly([(0, 58), (160, 62), (160, 90), (0, 90)], "#6d9a5e")
    c.poly([(0, 70), (160, 73), (160, 84), (0, 80)], "#4f86b5")
    c.rect(0, 30, 92, 36, "#b0b3b8")
    for x in spread(rng, 10, 140, 6):
        height = 30 if x < 96 else rng.uniform(34, 48)
        c.rect(x - 3, height + 6 if x < 96 else height, x + 3, 78, "#9ea3a8")
        if x >= 96:
            c.line([(x - 3, height), (x - 3, height - 6)], "#7b7f84", 0.5)
            c.line([(x + 3, height), (x + 3, height - 6)], "#7b7f84", 0.5)
    for x in range(4, 92, 6):
        c.line([(x, 30), (x + 3, 27)], "#616161", 0.4)
    c.line([(0, 28), (92, 28)], "#616161", 0.5)


@drawing("courthouse", sky=("#7fa7c9", "#dbe7f1"))
def courthouse(c, rng):
    c.band(76, 90, "#c5c1b8", "#aaa59a")
    c.poly([(30, 28), (80, 10), (130, 28)], "#e9e4d8")
    c.rect(30, 28, 130, 32, "#d8d1c0")
    c.rect(32, 34, 128, 66, "#9c9482")
    for x in spread(rng, 36, 124, 7):
        c.rect(x - 2.6, 32, x + 2.6, 66, "#efeadf")
        c.rect(x - 3.4, 32, x + 3.4, 34, "#d8d1c0")
    for step in range(4):
        c.rect(
            26 - step * 2,
            66 + step * 2.5,
            134 + step * 2,
            68.5 + step * 2.5,
            "#d8d1c0" if step % 2 else "#cbc3b0",
        )
    c.rect(79.5, 2, 80.5, 12, "#455a64")
    c.poly([(80.5, 2), (90, 3), (80.5, 6)], rng.choice(["#c62828", "#1565c0", "#2e7d32"]))
    c.circle(80, 21, 3, "#b89b5e")


@drawing("parliament_hall", sky=("#3e2c23", "#6d4c3d"))
def parliament_hall(c, rng):
    c.rect(0, 0, 160, 26, "#2b1d17")
    c.rect(50, 6, 110, 22, "#1b3a5c")
    for row in range(6):
        for column in range(10):
            lit = "#4caf50" if rng.random() < 0.6 else "#e53935"
            c.rect(53 + column * 5.5, 8 + row * 2.3, 57 + column * 5.5, 9.5 + row * 2.3, lit)
    for row in range(5):
        ry = 30 + row * 10
        c.arc(80, 10, 30 + row * 16, ry, 20, 160, "#a1714f", 3.2)
        c.arc(80, 10, 30 + row * 16, ry, 20, 160, "#c89b6d", 1)
    c.rect(66, 28, 94, 40, "#7a4a2e")
    c.rect(66, 28, 94, 30, "#c89b6d")
    c.rect(78, 22, 82, 28, "#263238")
