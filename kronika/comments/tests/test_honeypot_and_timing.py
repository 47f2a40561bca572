import time

from django.core import signing
from django.test import override_settings

from kronika.comments.models import Comment
from kronika.testing import KronikaTestCase, post_comment, publish_article


def token(article_id, seconds_ago):
    data = {"a": article_id, "t": int(time.time() - seconds_ago)}
    return signing.dumps(data, salt="kronika.comments.form")


class HoneypotAndTimingTests(KronikaTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.article = publish_article(cls.news, "Storm warning issued")
        cls.other = publish_article(cls.news, "Storm passes")

    def assert_refused(self, response, status, text):
        self.assertEqual(response.status_code, status)
        self.assertIn(text, response.content.decode())
        self.assertEqual(Comment.objects.count(), 0)

    def test_a_filled_honeypot_is_refused(self):
        response = post_comment(self.client, self.article, website="http://spam.example")
        self.assert_refused(response, 400, "looks automated")

    def test_the_honeypot_is_hidden_from_people_but_labelled(self):
        page = self.client.get(self.article.url).content.decode()
        self.assertIn('<div class="trap" aria-hidden="true">', page)
        self.assertIn("Leave this field empty", page)

    def test_a_form_sent_faster_than_a_person_types_is_refused(self):
        response = post_comment(self.client, self.article, started=token(self.article.pk, 1))
        self.assert_refused(response, 400, "faster than a person can type")
        self.assertIn("A thoughtful comment.", response.content.decode())

    @override_settings(KRONIKA_COMMENTS_MIN_SECONDS=30)
    def test_the_minimum_time_is_a_setting(self):
        response = post_comment(self.client, self.article, started=token(self.article.pk, 20))
        self.assert_refused(response, 400, "faster than a person can type")

    def test_a_missing_or_forged_form_token_is_refused_with_a_fresh_one(self):
        for started in ("", "forged", token(self.other.pk, 60)):
            response = post_comment(self.client, self.article, started=started)
            self.assert_refused(response, 400, "Your words are kept below")
            self.assertIn("A thoughtful comment.", response.content.decode())
