"""Energy and weather: wind turbines, power plants, pylons and a storm."""

import math

from kronika.demo.drawings.canvas import spread
from kronika.demo.drawings.registry import drawing


def _turbine(c, x, base, height, angle, colour="#f4f6f8"):
    hub = base - height
    c.poly(
        [(x - height * 0.03, base), (x + height * 0.03, base), (x + 0.4, hub), (x - 0.4, hub)],
        colour,
    )
    for blade in range(3):
        a = math.radians(angle + blade * 120)
        tip = (x + math.cos(a) * height * 0.55, hub + math.sin(a) * height * 0.55)
        side = (math.cos(a + math.pi / 2) * 1.1, math.sin(a + math.pi / 2) * 1.1)
        c.poly(
            [(x + side[0], hub + side[1]), tip, (x - side[0] * 0.3, hub - side[1] * 0.3)], colour
        )
    c.circle(x, hub, max(0.9, height * 0.035), colour)


def _chimney(c, x, top, base, width, body, stripe):
    c.poly(
        [
            (x - width * 0.6, base),
            (x + width * 0.6, base),
            (x + width / 2, top),
            (x - width / 2, top),
        ],
        body,
    )
    c.rect(x - width * 0.52, top + 3, x + width * 0.52, top + 5, stripe)


def _plume(c, x, top, rng, colour, drift=1):
    for step in range(7):
        r = 3 + step * 1.6
        c.circle(x + drift * step * 4 + rng.uniform(-1, 1), top - 3 - step * 3.2, r, colour)


@drawing("wind_farm_at_sea", sky=("#9cc3e4", "#e8f1f8"))
def wind_farm_at_sea(c, rng):
    c.band(58, 90, "#4f7ea8", "#1d3f63")
    for x in spread(rng, 12, 150, 7, jitter=0.15):
        distance = rng.uniform(0.45, 1.0)
        _turbine(c, x, 58 + distance * 8, 22 + distance * 26, rng.uniform(0, 120))
    for y in range(62, 90, 5):
        c.line([(rng.uniform(0, 40), y), (rng.uniform(60, 160), y)], (255, 255, 255, 40), 0.4)


@drawing("wind_turbine_by_village", sky=("#cfe3ef", "#f6efe0"))
def wind_turbine_by_village(c, rng):
    c.poly([(0, 60), (60, 55), (160, 58), (160, 90), (0, 90)], "#8fb07a")
    _turbine(c, 108 + rng.uniform(-6, 6), 58, 46, rng.uniform(0, 120), "#ffffff")
    for i, x in enumerate(spread(rng, 10, 80, 5, jitter=0.1)):
        wall = ["#c94f3d", "#e8c46a", "#f1ece2", "#6f8fa8", "#c94f3d"][i]
        c.rect(x - 7, 66, x + 7, 80, wall)
        c.poly([(x - 8.5, 66), (x, 58), (x + 8.5, 66)], "#3c3a40")
        c.rect(x - 2, 72, x + 2, 80, "#4a3426")
    c.band(84, 90, "#6f9460", "#56784b")


@drawing("power_plant_at_dusk", sky=("#3a2d5c", "#f29e4c"))
def power_plant_at_dusk(c, rng):
    c.circle(40, 56, 9, "#ffd27a")
    c.rect(0, 60, 160, 90, "#2b2233")
    c.rect(70, 46, 140, 72, "#3d3142")
    c.windows(74, 52, 136, 68, 9, 2, "#ffcf6e", "#2b2233", rng, 0.6)
    for x, top in [(84, 16), (104, 12), (124, 20)]:
        _chimney(c, x, top + rng.uniform(-2, 2), 47, 6, "#4a3b4d", "#c44536")
        _plume(c, x, top, rng, (120, 110, 130, 120))
    c.rect(0, 72, 160, 90, "#1f1a26")


