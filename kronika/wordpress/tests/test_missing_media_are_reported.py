# ruff: noqa: E501 - the posts below are WordPress HTML as WordPress writes it, one line a block
"""A picture that was not imported is named in the report; its caption stays as text."""

from kronika.testing import KronikaTestCase, make_image
from kronika.wordpress.content import convert
from kronika.wordpress.tests.fake_media import FakeMedia, noted, types, upload, validated, values

BLOCKS = f"""<!-- wp:image {{"id":99}} -->
<figure class="wp-block-image"><img src="{upload("2017/05/lost.jpg")}" class="wp-image-99"/><figcaption>Lost at sea</figcaption></figure>
<!-- /wp:image -->

<!-- wp:image {{"id":98}} -->
<figure class="wp-block-image"><img src="{upload("2017/05/found-300x200.jpg")}"/></figure>
<!-- /wp:image -->

<!-- wp:gallery {{"ids":[12,97]}} /-->

<!-- wp:gallery {{"ids":[96,95]}} -->
<figure class="wp-block-gallery"><figcaption class="blocks-gallery-caption">All gone</figcaption></figure>
<!-- /wp:gallery -->"""

CLASSIC = f"""<p>Words <img src="{upload("2017/05/missing.jpg")}"> more.</p>
[caption id="attachment_94"]<img src="{upload("2017/05/other.jpg")}"> The caption[/caption]
[gallery ids="93"]
<img src="data:image/gif;base64,R0lGOD" />"""


class MissingMediaTests(KronikaTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.found = make_image("Found")

    def media(self):
        return FakeMedia(images={12: self.found, "2017/05/found.jpg": self.found})

    def test_block_editor_images_not_found_are_reported_and_never_crash(self):
        conversion = convert(BLOCKS, self.media())
        validated(conversion)
        self.assertEqual(types(conversion), ["paragraph", "image", "gallery", "paragraph"])
        self.assertEqual(
            values(conversion, "paragraph"), ["<p>Lost at sea</p>", "<p>All gone</p>"]
        )
        self.assertEqual(values(conversion, "image")[0]["image"], self.found.pk)
        self.assertEqual(
            values(conversion, "gallery"),
            [{"images": [{"image": self.found.pk, "caption": ""}], "caption": ""}],
        )
        self.assertEqual(
            noted(conversion),
            [
                ("core/image", f"image not found: {upload('2017/05/lost.jpg')}"),
                ("core/gallery", "image not found: attachment 97"),
                ("core/gallery", "image not found: attachment 96"),
                ("core/gallery", "image not found: attachment 95"),
                ("core/gallery", "gallery dropped: none of its images were found"),
            ],
        )

    def test_classic_images_not_found_are_reported(self):
        conversion = convert(CLASSIC, self.media())
        validated(conversion)
        self.assertEqual(
            values(conversion, "paragraph"), ["<p>Words  more.</p>", "<p>The caption</p>"]
        )
        self.assertEqual(
            noted(conversion),
            [
                ("classic <img>", f"image not found: {upload('2017/05/missing.jpg')}"),
                ("shortcode [caption]", f"image not found: {upload('2017/05/other.jpg')}"),
                ("shortcode [gallery]", "image not found: attachment 93"),
                ("shortcode [gallery]", "gallery dropped: none of its images were found"),
                ("classic <img>", "image not found: an image without address"),
            ],
        )
