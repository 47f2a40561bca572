"""The bench's archive goes into the first language's sections, as the demo's
other editions (their own home pages and sections) stand beside it.

`make bench` stopped at the render stage, and then at publish-to-visible, once
the demo had a home page and sections in each language: each asked for the one
there was. Its server then ran in the first language only, so the crawl met
the other editions' articles as 404s.
"""

import io
import sys
from contextlib import redirect_stdout
from pathlib import Path
from unittest.mock import patch

from bench.__main__ import environment
from bench.corpus.rows import front_page
from bench.render import _sections
from bench.served import PUBLISH
from kronika.cli import DEMO_LANGUAGES
from kronika.news.models import ArticlePage
from kronika.testing import KronikaTestCase, publish_article, translate


class FrontPageTests(KronikaTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        translate(cls.home, "lt", title="Pradžia")
        cls.lt_news = translate(cls.news, "lt", title="Naujienos", slug="naujienos")
        translate(cls.home, "ru", title="Главная")

    def test_the_front_page_is_the_first_language_s_home(self):
        self.assertEqual(front_page(), self.home)

    def test_the_render_stage_reads_the_first_language_s_sections(self):
        self.assertEqual(_sections(), [self.news, self.sport])

    def test_publish_to_visible_publishes_in_the_first_language_s_section(self):
        publish_article(self.news, "Yesterday's story", when=self.days_ago(1))
        # Newer, but in Lithuanian: its "Next" is not where the bench looks.
        publish_article(self.lt_news, "Šiandienos naujiena", when=self.days_ago(0.1))
        printed = io.StringIO()
        with patch.object(sys, "argv", ["", "news", "Bench story"]), redirect_stdout(printed):
            exec(PUBLISH)  # noqa: S102 - the bench's own script, as its subprocess runs it
        _word, _when, previous_url = printed.getvalue().split()
        self.assertEqual(previous_url, "/news/yesterdays-story/")
        story = ArticlePage.objects.get(title="Bench story")
        self.assertEqual(story.get_parent().specific, self.news)

    def test_the_bench_serves_the_demo_in_the_languages_it_was_loaded_in(self):
        env = environment(Path("var/bench/data"), {})
        self.assertEqual(env["KRONIKA_LANGUAGES"], DEMO_LANGUAGES)
