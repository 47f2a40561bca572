# ruff: noqa: E501 - the posts below are WordPress HTML as WordPress writes it, one line a block
"""Block-editor text: paragraphs, headings, lists, quotes and verse become text blocks."""

from kronika.testing import KronikaTestCase
from kronika.wordpress.content import convert
from kronika.wordpress.tests.fake_media import FakeMedia, noted, types, validated, values

POST = """<!-- wp:paragraph -->
<p class="has-text-align-center">A <strong>bold</strong> <a href="https://old.example/2017/05/18/x/" class="c">link</a><mark style="color:red">!</mark></p>
<!-- /wp:paragraph -->

<!-- wp:heading {"level":1} -->
<h1 class="wp-block-heading">A <em>first</em> heading</h1>
<!-- /wp:heading -->

<!-- wp:heading -->
<h2 class="wp-block-heading">A second heading</h2>
<!-- /wp:heading -->

<!-- wp:heading {"level":4} -->
<h4 class="wp-block-heading">A fourth heading</h4>
<!-- /wp:heading -->

<!-- wp:list {"ordered":true} -->
<ol><!-- wp:list-item -->
<li>One<!-- wp:list -->
<ul><!-- wp:list-item -->
<li>Nested</li>
<!-- /wp:list-item --></ul>
<!-- /wp:list --></li>
<!-- /wp:list-item -->

<!-- wp:list-item -->
<li>Two</li>
<!-- /wp:list-item --></ol>
<!-- /wp:list -->

<!-- wp:quote -->
<blockquote class="wp-block-quote"><!-- wp:paragraph -->
<p>First line of the quote.</p>
<!-- /wp:paragraph -->

<!-- wp:paragraph -->
<p>Second line.</p>
<!-- /wp:paragraph --><cite>A <em>Source</em></cite></blockquote>
<!-- /wp:quote -->

<!-- wp:pullquote -->
<figure class="wp-block-pullquote"><blockquote><p>Pulled out</p><cite>Someone</cite></blockquote></figure>
<!-- /wp:pullquote -->

<!-- wp:verse -->
<pre class="wp-block-verse">Roses are red,
<em>violets</em> are blue</pre>
<!-- /wp:verse -->

<!-- wp:spacer {"height":"40px"} -->
<div style="height:40px" aria-hidden="true" class="wp-block-spacer"></div>
<!-- /wp:spacer -->

<!-- wp:separator /-->"""


class BlockEditorTextTests(KronikaTestCase):
    def setUp(self):
        self.conversion = convert(POST, FakeMedia())

    def test_each_block_becomes_its_kronika_block_in_order(self):
        self.assertEqual(
            types(self.conversion),
            ["paragraph", "heading", "heading", "heading", "paragraph", "quote", "quote",
             "paragraph", "separator"],
        )  # fmt: skip
        validated(self.conversion)

    def test_paragraphs_keep_their_formatting_and_links_point_at_the_new_site(self):
        paragraph = values(self.conversion, "paragraph")[0]
        self.assertEqual(
            paragraph, '<p>A <strong>bold</strong> <a href="/2017/05/18/x/">link</a>!</p>'
        )

    def test_headings_are_plain_text_at_two_levels(self):
        self.assertEqual(
            values(self.conversion, "heading"),
            [
                {"text": "A first heading", "level": "h2"},
                {"text": "A second heading", "level": "h2"},
                {"text": "A fourth heading", "level": "h3"},
            ],
        )

    def test_a_list_with_its_items_becomes_one_paragraph_holding_the_list(self):
        self.assertEqual(
            values(self.conversion, "paragraph")[1],
            "<ol><li>One<ul><li>Nested</li></ul></li><li>Two</li></ol>",
        )
        # The nested list is counted too: it went into the same paragraph.
        self.assertEqual(self.conversion.mapped[("core/list", "paragraph")], 2)
        self.assertEqual(self.conversion.mapped[("core/list-item", "paragraph")], 3)

    def test_quotes_and_pullquotes_keep_their_lines_and_attribution(self):
        self.assertEqual(
            values(self.conversion, "quote"),
            [
                {"quote": "First line of the quote.\nSecond line.", "attribution": "A Source"},
                {"quote": "Pulled out", "attribution": "Someone"},
            ],
        )

    def test_verse_keeps_its_line_breaks(self):
        self.assertEqual(
            values(self.conversion, "paragraph")[2],
            "<p>Roses are red,<br/><em>violets</em> are blue</p>",
        )

    def test_what_went_where_is_counted_and_the_spacer_is_reported(self):
        mapped = self.conversion.mapped
        self.assertEqual(mapped[("core/paragraph", "paragraph")], 1)
        self.assertEqual(mapped[("core/heading", "heading")], 3)
        self.assertEqual(mapped[("core/quote", "quote")], 1)
        self.assertEqual(mapped[("core/pullquote", "quote")], 1)
        self.assertEqual(mapped[("core/verse", "paragraph")], 1)
        self.assertEqual(mapped[("core/separator", "separator")], 1)
        self.assertEqual(
            noted(self.conversion), [("core/spacer", "dropped: no content of its own")]
        )
