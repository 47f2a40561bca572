"""A headline with quotes cannot leave an attribute that a post template puts it in."""

from html.parser import HTMLParser

from django.test import SimpleTestCase

from kronika.telegram.messages import compose
from kronika.telegram.tests.fake_bot_api import parse_html

HEADLINE = """Minister says "no" to 'reform' " onclick="alert(1)"""


class Attributes(HTMLParser):
    def __init__(self):
        super().__init__()
        self.attributes = []

    def handle_starttag(self, tag, attrs):
        self.attributes += attrs


class CaptionAttributeTests(SimpleTestCase):
    def test_a_headline_inside_an_href_stays_inside_it(self):
        caption = compose(
            '<a href="https://t.me/share/url?text={headline}">Share</a> {headline}',
            headline=HEADLINE,
            standfirst="",
            link="https://kronika.example/a/",
            limit=1024,
        )
        parser = Attributes()
        parser.feed(caption)
        self.assertEqual(parser.attributes, [("href", f"https://t.me/share/url?text={HEADLINE}")])
        self.assertTrue(parse_html(caption).endswith("Share " + HEADLINE.replace("'", "?")))
