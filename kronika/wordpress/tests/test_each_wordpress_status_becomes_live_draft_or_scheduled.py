from datetime import UTC, timedelta

from django.utils import timezone

from kronika.news.models import ArticlePage
from kronika.wordpress.tests.exports import ImportTestCase, export, item


def wordpress_time(moment) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S")


class EachWordPressStatusBecomesLiveDraftOrScheduled(ImportTestCase):
    def setUp(self):
        super().setUp()
        self.future = (timezone.now() + timedelta(days=3)).replace(microsecond=0)
        self.report = self.import_text(
            export(
                item(1, "Published story"),
                item(2, "Draft story", status="draft", when=None),
                item(3, "Pending story", status="pending"),
                item(4, "Future story", status="future", when=wordpress_time(self.future)),
                item(5, "Private story", status="private"),
                item(6, "Protected story", password="secret"),
                item(7, "Trashed story", status="trash"),
            )
        )

    def article(self, title) -> ArticlePage:
        return ArticlePage.objects.get(title=title)

    def test_a_published_post_is_live_from_its_wordpress_date(self):
        article = self.article("Published story")
        self.assertTrue(article.live)
        self.assertEqual(article.first_published_at.isoformat(), "2017-05-18T09:00:00+00:00")
        self.assertEqual(self.client.get(article.url).status_code, 200)

    def test_drafts_and_pending_posts_are_drafts(self):
        for title in ("Draft story", "Pending story"):
            article = self.article(title)
            self.assertFalse(article.live, title)
            self.assertIsNone(article.first_published_at, title)
            self.assertIsNotNone(article.latest_revision, title)

    def test_a_future_post_is_scheduled_for_its_go_live_time(self):
        article = self.article("Future story")
        self.assertFalse(article.live)
        self.assertEqual(article.go_live_at, self.future)
        self.assertEqual(article.latest_revision.approved_go_live_at, self.future)

    def test_private_and_password_protected_posts_are_drafts_listed_in_the_report(self):
        for title in ("Private story", "Protected story"):
            self.assertFalse(self.article(title).live, title)
        listed = {(entry["title"], entry["what"]) for entry in self.report.incomplete}
        self.assertIn(("Private story", "private"), listed)
        self.assertIn(("Protected story", "password-protected"), listed)

    def test_a_trashed_post_is_skipped_with_its_reason(self):
        self.assertFalse(ArticlePage.objects.filter(title="Trashed story").exists())
        skipped = {entry["title"]: entry["reason"] for entry in self.report.skipped}
        self.assertIn("trash", skipped["Trashed story"])
        self.assertEqual(self.report.counts["post"]["imported"], 6)
        self.assertEqual(self.report.counts["post"]["skipped"], 1)
