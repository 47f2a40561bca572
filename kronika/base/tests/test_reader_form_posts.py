from django.conf import settings
from django.middleware.csrf import get_token
from django.test import Client, RequestFactory, override_settings

from kronika.comments.models import Comment
from kronika.comments.policy import CommentSettings
from kronika.testing import (
    KronikaTestCase,
    comment_form_data,
    post_form,
    publish_article,
    site_settings,
)


@override_settings(ALLOWED_HOSTS=["paper.example"])
class ReaderFormPostTests(KronikaTestCase):
    """Reader pages are cached for everyone, so forms are checked by origin, not by token."""

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.article = publish_article(cls.news, "Budget talks")
        site_settings(CommentSettings, moderation="none")

    def setUp(self):
        self.browser = Client(enforce_csrf_checks=True, HTTP_HOST="paper.example")

    def post(self, reader=1, data=None, **headers):
        data = data or comment_form_data(self.article, body=f"From reader {reader}")
        return post_form(
            self.browser, f"/comments/{self.article.pk}/", data, reader=reader, **headers
        )

    def test_a_same_origin_post_is_accepted(self):
        self.assertEqual(self.post(1, HTTP_SEC_FETCH_SITE="same-origin").status_code, 303)
        self.assertEqual(self.post(2, HTTP_ORIGIN="http://paper.example").status_code, 303)
        self.assertEqual(Comment.objects.count(), 2)

    def test_a_cross_site_post_is_refused(self):
        for headers in (
            {"HTTP_SEC_FETCH_SITE": "cross-site"},
            {"HTTP_SEC_FETCH_SITE": "same-site"},
            {"HTTP_ORIGIN": "https://evil.example"},
            {"HTTP_ORIGIN": "null"},
            {"HTTP_ORIGIN": "https://paper.example"},
        ):
            response = self.post(**headers)
            self.assertEqual(response.status_code, 403, headers)
            self.assertIn("sent from another site", response.content.decode())
        self.assertEqual(Comment.objects.count(), 0)

    def test_a_post_without_origin_needs_a_valid_csrf_token(self):
        self.assertEqual(self.post(1).status_code, 403)
        forged = {**comment_form_data(self.article), "csrfmiddlewaretoken": "x" * 64}
        self.browser.cookies[settings.CSRF_COOKIE_NAME] = "y" * 32
        response = self.post(2, data=forged)
        self.assertEqual(response.status_code, 403)
        self.assertIn("could not be verified", response.content.decode())
        self.assertEqual(Comment.objects.count(), 0)

        token = get_token(RequestFactory().get("/"))
        self.browser.cookies[settings.CSRF_COOKIE_NAME] = token
        valid = {**comment_form_data(self.article), "csrfmiddlewaretoken": token}
        self.assertEqual(self.post(3, data=valid).status_code, 303)

    def test_only_posts_are_accepted(self):
        response = self.browser.get(f"/comments/{self.article.pk}/")
        self.assertEqual(response.status_code, 405)
        self.assertEqual(response["Allow"], "POST")

    def test_only_ordinary_web_forms_are_accepted(self):
        response = self.browser.post(
            f"/comments/{self.article.pk}/",
            comment_form_data(self.article),
            HTTP_SEC_FETCH_SITE="same-origin",
        )
        self.assertEqual(response.status_code, 415)
        self.assertIn("ordinary web form", response.content.decode())

    def test_a_form_that_is_not_utf8_is_refused(self):
        response = self.browser.post(
            f"/comments/{self.article.pk}/",
            b"name=%FF%FE&body=caf%E9",
            content_type="application/x-www-form-urlencoded",
            HTTP_SEC_FETCH_SITE="same-origin",
        )
        self.assertEqual(response.status_code, 400)
        self.assertIn("not valid UTF-8", response.content.decode())
        self.assertEqual(Comment.objects.count(), 0)

    def test_a_forgery_is_refused_for_its_missing_token_however_it_is_encoded(self):
        for content_type, body in (
            (
                "multipart/form-data; boundary=x",
                '--x\r\nContent-Disposition: form-data; name="body"\r\n\r\nHi\r\n--x--\r\n',
            ),
            ("text/plain", "body=Hi"),
            ("application/json", '{"body": "Hi"}'),
        ):
            with self.subTest(content_type=content_type):
                response = self.browser.post(
                    f"/comments/{self.article.pk}/", body, content_type=content_type
                )
                self.assertEqual(response.status_code, 403)
                self.assertIn("could not be verified", response.content.decode())
        self.assertEqual(Comment.objects.count(), 0)