@drawing("heating_plant_in_winter", sky=("#b8c7d6", "#eef2f5"))
def heating_plant_in_winter(c, rng):
    c.band(62, 90, "#f7f9fb", "#dfe7ee")
    c.rect(86, 44, 132, 66, "#8a5a44")
    c.rect(86, 42, 132, 45, "#ffffff")
    c.windows(90, 48, 128, 62, 6, 2, "#ffe39a", "#5b3b2e", rng, 0.5)
    _chimney(c, 112, 10, 44, 7, "#9c6b55", "#e4e4e4")
    _plume(c, 112, 10, rng, (255, 255, 255, 200), drift=-1)
    for x in spread(rng, 8, 70, 4, jitter=0.1):
        c.rect(x - 8, 56, x + 8, 70, "#6d7f91")
        c.poly([(x - 10, 57), (x, 48), (x + 10, 57)], "#ffffff")
        c.rect(x - 3, 60, x + 3, 64, "#ffe39a")
    for _ in range(60):
        c.circle(rng.uniform(0, 160), rng.uniform(0, 90), 0.45, (255, 255, 255, 220))


def _pylon(c, x, base, height, colour):
    top = base - height
    c.line([(x - height * 0.18, base), (x, top), (x + height * 0.18, base)], colour, 0.7)
    for level in (0.2, 0.4):
        y = top + height * level
        c.line([(x - height * 0.22, y), (x + height * 0.22, y)], colour, 0.7)
    c.line(
        [(x - height * 0.12, base - height * 0.3), (x + height * 0.09, base - height * 0.55)],
        colour,
        0.4,
    )
    return [(x - height * 0.22, top + height * 0.2), (x + height * 0.22, top + height * 0.2)]


@drawing("pylons_over_snow", sky=("#7f9bb5", "#d9e4ec"))
def pylons_over_snow(c, rng):
    c.poly([(0, 58), (50, 54), (110, 57), (160, 53), (160, 90), (0, 90)], "#f4f7fa")
    for x in range(0, 164, 3):
        top = 50 + rng.uniform(-2, 2)
        c.poly([(x - 2.5, 57), (x, top), (x + 2.5, 57)], "#4c6b58")
    previous = None
    for i, x in enumerate(spread(rng, 18, 150, 4)):
        height = 18 + i * 9
        arms = _pylon(c, x, 58 + i * 8, height, "#39424e")
        if previous:
            for a, b in zip(previous, arms, strict=True):
                middle = ((a[0] + b[0]) / 2, (a[1] + b[1]) / 2 + 3)
                c.line([a, middle, b], "#39424e", 0.3)
        previous = arms
    for _ in range(8):
        x, y = rng.uniform(0, 150), rng.uniform(66, 88)
        c.line([(x, y), (x + 12, y + 0.5)], "#dfe7ee", 0.5)


@drawing("storm_over_power_line", sky=("#2e3440", "#6b7685"))
def storm_over_power_line(c, rng):
    for _ in range(6):
        c.ellipse(
            rng.uniform(0, 160), rng.uniform(0, 20), rng.uniform(20, 35), 9, (70, 78, 92, 200)
        )
    c.band(64, 90, "#4b5a3c", "#2f3a26")
    for x in (20, 140):
        c.rect(x - 1, 30, x + 1, 66, "#5a4636")
        c.rect(x - 6, 32, x + 6, 33.5, "#5a4636")
    c.line([(20, 33), (60, 44), (80, 58)], "#1b1f24", 0.5)
    c.line([(140, 33), (104, 42), (92, 50)], "#1b1f24", 0.5)
    tilt = rng.uniform(-2, 2)
    c.poly([(40, 68 + tilt), (128, 44), (130, 48), (42, 72 + tilt)], "#6e4b32")
    for i in range(6):
        x = 70 + i * 10
        y = 62 - i * 3.1 + tilt * (1 - i / 6)
        c.poly([(x - 6, y + 4), (x + 2, y - 9), (x + 10, y + 2)], "#1f4a34")
    for _ in range(140):
        x, y = rng.uniform(-10, 160), rng.uniform(0, 90)
        c.line([(x, y), (x + 2, y + 6)], (200, 210, 225, 110), 0.25)
