# ruff: noqa: E501 - the posts below are WordPress HTML as WordPress writes it, one line a block
"""Block-editor images, galleries, embeds, files, videos, tables, code and HTML."""

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

POST = f"""<!-- wp:image {{"id":12,"sizeSlug":"large"}} -->
<figure class="wp-block-image size-large"><img src="{upload("2017/05/elsewhere.jpg")}" alt="" class="wp-image-12"/><figcaption class="wp-element-caption">The <em>harbour</em> at dawn</figcaption></figure>
<!-- /wp:image -->

<!-- wp:image -->
<figure class="wp-block-image"><a href="{upload("2017/05/bridge.jpg")}"><img src="{upload("2017/05/bridge-300x200.jpg")}" alt=""/></a></figure>
<!-- /wp:image -->

<!-- wp:gallery {{"linkTo":"none"}} -->
<figure class="wp-block-gallery has-nested-images"><!-- wp:image {{"id":12}} -->
<figure class="wp-block-image"><img src="{upload("2017/05/harbour.jpg")}" class="wp-image-12"/><figcaption class="wp-element-caption">First</figcaption></figure>
<!-- /wp:image -->

<!-- wp:image {{"id":13}} -->
<figure class="wp-block-image"><img src="{upload("2017/05/bridge.jpg")}" class="wp-image-13"/></figure>
<!-- /wp:image --><figcaption class="blocks-gallery-caption wp-element-caption">Two pictures</figcaption></figure>
<!-- /wp:gallery -->

<!-- wp:gallery {{"ids":[12,13]}} -->
<figure class="wp-block-gallery columns-2"><ul class="blocks-gallery-grid"><li class="blocks-gallery-item"><figure><img src="x" data-id="12"/></figure></li></ul></figure>
<!-- /wp:gallery -->

<!-- wp:embed {{"url":"https://www.youtube.com/watch?v=abc","type":"video","providerNameSlug":"youtube"}} -->
<figure class="wp-block-embed is-type-video"><div class="wp-block-embed__wrapper">
https://www.youtube.com/watch?v=abc
</div><figcaption class="wp-element-caption">A film</figcaption></figure>
<!-- /wp:embed -->

<!-- wp:core-embed/twitter {{"url":"https://twitter.com/x/status/1"}} -->
<figure class="wp-block-embed-twitter"><div class="wp-block-embed__wrapper">
https://twitter.com/x/status/1
</div></figure>
<!-- /wp:core-embed/twitter -->

<!-- wp:table -->
<figure class="wp-block-table"><table><thead><tr><th>Town</th><th>Votes</th></tr></thead><tbody><tr><td>Vilnius</td><td>1<br>2</td></tr><tr><td colspan="2"><a href="https://e.example">Total</a></td></tr></tbody></table><figcaption class="wp-element-caption">Results</figcaption></figure>
<!-- /wp:table -->

<!-- wp:code -->
<pre class="wp-block-code"><code class="language-python">if a &lt; b:
    print("[gallery]")</code></pre>
<!-- /wp:code -->

<!-- wp:preformatted -->
<pre class="wp-block-preformatted">Kept   as
typed</pre>
<!-- /wp:preformatted -->

<!-- wp:html -->
<div class="box"><h5>Small</h5><p>Text<sup>2</sup> <del>old</del></p><script>alert(1)</script></div>
<!-- /wp:html -->

<!-- wp:file {{"id":30,"href":"{upload("2017/05/report.pdf")}"}} -->
<div class="wp-block-file"><a href="{upload("2017/05/report.pdf")}">The report</a><a href="{upload("2017/05/report.pdf")}" class="wp-block-file__button" download>Download</a></div>
<!-- /wp:file -->

<!-- wp:video {{"id":40}} -->
<figure class="wp-block-video"><video controls src="{upload("2017/05/film.mp4")}"></video><figcaption class="wp-element-caption">Our film</figcaption></figure>
<!-- /wp:video -->

<!-- wp:video -->
<figure class="wp-block-video"><video controls src="https://videos.example/film.mp4"></video></figure>
<!-- /wp:video -->"""


