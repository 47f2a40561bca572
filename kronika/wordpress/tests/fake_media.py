"""A stand-in for the importer's media: imported images by attachment id and upload path."""

import json
import re
from urllib.parse import urlsplit

from django.core.exceptions import ValidationError

from kronika.base.blocks import BodyBlock
from kronika.testing import KronikaTestCase, make_image

OLD_SITE = "https://old.example"
# WordPress's resized copies: picture-300x200.jpg, picture-scaled.jpg.
SIZE_SUFFIX = re.compile(r"-(?:\d+x\d+|scaled)(?=\.\w+$)")


class FakeMedia:
    def __init__(self, images=None, documents=None):
        self.images = dict(images or {})  # attachment id or upload path -> KronikaImage
        self.documents = dict(documents or {})  # upload path -> its new address
        self.asked: list = []

    def image(self, ref):
        self.asked.append(ref)
        if isinstance(ref, int):
            return self.images.get(ref)
        return self.images.get(upload_path(ref))

    def link(self, url: str) -> str:
        path = upload_path(url)
        if path in self.documents:
            return self.documents[path]
        if url.startswith(OLD_SITE + "/"):
            return url[len(OLD_SITE) :]
        return url


def upload_path(url: str) -> str:
    path = urlsplit(url).path
    _, found, after = path.partition("/wp-content/uploads/")
    return SIZE_SUFFIX.sub("", after if found else path.lstrip("/"))


def upload(path: str) -> str:
    return f"{OLD_SITE}/wp-content/uploads/{path}"


def validated(conversion):
    """The conversion's blocks as the body's StreamField reads and checks them."""
    # A post may hold nothing but what is dropped: its body is then empty.
    block = BodyBlock(required=False)
    try:
        return block.clean(block.to_python(conversion.blocks))
    except ValidationError as error:
        errors = error.as_json_data() if hasattr(error, "as_json_data") else error.messages
        raise AssertionError(f"{errors}\nin {json.dumps(conversion.blocks)[:3000]}") from error


def types(conversion) -> list[str]:
    return [item["type"] for item in conversion.blocks]


def values(conversion, block_type: str) -> list:
    return [item["value"] for item in conversion.blocks if item["type"] == block_type]


def noted(conversion) -> list[tuple[str, str]]:
    return [(note.what, note.detail) for note in conversion.notes]


class ConversionTestCase(KronikaTestCase):
    """A paper with two imported pictures for converted content to point at."""

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.harbour = make_image("Harbour")
        cls.bridge = make_image("Bridge")
