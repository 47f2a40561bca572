# ruff: noqa: E501 - the posts below are WordPress HTML as WordPress writes it, one line a block
"""What has no Kronika block of its own keeps its words, and the report names it."""

from kronika.testing import KronikaTestCase
from kronika.wordpress.content import convert
from kronika.wordpress.tests.fake_media import FakeMedia, noted, types, validated, values

UNKNOWN_BLOCKS = """<!-- wp:jetpack/callout {"tone":"warm"} -->
<div class="callout"><h6>Note</h6><p>Read <a href="https://old.example/more/">this</a> first.<sup>1</sup></p><script>track()</script></div>
<!-- /wp:jetpack/callout -->

<!-- wp:acme/widget {"id":3} /-->

<!-- wp:coblocks/row -->
<div class="row"><!-- wp:paragraph -->
<p>Inside a plugin's row.</p>
<!-- /wp:paragraph --></div>
<!-- /wp:coblocks/row -->"""

LAYOUT = """<!-- wp:group {"layout":{"type":"constrained"}} -->
<div class="wp-block-group"><!-- wp:columns -->
<div class="wp-block-columns"><!-- wp:column -->
<div class="wp-block-column"><!-- wp:paragraph -->
<p>Left.</p>
<!-- /wp:paragraph --></div>
<!-- /wp:column -->

<!-- wp:column -->
<div class="wp-block-column"><!-- wp:paragraph -->
<p>Right.</p>
<!-- /wp:paragraph --></div>
<!-- /wp:column --></div>
<!-- /wp:columns --></div>
<!-- /wp:group -->

<!-- wp:details -->
<details class="wp-block-details"><summary>More about it</summary><!-- wp:paragraph -->
<p>The details.</p>
<!-- /wp:paragraph --></details>
<!-- /wp:details -->

<!-- wp:buttons -->
<div class="wp-block-buttons"><!-- wp:button -->
<div class="wp-block-button"><a class="wp-block-button__link" href="https://shop.example/">Buy</a></div>
<!-- /wp:button --></div>
<!-- /wp:buttons -->

<!-- wp:group -->
<div class="wp-block-group"><!-- wp:paragraph -->
<p>A second group.</p>
<!-- /wp:paragraph --></div>
<!-- /wp:group -->

<!-- wp:latest-posts {"postsToShow":3} /-->

<!-- wp:query -->
<div class="wp-block-query"><!-- wp:post-template -->
<!-- wp:post-title /-->
<!-- /wp:post-template --></div>
<!-- /wp:query -->

<!-- wp:block {"ref":42} /-->"""

SHORTCODES = """<p>Write to us: [contact-form-7 id="5" title="Contact"]</p>
<p>[su_note note_color="#fff"]A note[/su_note] and [sic] and arr[0] stay text.</p>"""


class UnknownContentTests(KronikaTestCase):
    def test_an_unknown_block_keeps_its_cleaned_html_and_is_reported(self):
        conversion = convert(UNKNOWN_BLOCKS, FakeMedia())
        self.assertEqual(types(conversion), ["html", "paragraph"])
        validated(conversion)
        self.assertEqual(
            values(conversion, "html"),
            ['<h4>Note</h4><p>Read <a href="/more/">this</a> first.<sup>1</sup></p>'],
        )
        self.assertEqual(values(conversion, "paragraph"), ["<p>Inside a plugin's row.</p>"])
        self.assertEqual(
            noted(conversion),
            [
                ("jetpack/callout", "kept as text"),
                ("<script>", "dropped"),
                ("acme/widget", "dropped: unknown block with no text of its own"),
                ("coblocks/row", "kept as text"),
            ],
        )
        self.assertEqual(conversion.mapped[("jetpack/callout", "html")], 1)

    def test_layout_blocks_keep_their_content_and_are_reported_once_per_kind(self):
        conversion = convert(LAYOUT, FakeMedia())
        validated(conversion)
        self.assertEqual(
            values(conversion, "paragraph"),
            [
                "<p>Left.</p>",
                "<p>Right.</p>",
                "<p>More about it</p>",
                "<p>The details.</p>",
                '<p><a href="https://shop.example/">Buy</a></p>',
                "<p>A second group.</p>",
            ],
        )
        self.assertEqual(
            noted(conversion),
            [
                ("core/group", "layout dropped, content kept"),
                ("core/columns", "layout dropped, content kept"),
                ("core/column", "layout dropped, content kept"),
                ("core/details", "layout dropped, content kept"),
                ("core/buttons", "layout dropped, content kept"),
                ("core/button", "layout dropped, content kept"),
                ("core/latest-posts", "dropped: no content of its own"),
                ("core/query", "dropped: no content of its own"),
                ("core/post-template", "dropped with the core/query block around it"),
                ("core/post-title", "dropped with the core/query block around it"),
                ("core/block", "dropped: reusable block 42 is stored outside the post"),
            ],
        )

    def test_other_shortcodes_stay_in_the_text_and_are_named(self):
        conversion = convert(SHORTCODES, FakeMedia())
        validated(conversion)
        self.assertEqual(
            values(conversion, "paragraph"),
            [
                '<p>Write to us: [contact-form-7 id="5" title="Contact"]</p>',
                '<p>[su_note note_color="#fff"]A note[/su_note] and [sic] and arr[0] stay text.</p>',
            ],
        )
        self.assertEqual(
            noted(conversion),
            [
                ("shortcode [contact-form-7]", "kept as text"),
                ("shortcode [su_note]", "kept as text"),
            ],
        )
