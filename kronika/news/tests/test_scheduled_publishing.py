from datetime import timedelta

from django.test import override_settings
from django.utils import timezone
from django_tasks_db.models import DBTaskResult
from wagtail.models import Revision

from kronika.news import tasks
from kronika.news.models import ArticlePage
from kronika.testing import KronikaTestCase, draft_article, publish_article

DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def schedule(article, go_live_at):
    article.go_live_at = go_live_at
    revision = article.save_revision()
    revision.publish()
    return revision


def let_go_live_time_pass(revision):
    """Move a scheduled revision's go-live time into the past, as the clock would."""
    moment = timezone.now() - timedelta(seconds=1)
    revision = Revision.objects.get(pk=revision.pk)
    revision.content["go_live_at"] = moment.isoformat()
    revision.approved_go_live_at = moment
    revision.save(update_fields=["content", "approved_go_live_at"])


class ScheduledPublishingTests(KronikaTestCase):
    def test_a_scheduled_article_goes_live_when_the_task_runs_after_its_time(self):
        older = publish_article(self.news, "Already out", when=self.days_ago(1))
        article = draft_article(self.news, "Goes live later")
        revision = schedule(article, timezone.now() + timedelta(hours=1))
        self.assertFalse(ArticlePage.objects.get(pk=article.pk).live)

        let_go_live_time_pass(revision)
        tasks.publish_scheduled.call()

        article = ArticlePage.objects.get(pk=article.pk)
        self.assertTrue(article.live)
        self.assertTrue(ArticlePage.objects.published().filter(pk=article.pk).exists())
        self.assertEqual(ArticlePage.objects.get(pk=older.pk).next_article.pk, article.pk)
        self.assertContains(self.client.get("/news/"), "Goes live later")

    def test_the_task_does_nothing_before_the_go_live_time(self):
        article = draft_article(self.news, "Not yet")
        schedule(article, timezone.now() + timedelta(hours=1))
        tasks.publish_scheduled.call()
        self.assertFalse(ArticlePage.objects.get(pk=article.pk).live)

    def test_an_expired_article_is_unpublished_by_the_task(self):
        article = publish_article(self.news, "Runs out", when=self.days_ago(2))
        ArticlePage.objects.filter(pk=article.pk).update(expire_at=self.days_ago(0.01))
        tasks.publish_scheduled.call()
        article = ArticlePage.objects.get(pk=article.pk)
        self.assertFalse(article.live)
        self.assertTrue(article.expired)


@override_settings(TASKS=DATABASE_TASKS)
class SchedulingQueuesWorkTests(KronikaTestCase):
    """With the worker's database backend, scheduling queues the publish for its moment."""

    def queued_publishes(self):
        return DBTaskResult.objects.filter(task_path="kronika.news.tasks.publish_scheduled")

    def test_scheduling_queues_a_publish_at_the_go_live_time(self):
        go_live_at = (timezone.now() + timedelta(hours=3)).replace(microsecond=0)
        schedule(draft_article(self.news, "Tomorrow's story"), go_live_at)
        self.assertEqual(
            list(self.queued_publishes().values_list("run_after", flat=True)), [go_live_at]
        )

    def test_publishing_with_an_expiry_queues_the_unpublish(self):
        article = draft_article(self.news, "Short-lived")
        article.expire_at = (timezone.now() + timedelta(days=2)).replace(microsecond=0)
        article.save_revision().publish()
        self.assertIn(
            article.expire_at, self.queued_publishes().values_list("run_after", flat=True)
        )

    def test_publishing_queues_the_related_articles_update(self):
        article = publish_article(self.news, "Queued work")
        queued = DBTaskResult.objects.filter(
            task_path="kronika.news.tasks.update_related_articles"
        )
        self.assertEqual([r.args_kwargs["args"] for r in queued], [[[article.pk]]])
