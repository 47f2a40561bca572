"""Hostile markup in a post becomes nothing that runs, wherever in the post it is.

Each stored-XSS payload of the security tests goes into every place of a post
that becomes a block, in block-editor and in classic content. The stored
values, and the body as a reader's page shows it, are scanned as a browser
reads them.
"""

from html import escape

from kronika.base.blocks import BodyBlock
from kronika.security.tests.xss_payloads import PAYLOADS
from kronika.security.tests.xss_scan import scan_html
from kronika.testing import KronikaTestCase
from kronika.wordpress.content import convert
from kronika.wordpress.tests.fake_media import FakeMedia, validated

SHOWN = 10


def places(payload: str) -> str:
    """`payload` as text, as an address and as markup, in each kind of block."""
    attribute = escape(payload)
    return f"""<!-- wp:paragraph -->
<p>{payload} <a href="{attribute}">link</a></p>
<!-- /wp:paragraph -->

<!-- wp:heading -->
<h2>{payload}</h2>
<!-- /wp:heading -->

<!-- wp:list -->
<ul><li>{payload}</li></ul>
<!-- /wp:list -->

<!-- wp:quote -->
<blockquote><p>{payload}</p><cite>{payload}</cite></blockquote>
<!-- /wp:quote -->

<!-- wp:html -->
<div>{payload}</div>
<!-- /wp:html -->

<!-- wp:acme/unknown -->
<div>{payload}</div>
<!-- /wp:acme/unknown -->

<!-- wp:table -->
<figure><table><tr><td>{payload}</td></tr></table><figcaption>{payload}</figcaption></figure>
<!-- /wp:table -->

<!-- wp:code -->
<pre><code>{payload}</code></pre>
<!-- /wp:code -->

<!-- wp:verse -->
<pre>{payload}</pre>
<!-- /wp:verse -->

<!-- wp:embed {{"url":"{attribute.replace('"', "&quot;")}"}} /-->

<!-- wp:image -->
<figure><img src="{attribute}"/><figcaption>{payload}</figcaption></figure>
<!-- /wp:image -->

<!-- wp:file -->
<div><a href="{attribute}">file</a></div>
<!-- /wp:file -->
"""


def classic(payload: str) -> str:
    attribute = escape(payload)
    return (
        f'{payload}\n\n<p><a href="{attribute}">x</a></p>\n<iframe src="{attribute}"></iframe>\n'
        f"[caption]{payload}[/caption]\n[embed]{payload}[/embed]\n"
        f"<table><tr><th>{payload}</th></tr></table>\n<blockquote>{payload}</blockquote>\n"
    )


class UnsafeHtmlTests(KronikaTestCase):
    def assert_safe(self, content: str, where: str):
        conversion = convert(content, FakeMedia())
        value = validated(conversion)
        findings = []
        for item in conversion.blocks:
            if isinstance(item["value"], str):
                findings += scan_html(item["value"], f"{where}, stored {item['type']}")
        findings += scan_html(str(value), f"{where}, shown")
        self.assertEqual(findings, [], "\n".join(findings[:SHOWN]))
        return conversion, value

    def test_no_payload_in_block_editor_content_is_stored_or_shown_runnable(self):
        for start in range(0, len(PAYLOADS), 50):
            content = "\n\n".join(places(p) for p in PAYLOADS[start : start + 50])
            conversion, value = self.assert_safe(content, f"payloads {start}-{start + 49}")
            self.assertTrue(conversion.blocks)
            self.assertEqual(
                {block.block_type for block in value} - set(BodyBlock.base_blocks), set()
            )

    def test_no_payload_in_classic_content_is_stored_or_shown_runnable(self):
        for start in range(0, len(PAYLOADS), 50):
            content = "\n\n".join(classic(p) for p in PAYLOADS[start : start + 50])
            conversion, _ = self.assert_safe(content, f"classic payloads {start}-{start + 49}")
            self.assertTrue(conversion.blocks)

    def test_script_urls_never_become_links_or_embeds(self):
        content = (
            '<p><a href="javascript:alert(1)">a</a> <a href="jav&#x09;ascript:alert(1)">b</a></p>'
            '<iframe src="javascript:alert(1)"></iframe>'
            '<iframe src="data:text/html,&lt;script&gt;alert(1)&lt;/script&gt;"></iframe>'
            "[embed]vbscript:msgbox(1)[/embed]"
        )
        conversion = convert(content, FakeMedia())
        self.assertEqual(
            conversion.blocks, [{"type": "paragraph", "value": "<p><a>a</a> <a>b</a></p>"}]
        )
        self.assertEqual(len(conversion.notes), 3)