class BlockEditorMediaTests(ConversionTestCase):
    def setUp(self):
        media = FakeMedia(
            images={12: self.harbour, "2017/05/bridge.jpg": self.bridge, 13: self.bridge},
            documents={"2017/05/report.pdf": "/documents/7/report.pdf"},
        )
        self.conversion = convert(POST, media)

    def test_every_block_is_converted_in_order_and_validates(self):
        self.assertEqual(
            types(self.conversion),
            ["image", "image", "gallery", "gallery", "embed", "embed", "table", "code", "code",
             "html", "paragraph", "paragraph", "embed"],
        )  # fmt: skip
        validated(self.conversion)

    def test_images_are_found_by_attachment_id_or_address_and_keep_their_caption(self):
        self.assertEqual(
            values(self.conversion, "image"),
            [
                {"image": self.harbour.pk, "caption": "The harbour at dawn", "credit": ""},
                {"image": self.bridge.pk, "caption": "", "credit": ""},
            ],
        )

    def test_galleries_come_from_their_image_blocks_or_their_ids(self):
        first, second = values(self.conversion, "gallery")
        self.assertEqual(
            first,
            {
                "images": [
                    {"image": self.harbour.pk, "caption": "First"},
                    {"image": self.bridge.pk, "caption": ""},
                ],
                "caption": "Two pictures",
            },
        )
        self.assertEqual(
            [item["image"] for item in second["images"]], [self.harbour.pk, self.bridge.pk]
        )
        self.assertEqual(self.conversion.mapped[("core/image", "gallery")], 2)

    def test_embeds_keep_their_address_and_caption(self):
        youtube, twitter, video = values(self.conversion, "embed")
        self.assertEqual(
            youtube,
            {"url": "https://www.youtube.com/watch?v=abc", "title": "", "caption": "A film"},
        )
        self.assertEqual(twitter["url"], "https://twitter.com/x/status/1")
        self.assertEqual(self.conversion.mapped[("core-embed/twitter", "embed")], 1)
        self.assertEqual(video["url"], "https://videos.example/film.mp4")

    def test_a_table_keeps_its_header_row_caption_and_plain_text_cells(self):
        (table,) = values(self.conversion, "table")
        self.assertEqual(table["data"], [["Town", "Votes"], ["Vilnius", "1\n2"], ["Total", ""]])
        self.assertTrue(table["first_row_is_table_header"])
        self.assertEqual(table["table_caption"], "Results")
        self.assertIn(
            ("core/table", "table cells kept as plain text, without links"), noted(self.conversion)
        )

    def test_code_keeps_its_text_exactly_and_shortcodes_in_it_stay_text(self):
        code, preformatted = values(self.conversion, "code")
        self.assertEqual(code, {"language": "python", "code": 'if a < b:\n    print("[gallery]")'})
        self.assertEqual(preformatted, {"language": "", "code": "Kept   as\ntyped"})

    def test_html_keeps_what_the_html_block_allows_and_drops_scripts(self):
        (html,) = values(self.conversion, "html")
        self.assertEqual(html, "<h4>Small</h4><p>Text<sup>2</sup> <s>old</s></p>")
        self.assertIn(("<script>", "dropped"), noted(self.conversion))

    def test_a_file_becomes_a_link_to_the_imported_document(self):
        self.assertEqual(
            values(self.conversion, "paragraph")[0],
            '<p><a href="/documents/7/report.pdf">The report</a></p>',
        )

    def test_an_uploaded_video_is_reported_and_its_caption_kept(self):
        self.assertEqual(values(self.conversion, "paragraph")[1], "<p>Our film</p>")
        self.assertIn(
            ("core/video", f"video not carried over: {upload('2017/05/film.mp4')}"),
            noted(self.conversion),
        )
