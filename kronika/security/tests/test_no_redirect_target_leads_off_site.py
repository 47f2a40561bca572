"""Open redirects (issue 9, point 5): no hostile `next` sends anyone off the site.

Every endpoint that takes a place to go next, by `next`, `return_url` or the
Referer, is sent each payload of redirect_payloads.PAYLOADS: signing in and out
of the newsroom, also through two-factor authentication, password reset, the
front-end login and password-protected pages, the admin's delete and bulk
moderation views, and the reader's comment and rating forms. Wherever the
response sends the browser (Location, meta refresh, script), a browser would
stay on this host. Every admin address without arguments is also asked with a
few payloads, so a new view that redirects naively fails here too.
"""

from urllib.parse import urlencode

from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import URLResolver, get_resolver, reverse
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.models import PageViewRestriction

from kronika.comments.models import Comment
from kronika.comments.policy import CommentSettings
from kronika.news.models import Author
from kronika.security.tests.redirect_payloads import PAYLOADS, destination, off_site_targets
from kronika.testing import (
    PASSWORD,
    KronikaTestCase,
    comment_form_data,
    post_form,
    publish_article,
    site_settings,
)

PAGE = "http://testserver"


def one_time_code(user) -> str:
    """A valid code from the user's authenticator app, which is set up if need be."""
    device, _ = TOTPDevice.objects.get_or_create(user=user, defaults={"name": "Phone"})
    # Each code is accepted once; forget the last one so that this one passes.
    TOTPDevice.objects.filter(pk=device.pk).update(last_t=-1, confirmed=True)
    return f"{TOTP(device.bin_key, device.step, device.t0, device.digits).token():06d}"


def sign_in_with_two_factors(client, user):
    """Sign in as a staff member does, so the admin shows its views, not the 2FA step."""
    client.force_login(user)
    response = client.post("/admin/2fa/auth", {"otp_token": one_time_code(user)})
    assert response.status_code == 302, response.content[:500]


def admin_addresses_without_arguments() -> list[str]:
    """The path of every admin URL pattern that takes no arguments."""

    def routes(patterns, prefix):
        for pattern in patterns:
            route = prefix + str(pattern.pattern).lstrip("^").rstrip("$")
            if isinstance(pattern, URLResolver):
                yield from routes(pattern.url_patterns, route)
            else:
                yield route

    return [
        "/" + route
        for route in dict.fromkeys(routes(get_resolver().url_patterns, ""))
        if route.startswith("admin/")
        and not set(route) & set("<(*\\")
        # Wagtail's deliberate error, for checking that error reporting works.
        and route != "admin/failwhale/"
    ]


