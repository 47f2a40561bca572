from datetime import timedelta

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from kronika.news.dashboard import LIMIT
from kronika.news.tests.newsroom_day import write
from kronika.testing import KronikaTestCase, dashboard_panels, publish_article


class DashboardQueryTests(KronikaTestCase):
    def add_a_days_work(self, count, start=0):
        """`count` more of each: drafts, stories in review, scheduled and published today."""
        soon = timezone.now() + timedelta(days=1)
        for number in range(start, start + count):
            write(self.news, f"Draft {number}", self.editor)
            in_review = write(self.news, f"Review {number}", self.reporter)
            in_review.get_workflow().start(in_review, self.reporter)
            scheduled = write(self.sport, f"Scheduled {number}", self.editor)
            scheduled.go_live_at = soon
            scheduled.save_revision(user=self.editor).publish(user=self.editor)
            publish_article(self.sport, f"Published {number}", when=timezone.now())

    def queries_of_the_dashboard(self):
        with CaptureQueriesContext(connection) as queries:
            panels = dashboard_panels(self.client)
        return [query["sql"] for query in queries], panels

    def test_the_queries_do_not_grow_with_the_items_listed(self):
        self.client.force_login(self.editor)
        self.add_a_days_work(LIMIT + 1)
        self.queries_of_the_dashboard()  # the first load fills caches that last
        few, panels = self.queries_of_the_dashboard()
        self.assertIn("And 1 more.", panels["my_drafts"]["text"])

        self.add_a_days_work(LIMIT, start=LIMIT + 1)
        many, panels = self.queries_of_the_dashboard()
        self.assertEqual(panels["scheduled"]["heading"], f"Scheduled ({2 * LIMIT + 1})")
        self.assertEqual(len(panels["waiting_for_review"]["links"]), LIMIT)
        self.assertEqual(len(many), len(few), "\n".join(many))
