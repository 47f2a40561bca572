# ruff: noqa: E501 - the posts below are WordPress HTML as WordPress writes it, one line a block
"""Classic-editor HTML: wpautop's paragraphs and line breaks, then each element to a block."""

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

POST = f"""First paragraph, with a <a href="https://old.example/about/">link</a>.
Its second line.

Second paragraph with a picture <img src="{upload("2017/05/harbour-1024x768.jpg")}" class="alignright wp-image-12"> inside.
<h1>Big</h1>
<h3>Smaller</h3>
<ul>
	<li>One</li>
	<li>Two</li>
</ul>
<blockquote>Quoted words.

More quoted words.</blockquote>
<a href="{upload("2017/05/bridge.jpg")}"><img src="{upload("2017/05/bridge-150x150.jpg")}"></a>
<table><tr><th>A</th><th>B</th></tr><tr><td>1</td><td>2</td></tr></table>
<hr />
<pre>  indented
code</pre>
<iframe src="https://www.youtube.com/embed/abc" title="A film" width="560"></iframe>
<iframe src="javascript:alert(1)"></iframe>
<script>alert(1)</script>
<style>p {{ color: red }}</style>
<object data="x.swf"></object>
<figure><img src="{upload("2017/05/bridge.jpg")}"><figcaption>A bridge</figcaption></figure>
<div class="wrapper"><p>In a div.</p>Loose text in a div.</div>
<marquee>Anything else is text</marquee>

https://vimeo.com/12345

Last words."""


class ClassicHtmlTests(ConversionTestCase):
    def setUp(self):
        media = FakeMedia(images={12: self.harbour, "2017/05/bridge.jpg": self.bridge})
        self.conversion = convert(POST, media)

    def test_each_element_becomes_its_block_in_order_and_validates(self):
        self.assertEqual(
            types(self.conversion),
            ["paragraph", "paragraph", "image", "heading", "heading", "paragraph", "quote",
             "image", "table", "separator", "code", "embed", "image", "paragraph", "paragraph",
             "paragraph", "embed", "paragraph"],
        )  # fmt: skip
        validated(self.conversion)

    def test_blank_lines_make_paragraphs_and_single_newlines_line_breaks(self):
        paragraphs = values(self.conversion, "paragraph")
        self.assertEqual(
            paragraphs[0],
            '<p>First paragraph, with a <a href="/about/">link</a>.<br/>Its second line.</p>',
        )
        self.assertEqual(paragraphs[-1], "<p>Last words.</p>")

    def test_an_image_inside_a_paragraph_follows_it_as_its_own_block(self):
        self.assertEqual(
            values(self.conversion, "paragraph")[1],
            "<p>Second paragraph with a picture  inside.</p>",
        )
        self.assertEqual(values(self.conversion, "image")[0]["image"], self.harbour.pk)

    def test_headings_lists_and_quotes(self):
        self.assertEqual(
            values(self.conversion, "heading"),
            [{"text": "Big", "level": "h2"}, {"text": "Smaller", "level": "h3"}],
        )
        self.assertEqual(
            values(self.conversion, "paragraph")[2], "<ul><li>One</li><li>Two</li></ul>"
        )
        self.assertEqual(
            values(self.conversion, "quote"),
            [{"quote": "Quoted words.\nMore quoted words.", "attribution": ""}],
        )

    def test_linked_pictures_figures_tables_rules_and_code(self):
        images = values(self.conversion, "image")
        self.assertEqual(images[1], {"image": self.bridge.pk, "caption": "", "credit": ""})
        self.assertEqual(images[2], {"image": self.bridge.pk, "caption": "A bridge", "credit": ""})
        (table,) = values(self.conversion, "table")
        self.assertEqual(table["data"], [["A", "B"], ["1", "2"]])
        self.assertTrue(table["first_row_is_table_header"])
        self.assertEqual(
            values(self.conversion, "code"), [{"language": "", "code": "  indented\ncode"}]
        )

    def test_iframes_and_urls_alone_on_a_line_become_embeds(self):
        self.assertEqual(
            values(self.conversion, "embed"),
            [
                {"url": "https://www.youtube.com/embed/abc", "title": "A film", "caption": ""},
                {"url": "https://vimeo.com/12345", "title": "", "caption": ""},
            ],
        )
        self.assertEqual(self.conversion.mapped[("auto-embed URL", "embed")], 1)

    def test_containers_and_unknown_elements_keep_their_text(self):
        paragraphs = values(self.conversion, "paragraph")
        self.assertEqual(
            paragraphs[3:6],
            ["<p>In a div.</p>", "<p>Loose text in a div.</p>", "<p>Anything else is text</p>"],
        )

    def test_scripts_styles_objects_and_script_frames_are_dropped_and_reported(self):
        notes = noted(self.conversion)
        for tag in ("<script>", "<style>", "<object>"):
            self.assertIn((tag, "dropped"), notes)
        self.assertIn(
            ("classic <iframe>", "embed dropped: not a web address: javascript:alert(1)"), notes
        )

    def test_what_went_where_is_counted_by_element(self):
        mapped = self.conversion.mapped
        self.assertEqual(mapped[("classic text", "paragraph")], 5)
        self.assertEqual(mapped[("classic <p>", "paragraph")], 1)
        self.assertEqual(mapped[("classic <h1>", "heading")], 1)
        self.assertEqual(mapped[("classic <ul>", "paragraph")], 1)
        self.assertEqual(mapped[("classic <img>", "image")], 2)
        self.assertEqual(mapped[("classic <figure>", "image")], 1)
        self.assertEqual(mapped[("classic <iframe>", "embed")], 1)
