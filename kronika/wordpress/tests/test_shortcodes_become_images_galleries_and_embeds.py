# ruff: noqa: E501 - the posts below are WordPress HTML as WordPress writes it, one line a block
"""[caption], [gallery] and [embed] shortcodes, and WordPress's auto-embeds, become blocks."""

from kronika.wordpress.content import convert
from kronika.wordpress.tests.fake_media import (
    ConversionTestCase,
    FakeMedia,
    noted,
    types,
    upload,
    validated,
    values,
)

CLASSIC = f"""Before the picture.

[caption id="attachment_12" align="aligncenter" width="300"]<a href="{upload("2017/05/harbour.jpg")}"><img class="size-medium wp-image-12" src="{upload("2017/05/harbour-300x200.jpg")}" /></a> The harbour, <em>at dawn</em>[/caption]

[caption id="" align="alignnone" width="100" caption="An old-style caption"]<img src="{upload("2017/05/bridge.jpg")}" />[/caption]

[gallery columns="2" ids="12, 13"]

[embed width="500"]https://www.youtube.com/watch?v=abc[/embed]

https://vimeo.com/12345

[audio src="{upload("2017/05/song.mp3")}"]
[video mp4="{upload("2017/05/film.mp4")}"][/video]
After."""

BLOCKS = """<!-- wp:shortcode -->
[gallery ids="13"]
<!-- /wp:shortcode -->

<!-- wp:paragraph -->
<p>A paragraph [embed]https://twitter.com/x/status/1[/embed] holding one.</p>
<!-- /wp:paragraph -->

<!-- wp:paragraph -->
<p>https://www.youtube.com/watch?v=def</p>
<!-- /wp:paragraph -->"""


class ShortcodeTests(ConversionTestCase):
    def media(self):
        return FakeMedia(
            images={12: self.harbour, 13: self.bridge, "2017/05/bridge.jpg": self.bridge}
        )

    def test_classic_shortcodes_become_blocks_in_place(self):
        conversion = convert(CLASSIC, self.media())
        self.assertEqual(
            types(conversion),
            ["paragraph", "image", "image", "gallery", "embed", "embed", "paragraph"],
        )
        validated(conversion)
        self.assertEqual(
            values(conversion, "image"),
            [
                {"image": self.harbour.pk, "caption": "The harbour, at dawn", "credit": ""},
                {"image": self.bridge.pk, "caption": "An old-style caption", "credit": ""},
            ],
        )
        self.assertEqual(
            values(conversion, "gallery"),
            [
                {
                    "images": [
                        {"image": self.harbour.pk, "caption": ""},
                        {"image": self.bridge.pk, "caption": ""},
                    ],
                    "caption": "",
                }
            ],
        )
        self.assertEqual(
            [embed["url"] for embed in values(conversion, "embed")],
            ["https://www.youtube.com/watch?v=abc", "https://vimeo.com/12345"],
        )
        self.assertEqual(
            values(conversion, "paragraph"), ["<p>Before the picture.</p>", "<p>After.</p>"]
        )

    def test_each_shortcode_is_counted_and_audio_and_video_are_reported(self):
        conversion = convert(CLASSIC, self.media())
        self.assertEqual(conversion.mapped[("shortcode [caption]", "image")], 2)
        self.assertEqual(conversion.mapped[("shortcode [gallery]", "gallery")], 1)
        self.assertEqual(conversion.mapped[("shortcode [embed]", "embed")], 1)
        self.assertEqual(conversion.mapped[("auto-embed URL", "embed")], 1)
        self.assertEqual(
            noted(conversion),
            [
                ("shortcode [audio]", f"not carried over: {upload('2017/05/song.mp3')}"),
                ("shortcode [video]", f"not carried over: {upload('2017/05/film.mp4')}"),
            ],
        )

    def test_shortcodes_in_block_editor_content_become_blocks_too(self):
        conversion = convert(BLOCKS, self.media())
        self.assertEqual(
            types(conversion), ["gallery", "paragraph", "embed", "paragraph", "embed"]
        )
        validated(conversion)
        self.assertEqual(
            values(conversion, "paragraph"), ["<p>A paragraph</p>", "<p>holding one.</p>"]
        )
        self.assertEqual(
            [embed["url"] for embed in values(conversion, "embed")],
            ["https://twitter.com/x/status/1", "https://www.youtube.com/watch?v=def"],
        )

    def test_a_gallery_without_ids_is_reported(self):
        conversion = convert('[gallery columns="3"]', self.media())
        self.assertEqual(conversion.blocks, [])
        self.assertEqual(
            noted(conversion),
            [("shortcode [gallery]", "gallery dropped: it shows the post's attached images")],
        )
