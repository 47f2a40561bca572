from datetime import timedelta

from django.test import override_settings

from kronika.comments.models import Comment
from kronika.comments.policy import CommentSettings, Moderation
from kronika.testing import (
    KronikaTestCase,
    post_comment,
    publish_article,
    site_settings,
)


class FloodLimitTests(KronikaTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.article = publish_article(cls.news, "Election results are in")
        site_settings(CommentSettings, moderation=Moderation.NONE)

    def age_all_comments(self, **delta):
        for comment in Comment.objects.all():
            comment.created_at -= timedelta(**delta)
            comment.save(update_fields=["created_at"])

    def test_a_second_comment_within_15_seconds_gets_429_and_is_not_stored(self):
        post_comment(self.client, self.article, body="First.")
        response = post_comment(self.client, self.article, body="Second.")
        self.assertEqual(response.status_code, 429)
        self.assertGreaterEqual(int(response["Retry-After"]), 1)
        self.assertIn("one comment every 15 seconds", response.content.decode())
        self.assertIn("Second.", response.content.decode(), "the words are kept to resend")
        self.assertEqual(Comment.objects.count(), 1)

    def test_after_15_seconds_the_client_may_comment_again(self):
        post_comment(self.client, self.article, body="First.")
        self.age_all_comments(seconds=16)
        self.assertEqual(post_comment(self.client, self.article, body="Second.").status_code, 303)

    def test_other_clients_are_not_slowed_down(self):
        post_comment(self.client, self.article, reader=1, body="First.")
        self.assertEqual(post_comment(self.client, self.article, reader=2).status_code, 303)

    def test_a_client_may_send_at_most_20_comments_an_hour(self):
        for number in range(20):
            self.assertEqual(
                post_comment(self.client, self.article, body=f"Comment {number}").status_code, 303
            )
            self.age_all_comments(seconds=20)
        response = post_comment(self.client, self.article, body="The 21st.")
        self.assertEqual(response.status_code, 429)
        self.assertIn("at most 20 comments an hour", response.content.decode())
        self.assertEqual(Comment.objects.count(), 20)
        self.age_all_comments(hours=1)
        self.assertEqual(post_comment(self.client, self.article, body="Later.").status_code, 303)

    @override_settings(KRONIKA_COMMENTS_FLOOD_SECONDS=0, KRONIKA_COMMENTS_PER_HOUR=2)
    def test_the_limits_are_settings(self):
        for number in range(2):
            post_comment(self.client, self.article, body=f"Quick {number}")
        self.assertEqual(post_comment(self.client, self.article, body="Third").status_code, 429)
