"""Sport: basketball in its halls and arenas, a coach's board, a stadium and a ski track."""

from kronika.demo.drawings.canvas import spread
from kronika.demo.drawings.registry import drawing

BALL = "#e8742c"


def _ball(c, x, y, r):
    c.circle(x, y, r, BALL)
    c.line([(x - r, y), (x + r, y)], "#3b2314", r * 0.12)
    c.line([(x, y - r), (x, y + r)], "#3b2314", r * 0.12)
    c.arc(x - r * 1.3, y, r * 0.9, r, -60, 60, "#3b2314", r * 0.12)
    c.arc(x + r * 1.3, y, r * 0.9, r, 120, 240, "#3b2314", r * 0.12)


def _hoop(c, x, top, scale=1.0):
    c.rect(x - 14 * scale, top, x + 14 * scale, top + 18 * scale, "#fafafa")
    c.frame(
        x - 5 * scale, top + 7 * scale, x + 5 * scale, top + 14 * scale, "#d32f2f", 0.8 * scale
    )
    rim = top + 15 * scale
    c.line([(x - 6 * scale, rim), (x + 6 * scale, rim)], "#e65100", 1.2 * scale)
    for i in range(5):
        offset = -6 + i * 3
        c.line(
            [(x + offset * scale, rim), (x + offset * 0.6 * scale, rim + 7 * scale)],
            "#ffffff",
            0.4 * scale,
        )
    return rim


@drawing("basketball_hoop", sky=("#0d1b2a", "#1b263b"))
def basketball_hoop(c, rng):
    for x in spread(rng, 10, 150, 6):
        c.circle(x, 4, 3, (255, 248, 220, 230))
        c.poly([(x - 3, 4), (x + 3, 4), (x + 14, 90), (x - 14, 90)], (255, 248, 220, 18))
    c.band(66, 90, "#c98f4f", "#a8703a")
    rim = _hoop(c, 80, 8, 1.4)
    _ball(c, 80 + rng.uniform(-1, 1), rim - 5, 6)
    for x in spread(rng, 16, 144, 5, jitter=0.3):
        c.person(x, 88, rng.uniform(28, 32), rng.choice(["#1565c0", "#fdd835"]), head="#7a4a2a")


@drawing("sports_hall", sky=("#eef3f7", "#dbe4ea"))
def sports_hall(c, rng):
    for x in range(0, 160, 20):
        c.rect(x + 2, 4, x + 16, 30, "#b3e5fc")
    c.band(56, 90, "#e9c58d", "#d2a466")
    c.line([(0, 70), (160, 70)], "#ffffff", 0.5)
    c.arc(80, 70, 22, 6, 0, 360, "#ffffff", 0.5)
    _hoop(c, 80, 30, 0.7)
    for x in spread(rng, 20, 140, 6):
        c.poly([(x - 2, 80), (x + 2, 80), (x, 74)], "#ff6f00")
    for _ in range(4):
        _ball(c, rng.uniform(10, 150), rng.uniform(60, 66), 2.2)
    for x in spread(rng, 30, 130, 3, jitter=0.3):
        c.person(x, 76, 16, "#00897b")


@drawing("basketball_arena", sky=("#101826", "#243049"))
def basketball_arena(c, rng):
    for tier in range(5):
        y = 10 + tier * 8
        c.rect(0, y, 160, y + 7, "#3949ab" if tier % 2 else "#303f9f")
        for x in range(0, 160, 4):
            c.rect(x + 0.6, y + 1, x + 3.4, y + 4, "#5c6bc0")
    c.poly([(18, 54), (142, 54), (160, 90), (0, 90)], "#d9a066")
    c.line([(80, 54), (80, 90)], "#ffffff", 0.5)
    c.ellipse(80, 70, 12, 5, None, "#ffffff", 0.5)
    for x in (26, 134):
        c.poly([(x - 6, 54), (x + 6, 54), (x + 9, 66), (x - 9, 66)], "#c0392b")
    c.rect(60, 0, 100, 9, "#111111")
    c.rect(62, 2, 98, 7, "#1f1f1f")
    c.rect(66, 3, 76, 6, "#ff5252")
    c.rect(84, 3, 94, 6, "#ff5252")


