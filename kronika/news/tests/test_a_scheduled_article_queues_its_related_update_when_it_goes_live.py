"""Scheduling an article for later queues its related-articles update only when it goes live.

Wagtail sends `page_published` when an article that has never been live is
scheduled, although the article stays offline until its go-live time. The
update queued then found nothing published: wasted work for the worker.
"""

from datetime import timedelta

from django.test import override_settings
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from kronika.news import tasks
from kronika.news.models import ArticlePage
from kronika.news.tests.test_scheduled_publishing import (
    DATABASE_TASKS,
    let_go_live_time_pass,
    schedule,
)
from kronika.testing import KronikaTestCase, draft_article


@override_settings(TASKS=DATABASE_TASKS)
class ScheduledArticleRelatedUpdateTests(KronikaTestCase):
    def queued_publish_times(self):
        queued = DBTaskResult.objects.filter(task_path="kronika.news.tasks.publish_scheduled")
        return list(queued.values_list("run_after", flat=True))

    def queued_updates(self):
        queued = DBTaskResult.objects.filter(
            task_path="kronika.news.tasks.update_related_articles"
        ).order_by("enqueued_at")
        return [result.args_kwargs["args"] for result in queued]

    def test_scheduling_queues_nothing_and_going_live_queues_the_update_once(self):
        article = draft_article(self.news, "Embargoed until noon")
        revision = schedule(article, timezone.now() + timedelta(hours=2))
        self.assertFalse(ArticlePage.objects.get(pk=article.pk).live)
        self.assertEqual(self.queued_updates(), [])

        let_go_live_time_pass(revision)
        tasks.publish_scheduled.call()

        self.assertTrue(ArticlePage.objects.get(pk=article.pk).live)
        self.assertEqual(self.queued_updates(), [[[article.pk]]])

    def test_an_expiry_is_queued_when_the_article_goes_live_not_when_it_is_scheduled(self):
        article = draft_article(self.news, "Embargoed and short-lived")
        article.expire_at = (timezone.now() + timedelta(days=2)).replace(microsecond=0)
        go_live_at = (timezone.now() + timedelta(hours=2)).replace(microsecond=0)
        revision = schedule(article, go_live_at)
        self.assertEqual(self.queued_publish_times(), [go_live_at])

        let_go_live_time_pass(revision)
        tasks.publish_scheduled.call()

        self.assertIn(article.expire_at, self.queued_publish_times())
