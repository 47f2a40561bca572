"""The picture a link preview shows for a page without one: the paper's mark on newsprint.

1200 by 630 pixels, the size OpenGraph and X's large cards ask for: the paper's
uploaded logo, or its name in the wordmark's face (kronika.base.wordmark, set
by FreeType from the same fonts and kerning), centred on the site's tint with
a rule in its accent colour. Made once per name and logo and kept in memory;
the address carries a digest of both, so that a preview made before a rename
is not reused by the networks that cache pictures by address.
"""

import hashlib
import io
from functools import lru_cache

from django.http import HttpResponse
from django.urls import reverse
from PIL import Image, ImageDraw, ImageFont

from kronika.base import wordmark
from kronika.base.models import PaperSettings

SIZE = WIDTH, HEIGHT = 1200, 630
# The reader stylesheet's --tint, --ink and --accent.
BACKGROUND, INK, ACCENT = "#f4f1ea", "#1b1b1b", "#9b1c1c"
# The mark fills at most this box, centred; the rule runs along the foot.
MARK_BOX = (1040, 300)
RULE_HEIGHT = 16


def _logo_key(paper) -> str:
    logo = paper.logo
    return f"{logo.pk}:{logo.file.name}" if logo is not None else ""


def url(paper) -> str:
    """The picture's address for this name and logo."""
    digest = hashlib.sha256(f"{paper.name}\n{_logo_key(paper)}".encode()).hexdigest()[:12]
    return f"{reverse('share-image')}?v={digest}"


def png(paper) -> bytes:
    return _render(paper.name, _logo_key(paper), paper.logo)


@lru_cache(maxsize=8)
def _render(name: str, logo_key: str, logo) -> bytes:
    # An image compares by its id: logo_key adds its file, which a new upload changes.
    picture = Image.new("RGB", SIZE, BACKGROUND)
    draw = ImageDraw.Draw(picture)
    if logo is not None:
        _paste_logo(picture, logo)
    else:
        with wordmark.fonts_in_use:  # the fonts' tables are read as they are drawn
            _draw_name(draw, name)
    draw.rectangle((0, HEIGHT - RULE_HEIGHT, WIDTH, HEIGHT), fill=ACCENT)
    buffer = io.BytesIO()
    picture.save(buffer, "PNG", optimize=True)
    return buffer.getvalue()


@lru_cache(maxsize=16)
def _font(index: int, size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(io.BytesIO(wordmark.font_data(index)), size)


def _draw_name(draw: ImageDraw.ImageDraw, name: str) -> None:
    shape = wordmark.layout(name)
    em = wordmark.fonts()[0]["head"].unitsPerEm
    cap_height = wordmark.fonts()[0]["OS/2"].sCapHeight
    size = min(MARK_BOX[0] * em / shape.width, MARK_BOX[1] * em / shape.height)
    scale = size / em
    left = (WIDTH - shape.width * scale) / 2
    # The capitals' middle on the picture's middle, above the rule.
    baseline = (HEIGHT - RULE_HEIGHT) / 2 + cap_height * scale / 2
    for place in shape.placed:
        if place.font is None:
            continue  # FreeType has no font for it either: its space stays empty
        font = _font(place.font, round(size))
        draw.text(
            (left + place.x * scale, baseline), place.character, font=font, fill=INK, anchor="ls"
        )


def _paste_logo(picture: Image.Image, logo) -> None:
    with logo.open_file() as file, Image.open(file) as source:
        mark = source.convert("RGBA")
    mark.thumbnail(MARK_BOX, Image.Resampling.LANCZOS)
    top_left = ((WIDTH - mark.width) // 2, (HEIGHT - RULE_HEIGHT - mark.height) // 2)
    picture.paste(mark, top_left, mark)


def view(request) -> HttpResponse:
    """The share picture of the request's paper; cached as any reader's response is."""
    return HttpResponse(png(PaperSettings.for_request(request)), content_type="image/png")
