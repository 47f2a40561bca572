from django.test import override_settings
from django_tasks_db.models import DBTaskResult
from wagtail.models import ReferenceIndex

from kronika.news.models import ArticlePage
from kronika.wordpress.indexing import INDEX_BATCH
from kronika.wordpress.tests.exports import ImportTestCase, export, item

DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
POSTS = 30


class AnImportLeavesTheWorkerAFewTasksNotOnePerSave(ImportTestCase):
    def import_posts(self):
        self.import_text(
            export(*(item(number, f"Zeppelin story {number}") for number in range(1, POSTS + 1)))
        )

    @override_settings(TASKS=DATABASE_TASKS)
    def test_indexing_and_related_lists_are_queued_in_batches(self):
        self.import_posts()
        queued = list(DBTaskResult.objects.values_list("task_path", flat=True))
        # Wagtail alone queued two tasks per save, three saves a post: 180 here.
        self.assertLess(len(queued), 12, queued)
        self.assertIn("kronika.wordpress.indexing.index_objects", queued)
        self.assertEqual(queued.count("kronika.news.tasks.update_related_articles"), 1)
        self.assertGreater(INDEX_BATCH, POSTS)

    def test_once_run_the_articles_are_searchable_and_their_references_indexed(self):
        self.import_posts()
        response = self.client.get("/search/", {"q": "zeppelin"})
        self.assertContains(response, "Zeppelin story 17")
        article = ArticlePage.objects.get(title="Zeppelin story 17")
        self.assertTrue(ReferenceIndex.objects.filter(object_id=str(article.pk)).exists())
