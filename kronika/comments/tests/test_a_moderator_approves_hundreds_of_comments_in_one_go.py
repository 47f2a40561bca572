"""A moderator approves a whole queue in one go, through the requests the admin's own page makes.

The listing shows 20 comments a page; "Select all snippets in listing" then sends
`id=all` with the listing's filters (Wagtail's bulk-actions.js), and the
confirmation page posts back, in its body, the comments it listed. Ids in the
address made the request too long past about 200 comments (a 414).
"""

from urllib.parse import urlencode, urlsplit

from bs4 import BeautifulSoup
from django.conf import settings
from django.test import Client

from kronika.comments.models import Comment
from kronika.testing import KronikaTestCase, publish_article

QUEUE = "/admin/snippets/comments/comment/?status=pending"
APPROVE = "/admin/bulk/comments/comment/approve/"
SPAM = "/admin/bulk/comments/comment/spam/"


def held(article, count: int, body: str = "Held for moderation.", **fields) -> list[Comment]:
    return Comment.objects.bulk_create(
        Comment(article=article, name=f"Reader {n}", body=body, client=f"{n:064x}", **fields)
        for n in range(count)
    )


class AModeratorApprovesHundredsOfCommentsInOneGo(KronikaTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.article = publish_article(cls.news, "Council votes on the new bridge")
        cls.queue = held(cls.article, 500)
        cls.spam = held(cls.article, 3, "Cheap pills.", status=Comment.Status.SPAM)

    def setUp(self):
        self.browser = Client(enforce_csrf_checks=True)
        self.browser.force_login(self.editor)

    def select_all_in_listing(self, action: str, listing: str = QUEUE) -> str:
        """The confirmation page's address, as bulk-actions.js builds it for the whole listing."""
        page = BeautifulSoup(self.browser.get(listing).content, "html.parser")
        footer = page.select_one("[data-bulk-action-footer]")
        self.assertIsNotNone(footer.select_one("[data-bulk-action-num-objects-in-listing]"))
        self.assertIsNotNone(footer.select_one(f'a[data-bulk-action-button][href="{action}"]'))
        address = urlsplit(listing)
        query = f"{address.query}&{urlencode({'id': 'all', 'next': listing})}"
        return f"{action}?{query}"

    def confirmation(self, url: str) -> tuple[BeautifulSoup, str, dict[str, str]]:
        """The confirmation page, and where and what its form posts."""
        response = self.browser.get(url)
        self.assertEqual(response.status_code, 200)
        page = BeautifulSoup(response.content, "html.parser")
        form = page.select_one("form[method=POST]")
        fields = {field["name"]: field.get("value", "") for field in form.select("input[name]")}
        return page, form["action"], fields

    def statuses(self) -> dict[str, int]:
        counted = {}
        for status in Comment.objects.values_list("status", flat=True):
            counted[status] = counted.get(status, 0) + 1
        return counted

    def test_all_500_pending_comments_are_approved_and_nothing_else(self):
        page, action, fields = self.confirmation(self.select_all_in_listing(APPROVE))
        self.assertEqual(len(page.select(".nice-padding ul li")), 500)
        # The ids travel in the body: the address stays short however many there are.
        self.assertNotIn("id=", action)
        self.assertLess(len(urlsplit(action).query), settings.KRONIKA_MAX_QUERY_STRING)

        response = self.browser.post(action, fields)

        self.assertRedirects(response, QUEUE, fetch_redirect_response=False)
        self.assertEqual(self.statuses(), {"approved": 500, "spam": 3})
        moderators = set(Comment.objects.approved().values_list("moderated_by", flat=True))
        self.assertEqual(moderators, {self.editor.pk})
        self.assertContains(self.browser.get(QUEUE), "500 comments approved.")

    def test_a_comment_that_arrives_after_the_confirmation_page_is_not_approved_unseen(self):
        _page, action, fields = self.confirmation(self.select_all_in_listing(APPROVE))
        (latecomer,) = held(self.article, 1, "Sent while the moderator was reading.")
        self.browser.post(action, fields)
        latecomer.refresh_from_db()
        self.assertEqual(latecomer.status, Comment.Status.PENDING)
        self.assertEqual(Comment.objects.approved().count(), 500)

    def test_select_all_keeps_to_the_listing_s_search(self):
        casino = held(self.article, 30, "Win big at the casino tonight.")
        listing = f"{QUEUE}&q=casino"
        page, action, fields = self.confirmation(self.select_all_in_listing(SPAM, listing))
        self.assertEqual(len(page.select(".nice-padding ul li")), 30)
        self.browser.post(action, fields)
        spam = set(Comment.objects.filter(status=Comment.Status.SPAM).values_list("pk", flat=True))
        self.assertEqual(spam, {c.pk for c in casino} | {c.pk for c in self.spam})

    def test_only_moderators_approve_and_only_with_the_csrf_token(self):
        _page, action, fields = self.confirmation(self.select_all_in_listing(APPROVE))
        without_token = {k: v for k, v in fields.items() if k != "csrfmiddlewaretoken"}
        self.assertEqual(self.browser.post(action, without_token).status_code, 403)

        reporter = Client(enforce_csrf_checks=True)
        reporter.force_login(self.reporter)
        reporter.get(QUEUE)  # sets its own CSRF cookie
        token = reporter.cookies[settings.CSRF_COOKIE_NAME].value
        reporter.post(action, {**fields, "csrfmiddlewaretoken": token})
        self.assertEqual(self.statuses(), {"pending": 500, "spam": 3})

    def test_a_damaged_selection_gets_a_readable_400(self):
        _page, action, fields = self.confirmation(self.select_all_in_listing(APPROVE))
        for damaged in ("1,2,three", "", "1,,2", "²", "9" * 40):
            with self.subTest(damaged):
                response = self.browser.post(action, {**fields, "ids": damaged})
                self.assertContains(response, "Bad request", status_code=400)
        self.assertEqual(self.statuses(), {"pending": 500, "spam": 3})
