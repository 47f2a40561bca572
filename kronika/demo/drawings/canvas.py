"""A drawing surface measured in a 160 by 90 grid, so that each drawing reads like a
sketch on squared paper and renders the same at any 16:9 size."""

import io
import random

from PIL import Image, ImageDraw, ImageOps

GRID_WIDTH, GRID_HEIGHT = 160, 90


class Canvas:
    def __init__(self, size: tuple[int, int], sky: tuple[str, str]):
        self.scale = size[0] / GRID_WIDTH
        self.image = _gradient(size, *sky)
        self.draw = ImageDraw.Draw(self.image, "RGBA")

    def _points(self, points):
        return [(x * self.scale, y * self.scale) for x, y in points]

    def rect(self, x0, y0, x1, y1, fill, radius=0):
        box = self._points([(x0, y0), (x1, y1)])
        if radius:
            self.draw.rounded_rectangle(box, radius * self.scale, fill=fill)
        else:
            self.draw.rectangle(box, fill=fill)

    def frame(self, x0, y0, x1, y1, colour, width):
        """An unfilled rectangle: a board's markings, a pitch's lines."""
        box = self._points([(x0, y0), (x1, y1)])
        self.draw.rectangle(box, outline=colour, width=max(1, round(width * self.scale)))

    def poly(self, points, fill):
        self.draw.polygon(self._points(points), fill=fill)

    def ellipse(self, cx, cy, rx, ry, fill, outline=None, width=0):
        box = self._points([(cx - rx, cy - ry), (cx + rx, cy + ry)])
        self.draw.ellipse(box, fill=fill, outline=outline, width=round(width * self.scale))

    def circle(self, cx, cy, r, fill, outline=None, width=0):
        self.ellipse(cx, cy, r, r, fill, outline, width)

    def line(self, points, fill, width):
        self.draw.line(
            self._points(points), fill=fill, width=max(1, round(width * self.scale)), joint="curve"
        )

    def arc(self, cx, cy, rx, ry, start, end, fill, width):
        box = self._points([(cx - rx, cy - ry), (cx + rx, cy + ry)])
        self.draw.arc(box, start, end, fill=fill, width=max(1, round(width * self.scale)))

    def pie(self, cx, cy, rx, ry, start, end, fill):
        box = self._points([(cx - rx, cy - ry), (cx + rx, cy + ry)])
        self.draw.pieslice(box, start, end, fill=fill)

    def band(self, y0, y1, top, bottom):
        """A horizontal strip shaded from one colour to another: water, a field, a floor."""
        x0, y0 = self._points([(0, y0)])[0]
        x1, y1 = self._points([(GRID_WIDTH, y1)])[0]
        strip = _gradient((round(x1 - x0), max(1, round(y1 - y0))), top, bottom)
        self.image.paste(strip, (round(x0), round(y0)))

    def person(self, x, ground, height, body, head="#f1c7a5"):
        """A standing figure, its feet on the ground line."""
        self.rect(
            x - height * 0.16,
            ground - height * 0.72,
            x + height * 0.16,
            ground,
            body,
            height * 0.1,
        )
        self.circle(x, ground - height * 0.86, height * 0.14, head)

    def windows(self, x0, y0, x1, y1, columns, rows, lit, dark, rng, share_lit=0.5):
        """A grid of windows, some lit: every building needs them."""
        width, height = (x1 - x0) / columns, (y1 - y0) / rows
        for row in range(rows):
            for column in range(columns):
                left, top = x0 + column * width, y0 + row * height
                colour = lit if rng.random() < share_lit else dark
                self.rect(
                    left + width * 0.2,
                    top + height * 0.2,
                    left + width * 0.8,
                    top + height * 0.8,
                    colour,
                )

    def jpeg(self) -> bytes:
        buffer = io.BytesIO()
        self.image.save(buffer, "JPEG", quality=82, optimize=True, progressive=True)
        return buffer.getvalue()


def _gradient(size, top, bottom):
    return ImageOps.colorize(Image.linear_gradient("L").resize(size), top, bottom).convert("RGB")


def spread(rng: random.Random, start, end, count, jitter=0.0):
    """Evenly spaced positions with a seeded wobble, so repeated things look placed by hand."""
    step = (end - start) / max(1, count - 1)
    return [start + i * step + rng.uniform(-jitter, jitter) * step for i in range(count)]
