"""Pictures for the demo paper, drawn here so the demo needs no network and no stock photos."""

import hashlib
import io
import random

from PIL import Image, ImageDraw, ImageFilter, ImageFont, ImageOps

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


def illustration(seed: str, palette: str, size=(1600, 900)) -> bytes:
    """An abstract landscape: a gradient sky, a horizon and a few soft shapes."""
    rng = _rng(seed)
    dark, light = PALETTES.get(palette, PALETTES["slate"])
    gradient = Image.linear_gradient("L")
    turn = rng.choice([None, Image.Transpose.FLIP_TOP_BOTTOM, Image.Transpose.ROTATE_90])
    if turn is not None:
        gradient = gradient.transpose(turn)
    picture = ImageOps.colorize(gradient.resize(size), dark, light).convert("RGB")
    overlay = Image.new("RGBA", size, (0, 0, 0, 0))
    draw = ImageDraw.Draw(overlay)
    width, height = size
    for _ in range(rng.randint(3, 6)):
        radius = rng.randint(height // 10, height // 3)
        x, y = rng.randint(0, width), rng.randint(0, height // 2)
        draw.ellipse(
            (x - radius, y - radius, x + radius, y + radius),
            fill=(255, 255, 255, rng.randint(25, 70)),
        )
    horizon = int(height * rng.uniform(0.55, 0.75))
    points = [(0, horizon)]
    for x in range(0, width + 80, 80):
        points.append((x, horizon + rng.randint(-40, 40)))
    points += [(width, height), (0, height)]
    draw.polygon(
        points,
        fill=(*ImageOps.colorize(Image.new("L", (1, 1), 30), dark, light).getpixel((0, 0)), 230),
    )
    picture = Image.alpha_composite(
        picture.convert("RGBA"), overlay.filter(ImageFilter.GaussianBlur(3))
    )
    buffer = io.BytesIO()
    picture.convert("RGB").save(buffer, "JPEG", quality=82, optimize=True, progressive=True)
    return buffer.getvalue()


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
