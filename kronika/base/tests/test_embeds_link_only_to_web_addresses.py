"""An embed links to a web page; an imported one with any other address is shown unlinked.

The editor accepts only web addresses, but imports store the URL as it came.
"""

import json

from bs4 import BeautifulSoup

from kronika.testing import KronikaTestCase, publish_article

EMBEDS = {
    "javascript:alert(1)": None,
    "jav\tascript:alert(1)": None,
    " JAVASCRIPT:alert(1)": None,
    "data:text/html,<script>alert(1)</script>": None,
    "vbscript:msgbox(1)": None,
    "//evil.example/x": None,
    "http://[::1": None,
    "https://video.example/watch?v=1&t=2": "https://video.example/watch?v=1&t=2",
    "HTTP://Video.Example/v": "http://Video.Example/v",
}


class EmbedLinkTests(KronikaTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        blocks = [
            {"type": "embed", "value": {"url": url, "title": f"Embed {number}", "caption": ""}}
            for number, url in enumerate(EMBEDS)
        ]
        cls.article = publish_article(cls.news, "Embeds", body=json.dumps(blocks))

    def test_only_web_addresses_become_links(self):
        response = self.client.get(self.article.url)
        self.assertEqual(response.status_code, 200)
        figures = BeautifulSoup(response.content, "html.parser").select("figure.embed-link")
        self.assertEqual(len(figures), len(EMBEDS))
        for figure, (url, href) in zip(figures, EMBEDS.items(), strict=True):
            with self.subTest(url=url):
                link = figure.find("a")
                self.assertEqual(link["href"] if link else None, href)
                self.assertIn("Embed", figure.get_text())
