"""Rich text stored by an import, not the editor, is cleaned before anyone sees it.

Wagtail renders stored rich text as it is, rewriting only the links it
recognises: <script>, on* attributes and javascript: links would reach readers.
"""

import json

from bs4 import BeautifulSoup
from django.urls import reverse

from kronika.base.blocks import BodyBlock
from kronika.base.rich_text import clean_rich_text
from kronika.testing import KronikaTestCase, publish_article

FEATURES = ["bold", "italic", "link", "ol", "ul"]
HOSTILE = (
    '<p>Before <script>alert("s")</script><img src=x onerror=alert(1)>'
    '<a href="jav&#x09;ascript:alert(1)">tab</a> '
    '<a href="&#106;avascript:alert(1)">entity</a> '
    '<a href=" JAVASCRIPT:alert(1)">upper</a> '
    '<a href="data:text/html,&lt;script&gt;alert(1)&lt;/script&gt;">data</a> '
    '<a href="https://example.org/" onclick="alert(1)">click</a> '
    '<a linktype="page" id="1 onclick=alert(1)">odd page</a> '
    "<svg onload=alert(1)><iframe srcdoc='<script>alert(1)</script>'></iframe>after</p>"
)
# Exactly what the editor (Draftail) stores for a paragraph with every feature.
EDITOR_HTML = (
    '<p data-block-key="a1b2c">Plain <b>bold</b> <i>italic</i> '
    '<a href="https://example.org/?a=1&amp;b=2">out</a> '
    '<a linktype="page" id="{id}">in</a> &lt;not a tag&gt; &amp; "quoted"</p>'
    '<ul><li data-block-key="d3e4f">one</li></ul><ol><li data-block-key="g5h6i">two</li></ol>'
    '<p data-block-key="j7k8l">line<br/>break <a href="mailto:desk@example.org">mail</a></p>'
)


def executable(html: str) -> list[str]:
    found = []
    for tag in BeautifulSoup(html, "html.parser").find_all(True):
        if tag.name in ("script", "iframe", "svg", "img"):
            found.append(str(tag))
        for attribute, value in tag.attrs.items():
            url = "".join(str(value).split()).lower()
            if attribute.startswith("on") or url.startswith(("javascript:", "data:")):
                found.append(str(tag))
    return found


class StoredRichTextTests(KronikaTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.article = publish_article(
            cls.news,
            "Imported story",
            body=json.dumps([{"type": "paragraph", "value": HOSTILE}]),
        )

    def test_the_article_page_shows_the_text_without_anything_executable(self):
        main = BeautifulSoup(self.client.get(self.article.url).content, "html.parser").main
        body = str(main.find(class_="article-body"))
        self.assertEqual(executable(body), [])
        text = main.find(class_="article-body").get_text(" ", strip=True)
        for words in ("Before", "tab", "entity", "upper", "data", "click", "odd page", "after"):
            self.assertIn(words, text)
        self.assertIn('href="https://example.org/"', body)

    def test_feeds_carry_the_cleaned_text(self):
        content = self.client.get("/feeds/feed.json").json()["items"][0]["content_html"]
        self.assertIn("Before", content)
        self.assertEqual(executable(content), [])

    def test_the_editor_is_never_handed_a_script_url(self):
        self.client.force_login(self.editor)
        response = self.client.get(reverse("wagtailadmin_pages:edit", args=(self.article.pk,)))
        self.assertEqual(response.status_code, 200)
        page = response.content.decode()
        self.assertIn("odd page", page)
        self.assertNotIn("javascript:alert", page.lower())
        self.assertNotIn("onerror", page)

    def test_what_the_editor_writes_is_kept_exactly(self):
        html = EDITOR_HTML.format(id=self.news.pk)
        self.assertEqual(clean_rich_text(html, FEATURES), html)
        value = BodyBlock().to_python([{"type": "paragraph", "value": html}])
        self.assertEqual(value[0].value.source, html)
        rendered = str(value[0])
        self.assertIn(f'<a href="{self.news.url}">in</a>', rendered)
        self.assertIn('<a href="https://example.org/?a=1&amp;b=2">out</a>', rendered)

    def test_elements_outside_the_blocks_features_are_dropped_but_their_text_kept(self):
        cleaned = clean_rich_text("<h2>Title</h2><p><u>under</u> <code>x</code></p>", FEATURES)
        self.assertEqual(cleaned, "Title<p>under x</p>")
