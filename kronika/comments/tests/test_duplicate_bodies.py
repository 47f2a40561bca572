from datetime import timedelta

from kronika.comments.models import Comment
from kronika.testing import KronikaTestCase, post_comment, publish_article


class DuplicateBodyTests(KronikaTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.article = publish_article(cls.news, "The bridge reopens")
        cls.other = publish_article(cls.news, "The tunnel closes")

    def test_the_same_body_on_the_same_article_within_a_day_is_refused(self):
        post_comment(self.client, self.article, reader=1, body="Great news!")
        response = post_comment(self.client, self.article, reader=2, body="Great news!")
        self.assertEqual(response.status_code, 409)
        self.assertIn("already been posted", response.content.decode())
        self.assertEqual(Comment.objects.count(), 1)

    def test_the_same_body_on_another_article_is_accepted(self):
        post_comment(self.client, self.article, reader=1, body="Great news!")
        self.assertEqual(
            post_comment(self.client, self.other, reader=2, body="Great news!").status_code, 303
        )

    def test_the_same_body_a_day_later_is_accepted(self):
        post_comment(self.client, self.article, reader=1, body="Great news!")
        comment = Comment.objects.get()
        comment.created_at -= timedelta(hours=24, seconds=1)
        comment.save()
        self.assertEqual(
            post_comment(self.client, self.article, reader=2, body="Great news!").status_code, 303
        )
