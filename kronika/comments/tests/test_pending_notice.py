from django.test import Client

from kronika.comments.models import Comment
from kronika.testing import KronikaTestCase, post_comment, publish_article


class PendingNoticeTests(KronikaTestCase):
    """A held comment is shown to its author alone, and never from a shared cache."""

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.article = publish_article(cls.news, "Floods in the south")

    def setUp(self):
        post_comment(self.client, self.article, name="Aistė", body="Held for now.")
        self.comment = Comment.objects.get()

    def test_its_author_sees_it_with_the_notice_on_the_next_page_view(self):
        response = self.client.get(self.article.url)
        page = response.content.decode()
        self.assertIn("Your comment is awaiting moderation.", page)
        self.assertIn("Held for now.", page)
        self.assertIn("no-store", response["Cache-Control"])
        self.assertIn("private", response["Cache-Control"])

    def test_nobody_else_sees_it(self):
        response = Client().get(self.article.url)
        page = response.content.decode()
        self.assertNotIn("Held for now.", page)
        self.assertNotIn("awaiting moderation", page)
        self.assertIn("public", response["Cache-Control"])

    def test_the_cookie_that_carries_it_is_scoped_to_the_article(self):
        response = post_comment(self.client, self.article, reader=2, body="Another one.")
        cookie = response.cookies["kronika_pending"]
        self.assertEqual(cookie["path"], self.article.url)
        self.assertTrue(cookie["httponly"])
        self.assertEqual(cookie["samesite"], "Lax")

    def test_a_forged_cookie_shows_nothing(self):
        reader = Client()
        reader.cookies["kronika_pending"] = f'{{"a": {self.article.pk}, "c": [{self.comment.pk}]}}'
        self.assertNotIn("Held for now.", reader.get(self.article.url).content.decode())

    def test_once_approved_everyone_sees_it_without_the_notice(self):
        self.comment.moderate(Comment.Status.APPROVED, self.editor)
        for reader in (self.client, Client()):
            page = reader.get(self.article.url).content.decode()
            self.assertIn("Held for now.", page)
            self.assertNotIn("awaiting moderation", page)

    def test_once_rejected_even_its_author_no_longer_sees_it(self):
        self.comment.moderate(Comment.Status.SPAM, self.editor)
        self.assertNotIn("Held for now.", self.client.get(self.article.url).content.decode())
