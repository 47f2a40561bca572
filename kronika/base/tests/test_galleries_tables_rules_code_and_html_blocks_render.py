"""The body's gallery, table, separator, code and HTML blocks as a reader's page shows them."""

import json

from bs4 import BeautifulSoup

from kronika.testing import KronikaTestCase, make_image, publish_article


class NewBodyBlocksTests(KronikaTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.first = make_image("First", size=(640, 480))
        cls.second = make_image("Second", size=(640, 480))
        blocks = [
            {
                "type": "gallery",
                "value": {
                    "images": [
                        {"image": cls.first.pk, "caption": "The first <b>one</b>"},
                        {"image": cls.second.pk, "caption": ""},
                    ],
                    "caption": "Two pictures",
                },
            },
            {
                "type": "table",
                "value": {
                    "data": [["Town", "Votes"], ["Vilnius", "1\n<script>x</script>"], [None, 3]],
                    "first_row_is_table_header": True,
                    "first_col_is_header": False,
                    "table_header_choice": "row",
                    "table_caption": "Results",
                    # What an import could store, and the page must never use.
                    "cell": [{"row": 1, "col": 0, "className": '" onclick="alert(1)'}],
                    "mergeCells": [{"row": 1, "col": 0, "rowspan": '"><script>', "colspan": 1}],
                },
            },
            {"type": "separator", "value": None},
            {"type": "code", "value": {"language": 'py"><b', "code": "if a < b:\n    pass"}},
            {
                "type": "html",
                "value": (
                    "<h4>Small</h4><p>x<sup>2</sup> <s>old</s><code>c</code></p>"
                    "<script>bad()</script>"
                ),
            },
        ]
        cls.article = publish_article(cls.news, "New blocks", body=json.dumps(blocks))

    def setUp(self):
        response = self.client.get(self.article.url)
        self.assertEqual(response.status_code, 200)
        self.body = BeautifulSoup(response.content, "html.parser")

    def test_a_gallery_is_a_figure_with_a_grid_of_responsive_pictures_and_captions(self):
        (gallery,) = self.body.select("figure.body-gallery")
        pictures = gallery.select(".gallery-grid img")
        self.assertEqual(len(pictures), 2)
        for picture in pictures:
            self.assertTrue(picture.get("srcset"))
            self.assertEqual(picture.get("loading"), "lazy")
        captions = [c.get_text() for c in gallery.find_all("figcaption")]
        self.assertEqual(captions, ["The first <b>one</b>", "Two pictures"])

    def test_a_table_has_its_header_row_caption_and_plain_text_cells_only(self):
        (table,) = self.body.select(".body-table table")
        self.assertEqual(table.caption.get_text(), "Results")
        self.assertEqual([th.get_text() for th in table.select("thead th")], ["Town", "Votes"])
        rows = [[td.get_text() for td in tr.find_all("td")] for tr in table.select("tbody tr")]
        self.assertEqual(rows, [["Vilnius", "1<script>x</script>"], ["", "3"]])
        self.assertIsNone(table.find("script"))
        for cell in table.find_all(["td", "th"]):
            self.assertEqual(set(cell.attrs) - {"scope"}, set())

    def test_a_separator_is_a_rule(self):
        self.assertEqual(len(self.body.select(".article-body hr.separator, hr.separator")), 1)

    def test_code_is_preformatted_and_escaped(self):
        (code,) = self.body.select("pre.body-code code")
        self.assertEqual(code.get_text(), "if a < b:\n    pass")
        self.assertEqual(code["data-language"], 'py"><b')

    def test_html_keeps_its_features_and_never_its_scripts(self):
        (html,) = self.body.select("div.body-html")
        self.assertIsNone(html.find("script"))
        self.assertEqual(
            [tag.name for tag in html.find_all(True)], ["h4", "p", "sup", "s", "code"]
        )
