"""An article's comments cost the page a fixed number of queries, however many there are."""

from unittest import mock

from django.db import connection
from django.test.utils import CaptureQueriesContext

from kronika.comments.counting import recount
from kronika.comments.models import Comment
from kronika.news import neighbours
from kronika.testing import KronikaTestCase, publish_article, without_page_cache


# Pages as a process serves them once it keeps the paper's order (kronika.news.neighbours).
@mock.patch.object(neighbours, "BUILD_AFTER", 0)
@without_page_cache()
class ArticlePageWithCommentsQueryCountTests(KronikaTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.article = publish_article(cls.news, "A story readers argue about")
        publish_article(cls.news, "The story before", when=cls.days_ago(2))

    def add_comments(self, count):
        Comment.objects.bulk_create(
            Comment(
                article=self.article,
                name=f"Reader {n}",
                body="A comment.",
                status=Comment.Status.APPROVED,
            )
            for n in range(count)
        )
        # bulk_create sends no signal, and the page reads no comment while its count is 0.
        recount(self.article.pk)

    def queries(self, comments_shown: int) -> int:
        self.client.get(self.article.url)  # renditions and settings are made on first sight
        with CaptureQueriesContext(connection) as queries:
            response = self.client.get(self.article.url)
        self.assertContains(response, 'class="comment"', count=comments_shown)
        return len(queries)

    def test_the_article_page_costs_the_same_with_five_comments_or_fifteen(self):
        # News's five, the comments, and the article's comment policy, read once.
        self.add_comments(5)
        self.assertEqual(self.queries(comments_shown=5), 7)
        self.add_comments(10)
        self.assertEqual(self.queries(comments_shown=15), 7)