@drawing("tactics_board", sky=("#3e4a3d", "#2f3a2f"))
def tactics_board(c, rng):
    c.rect(24, 6, 136, 84, "#eceff1", 3)
    c.rect(28, 10, 132, 80, "#f7f7f2")
    c.line([(28, 45), (132, 45)], "#90a4ae", 0.5)
    c.arc(80, 45, 12, 12, 0, 360, "#90a4ae", 0.5)
    c.frame(64, 10, 96, 26, "#90a4ae", 0.5)
    for x in spread(rng, 40, 120, 5, jitter=0.3):
        y = rng.uniform(30, 60)
        c.circle(x, y, 3.2, None, "#1565c0", 0.8)
        end = (80 + rng.uniform(-10, 10), 20 + rng.uniform(-2, 4))
        c.line([(x, y - 3), ((x + end[0]) / 2 + 6, (y + end[1]) / 2), end], "#1565c0", 0.6)
    for x in spread(rng, 44, 116, 4, jitter=0.3):
        y = rng.uniform(55, 72)
        c.line([(x - 2.5, y - 2.5), (x + 2.5, y + 2.5)], "#d32f2f", 0.8)
        c.line([(x - 2.5, y + 2.5), (x + 2.5, y - 2.5)], "#d32f2f", 0.8)
    c.rect(128, 80, 134, 84, "#37474f")


@drawing("football_stadium", sky=("#3d5a45", "#2e4535"))
def football_stadium(c, rng):
    c.rect(14, 6, 146, 84, "#9aa5ad", 8)
    c.rect(18, 10, 142, 80, "#c62828", 6)
    for x in range(20, 140, 3):
        c.rect(x, 11, x + 1.5, 13, "#ffcdd2")
        c.rect(x, 77, x + 1.5, 79, "#ffcdd2")
    c.rect(30, 18, 130, 72, "#43a047")
    for stripe in range(0, 10, 2):
        c.rect(30 + stripe * 10, 18, 40 + stripe * 10, 72, "#4caf50")
    lines = "#ffffff"
    c.frame(32, 20, 128, 70, lines, 0.5)
    c.line([(80, 20), (80, 70)], lines, 0.5)
    c.circle(80, 45, 8, None, lines, 0.5)
    for x0, x1 in ((32, 44), (116, 128)):
        c.frame(x0, 33, x1, 57, lines, 0.5)
    for _ in range(6):
        c.circle(rng.uniform(36, 124), rng.uniform(24, 66), 1, rng.choice(["#1565c0", "#fdd835"]))


@drawing("ski_track", sky=("#b7c4cf", "#e3e8ec"))
def ski_track(c, rng):
    c.poly([(0, 40), (50, 34), (110, 38), (160, 33), (160, 90), (0, 90)], "#8d7a5f")
    for x in range(0, 164, 4):
        c.poly([(x - 3, 41), (x, 30 + rng.uniform(-2, 2)), (x + 3, 41)], "#4b5d4a")
    track = [(160, 44), (120, 52), (90, 58), (60, 68), (40, 80), (30, 90)]
    c.line(track, "#f5f7f8", 7)
    for offset in (-1.2, 1.2):
        c.line([(x + offset, y) for x, y in track], "#c8d2da", 0.35)
    skier_x = rng.uniform(84, 96)
    c.person(skier_x, 58, 12, "#d32f2f")
    c.line([(skier_x - 6, 58), (skier_x + 6, 57)], "#263238", 0.6)
    c.line([(skier_x + 2, 48), (skier_x + 6, 58)], "#263238", 0.3)
