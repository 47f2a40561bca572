"""Authors' portraits and the logo for the demo paper, drawn here so the demo needs no
network; the articles' pictures are in kronika.demo.drawings."""

import hashlib
import io
import random

from PIL import Image, ImageDraw, ImageFont

PALETTES = {
    "blue": ("#0b2545", "#8da9c4"),
    "green": ("#1b4332", "#95d5b2"),
    "red": ("#6a040f", "#f48c06"),
    "amber": ("#7f4f24", "#ffd166"),
    "purple": ("#3c096c", "#c77dff"),
    "teal": ("#004e64", "#9fffcb"),
    "slate": ("#212529", "#adb5bd"),
}


def _rng(seed: str) -> random.Random:
    return random.Random(int(hashlib.sha256(seed.encode()).hexdigest()[:16], 16))


def portrait(seed: str, name: str, size=400) -> bytes:
    """A round badge with the author's initials."""
    rng = _rng(seed)
    dark, light = PALETTES[rng.choice(sorted(PALETTES))]
    picture = Image.new("RGB", (size, size), light)
    draw = ImageDraw.Draw(picture)
    draw.ellipse((size * 0.08, size * 0.08, size * 0.92, size * 0.92), fill=dark)
    initials = "".join(part[0] for part in name.split()[:2]).upper()
    font = ImageFont.load_default(size=size // 3)
    draw.text((size / 2, size / 2), initials, fill=light, font=font, anchor="mm")
    buffer = io.BytesIO()
    picture.save(buffer, "JPEG", quality=85, optimize=True)
    return buffer.getvalue()
