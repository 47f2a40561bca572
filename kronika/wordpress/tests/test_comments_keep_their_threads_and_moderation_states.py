from bs4 import BeautifulSoup

from kronika.comments.models import Comment
from kronika.comments.policy import Policy, policy_of
from kronika.news.models import ArticlePage
from kronika.wordpress.tests.exports import ImportTestCase, comment, export, item


class CommentsKeepTheirThreadsAndModerationStates(ImportTestCase):
    def setUp(self):
        super().setUp()
        self.report = self.import_text(
            export(
                item(
                    1,
                    "Story",
                    comments=[
                        comment(12, "A reply to a reply.", parent=11, author="Carol",
                                when="2017-05-19 12:00:00"),
                        comment(10, "<p>First!</p>\n<p>Second paragraph &amp; more.</p>",
                                author="Alice", email="Alice@Example.org"),
                        comment(11, "A reply.", parent=10, author="Bob",
                                when="2017-05-19 11:00:00"),
                        comment(13, "Held back.", approved="0", author="Dan"),
                        comment(14, "Buy pills.", approved="spam", author="Spammer"),
                        comment(15, "Binned.", approved="trash", author="Eve"),
                        comment(16, "Linked you.", kind="pingback", author="Blog"),
                        comment(17, "Bad address.", author="Fay", email="not an address"),
                    ],
                ),
                item(2, "Closed story", comment_status="closed"),
            )
        )  # fmt: skip
        self.article = ArticlePage.objects.get(title="Story")

    def by_name(self, name) -> Comment:
        return Comment.objects.get(name=name)

    def test_replies_keep_their_thread(self):
        alice, bob, carol = (self.by_name(name) for name in ("Alice", "Bob", "Carol"))
        self.assertIsNone(alice.parent)
        self.assertEqual(bob.parent, alice)
        # Kronika threads one level deep: a reply to a reply joins the thread's top.
        self.assertEqual(carol.parent, alice)
        listed = {(entry["title"], entry["what"]) for entry in self.report.incomplete}
        self.assertIn(("Carol", "thread"), listed)

    def test_author_email_date_and_text_are_kept(self):
        alice = self.by_name("Alice")
        self.assertEqual(alice.email, "alice@example.org")
        self.assertEqual(alice.created_at.isoformat(), "2017-05-19T10:00:00+00:00")
        self.assertEqual(alice.body, "First!\n\nSecond paragraph & more.")
        self.assertEqual(alice.article, self.article)
        self.assertEqual(len(alice.client), 64)

    def test_approval_states_are_kept_and_trash_and_pingbacks_are_reported(self):
        self.assertEqual(self.by_name("Alice").status, Comment.Status.APPROVED)
        self.assertEqual(self.by_name("Dan").status, Comment.Status.PENDING)
        self.assertEqual(self.by_name("Spammer").status, Comment.Status.SPAM)
        self.assertFalse(Comment.objects.filter(name__in=["Eve", "Blog"]).exists())
        skipped = {entry["title"]: entry["reason"] for entry in self.report.skipped}
        self.assertIn("trash", skipped["Eve"])
        self.assertIn("pingback", skipped["Blog"])
        self.assertEqual(self.report.counts["comment"]["imported"], 6)
        self.assertEqual(self.report.counts["comment"]["skipped"], 2)

    def test_an_invalid_email_is_dropped_and_reported(self):
        self.assertEqual(self.by_name("Fay").email, "")
        listed = {(entry["title"], entry["what"]) for entry in self.report.incomplete}
        self.assertIn(("Fay", "email"), listed)

    def test_readers_see_only_approved_comments_in_their_threads(self):
        page = BeautifulSoup(self.client.get(self.article.url).content, "html.parser")
        text = page.select_one("#comments").get_text(" ")
        for shown in ("First!", "A reply.", "A reply to a reply."):
            self.assertIn(shown, text)
        for hidden in ("Held back.", "Buy pills."):
            self.assertNotIn(hidden, text)
        self.assertEqual(len(page.select(".comment-replies li")), 2)

    def test_comment_status_becomes_the_comment_policy(self):
        self.assertEqual(policy_of(self.article), Policy.INHERIT)
        closed = ArticlePage.objects.get(title="Closed story")
        self.assertEqual(policy_of(closed), Policy.CLOSED)
        self.assertContains(self.client.get(closed.url), "Comments are closed.")
