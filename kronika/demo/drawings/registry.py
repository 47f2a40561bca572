"""The drawings by name: each family module registers its subjects here."""

import hashlib
import json
import random
from collections.abc import Callable
from pathlib import Path

from kronika.demo.drawings.canvas import Canvas

DEMO_SIZE = (1600, 900)

Drawing = Callable[[Canvas, random.Random], None]
DRAWINGS: dict[str, tuple[Drawing, tuple[str, str]]] = {}

# What each drawing shows, in a few words: the title of its picture in the
# admin, where the image chooser tells pictures apart by it (an article's
# headline says what the story is, not what the picture shows).
TITLES: dict[str, str] = json.loads((Path(__file__).parent / "titles.json").read_text())


def drawing(name: str, sky: tuple[str, str]):
    """Register a subject under its name, with the two colours of its background."""

    def register(function: Drawing) -> Drawing:
        DRAWINGS[name] = (function, sky)
        return function

    return register


def seeded(seed: str) -> random.Random:
    return random.Random(int(hashlib.sha256(seed.encode()).hexdigest()[:16], 16))


def render(name: str, seed: str, size=DEMO_SIZE) -> bytes:
    """The named subject as a JPEG; the seed moves its details, never what it shows."""
    function, sky = DRAWINGS[name]
    canvas = Canvas(size, sky)
    function(canvas, seeded(f"{name}:{seed}"))
    return canvas.jpeg()
