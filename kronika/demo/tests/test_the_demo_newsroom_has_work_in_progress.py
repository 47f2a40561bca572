"""The demo's editor and reporter find work on their dashboards, and readers see none of it."""

from datetime import UTC, datetime

from django.contrib.auth import get_user_model
from django.test import TestCase, override_settings
from django.utils import timezone
from wagtail.models import Revision

from kronika.demo.loader import ensure_accounts, load_demo
from kronika.demo.newsroom import load_work_in_progress, tomorrow_morning
from kronika.news.models import ArticlePage
from kronika.testing import dashboard_panels

STORY = "Riga Marathon caps entries and will start runners in waves after last year's crush"
DRAFT = "Latvia cuts its growth forecast as German orders stay weak"
COLUMN = "After the ransomware attack, every hospital needs a plan on paper"


class DemoNewsroomTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        load_demo()
        ensure_accounts()
        cls.now = timezone.now()
        cls.first_load = load_work_in_progress(cls.now)
        cls.second_load = load_work_in_progress()
        cls.in_progress = ArticlePage.objects.filter(title__in=[STORY, DRAFT, COLUMN])

    def dashboard_of(self, username):
        self.client.force_login(get_user_model().objects.get(username=username))
        return {name: panel["text"] for name, panel in dashboard_panels(self.client).items()}

    def test_the_editor_has_a_story_to_review_a_draft_and_a_column_for_tomorrow(self):
        panels = self.dashboard_of("editor")
        self.assertIn(STORY, panels["waiting_for_review"])
        self.assertIn("sent by Tomasz Zieliński", panels["waiting_for_review"])
        self.assertIn(DRAFT, panels["my_drafts"])
        self.assertIn("Never published", panels["my_drafts"])
        self.assertNotIn(STORY, panels["my_drafts"])
        self.assertIn(COLUMN, panels["scheduled"])
        self.assertIn(", 07:00", panels["scheduled"])

    def test_the_reporter_finds_the_story_in_review_among_their_drafts(self):
        panels = self.dashboard_of("reporter")
        self.assertIn(f"{STORY} In review", panels["my_drafts"])
        self.assertNotIn(DRAFT, panels["my_drafts"])

    def test_the_story_is_under_the_reporters_byline_and_the_draft_under_the_editors(self):
        bylines = {
            article.title: [link.author.user.username for link in article.article_authors.all()]
            for article in self.in_progress.filter(title__in=[STORY, DRAFT])
        }
        self.assertEqual(bylines, {STORY: ["reporter"], DRAFT: ["editor"]})

    def test_the_column_is_approved_to_go_live_at_seven_tomorrow(self):
        column = ArticlePage.objects.get(title=COLUMN)
        revision = Revision.page_revisions.get(object_id=str(column.pk))
        self.assertEqual(revision.approved_go_live_at, tomorrow_morning(self.now))

    def test_none_of_it_is_on_the_reader_site(self):
        self.assertEqual(self.in_progress.count(), 3)
        self.assertFalse(self.in_progress.filter(live=True).exists())
        home = self.client.get("/").content.decode()
        for article in self.in_progress:
            with self.subTest(article=article.title):
                self.assertEqual(self.client.get(article.url or "/nowhere/").status_code, 404)
                self.assertNotIn(article.title, home)

    def test_a_second_load_adds_nothing(self):
        self.assertEqual(self.first_load, {"in review": 1, "draft": 1, "scheduled": 1})
        self.assertEqual(self.second_load, {"in review": 0, "draft": 0, "scheduled": 0})


class TomorrowMorningTests(TestCase):
    @override_settings(TIME_ZONE="Europe/Riga")
    def test_it_is_seven_on_the_next_local_day_across_a_clock_change(self):
        # 01:30 on Sunday 29 March in Riga, where summer time begins that night.
        now = datetime(2026, 3, 28, 23, 30, tzinfo=UTC)
        self.assertEqual(tomorrow_morning(now), datetime(2026, 3, 30, 4, 0, tzinfo=UTC))