class OpenRedirectTests(KronikaTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.admin = get_user_model().objects.create_superuser(
            "admin", "admin@example.org", PASSWORD
        )
        cls.article = publish_article(cls.news, "Harbour reopens")
        cls.locked = publish_article(cls.news, "Subscribers only")
        cls.restriction = PageViewRestriction.objects.create(
            page=cls.locked, restriction_type=PageViewRestriction.PASSWORD, password="letmein"
        )

    def assertStaysOnSite(self, response, url, payload):
        self.assertLess(response.status_code, 500, (url, payload))
        self.assertEqual(off_site_targets(response, PAGE + url), [], (url, payload))

    def test_the_checker_recognises_payloads_that_would_leave_the_site(self):
        leaving = [p for p in PAYLOADS if destination(p, PAGE + "/") != ("http", "testserver")]
        self.assertGreaterEqual(len(leaving), 30)
        self.assertIn("/\\evil.example", leaving)
        self.assertIn("https:evil.example", leaving)
        self.assertIn("java\tscript:alert(1)", leaving)

    def test_signing_in_to_the_newsroom_goes_to_next_only_on_this_site(self):
        for payload in PAYLOADS:
            client = Client()
            url = "/admin/login/?" + urlencode({"next": payload})
            page = client.get(url)
            self.assertEqual(page.status_code, 200)
            self.assertStaysOnSite(page, url, payload)
            response = client.post(
                url, {"username": "editor", "password": PASSWORD, "next": payload}
            )
            self.assertEqual(response.status_code, 302, payload)
            self.assertIn("_auth_user_id", client.session)
            self.assertStaysOnSite(response, url, payload)
            # Signed in already, the login page sends the editor straight on.
            self.assertStaysOnSite(client.get(url), url, payload)
            # And wherever it sent them, the next step stays here too.
            followed = client.get(response["Location"])
            self.assertStaysOnSite(followed, response["Location"], payload)

    def test_the_two_factor_step_goes_to_next_only_on_this_site(self):
        for payload in PAYLOADS:
            client = Client()
            client.force_login(self.editor)
            url = "/admin/2fa/auth?" + urlencode({"next": payload})
            self.assertStaysOnSite(client.get(url), url, payload)
            response = client.post(url, {"otp_token": one_time_code(self.editor), "next": payload})
            self.assertEqual(response.status_code, 302, payload)
            self.assertStaysOnSite(response, url, payload)

    def test_signing_out_goes_to_next_only_on_this_site(self):
        for payload in PAYLOADS:
            self.client.force_login(self.editor)
            url = "/admin/logout/?" + urlencode({"next": payload})
            response = self.client.post(url, {"next": payload})
            self.assertEqual(response.status_code, 302, payload)
            self.assertNotIn("_auth_user_id", self.client.session)
            self.assertStaysOnSite(response, url, payload)

    def test_password_reset_goes_to_next_only_on_this_site(self):
        for payload in PAYLOADS:
            url = "/admin/password_reset/?" + urlencode({"next": payload})
            response = self.client.post(url, {"email": "editor@example.org", "next": payload})
            self.assertEqual(response.status_code, 302, payload)
            self.assertStaysOnSite(response, url, payload)

    def test_the_front_end_login_goes_to_next_only_on_this_site(self):
        for payload in PAYLOADS:
            client = Client()
            url = "/_util/login/?" + urlencode({"next": payload})
            self.assertStaysOnSite(client.get(url), url, payload)
            response = client.post(
                url, {"username": "reader", "password": PASSWORD, "next": payload}
            )
            self.assertEqual(response.status_code, 302, payload)
            self.assertStaysOnSite(response, url, payload)

    def test_a_password_protected_page_returns_only_to_this_site(self):
        url = reverse(
            "wagtailcore_authenticate_with_password", args=(self.restriction.pk, self.locked.pk)
        )
        redirected = 0
        for payload in PAYLOADS:
            response = self.client.post(url, {"password": "letmein", "return_url": payload})
            self.assertStaysOnSite(response, url, payload)
            redirected += response.status_code == 302
        # The form refuses a NUL character and shows itself again; the rest redirect.
        self.assertEqual(redirected, len(PAYLOADS) - 1)

    def test_the_admins_delete_and_moderation_views_go_to_next_only_on_this_site(self):
        sign_in_with_two_factors(self.client, self.admin)
        approve = reverse("wagtail_bulk_action", args=("comments", "comment", "approve"))
        for number, payload in enumerate(PAYLOADS):
            author = Author.objects.create(name="Temporary", slug=f"temporary-{number}")
            delete = reverse("wagtailsnippets_news_author:delete", args=(author.pk,))
            url = f"{delete}?{urlencode({'next': payload})}"
            response = self.client.post(url, {"next": payload})
            self.assertEqual(response.status_code, 302, payload)
            self.assertStaysOnSite(response, url, payload)
            self.assertFalse(Author.objects.filter(pk=author.pk).exists())
            comment = Comment.objects.create(
                article=self.article, name="A reader", body=f"Fine {number}.", client="x" * 64
            )
            url = f"{approve}?{urlencode({'id': comment.pk, 'next': payload})}"
            response = self.client.post(url, {"next": payload})
            self.assertEqual(response.status_code, 302, payload)
            self.assertStaysOnSite(response, url, payload)
            comment.refresh_from_db()
            self.assertEqual(comment.status, Comment.Status.APPROVED)

    def test_comment_and_rating_forms_return_to_the_article_whatever_next_or_referer_say(self):
        site_settings(CommentSettings, moderation="none")
        for number, payload in enumerate(PAYLOADS):
            query = "?" + urlencode({"next": payload})
            form = comment_form_data(self.article, body=f"Comment number {number}.", next=payload)
            url = f"/comments/{self.article.pk}/{query}"
            response = post_form(self.client, url, form, reader=number, HTTP_REFERER=payload)
            self.assertEqual(response.status_code, 303, payload)
            self.assertStaysOnSite(response, url, payload)
            url = f"/ratings/{self.article.pk}/{query}"
            rating = {"stars": 4, "next": payload}
            response = post_form(self.client, url, rating, reader=number, HTTP_REFERER=payload)
            self.assertEqual(response.status_code, 303, payload)
            self.assertStaysOnSite(response, url, payload)

    def test_reader_pages_and_search_ignore_next(self):
        for payload in PAYLOADS:
            query = urlencode({"next": payload, "q": "harbour", "return_url": payload})
            for path in ("/", self.article.url, "/search/", self.locked.url):
                url = f"{path}?{query}"
                self.assertStaysOnSite(self.client.get(url, HTTP_REFERER=payload), url, payload)

    def test_an_address_that_looks_like_another_host_is_not_redirected_there(self):
        for path in ("//evil.example", "//evil.example/", "/\\evil.example", "///evil.example"):
            for suffix in ("", "/x", "/x/"):
                response = self.client.get(path + suffix)
                self.assertStaysOnSite(response, path + suffix, path)

    def test_every_admin_address_without_arguments_ignores_a_hostile_next(self):
        sign_in_with_two_factors(self.client, self.admin)
        self.assertEqual(self.client.get("/admin/").status_code, 200)
        payloads = ["//evil.example", "/\\evil.example", "https:evil.example"]
        for address in admin_addresses_without_arguments():
            for payload in payloads:
                url = f"{address}?{urlencode({'next': payload})}"
                self.assertStaysOnSite(self.client.get(url), url, payload)
