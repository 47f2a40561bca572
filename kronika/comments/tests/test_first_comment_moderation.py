from kronika.comments.models import Comment
from kronika.comments.policy import CommentSettings, Moderation
from kronika.testing import (
    KronikaTestCase,
    post_comment,
    publish_article,
    site_settings,
)


class FirstModerationTests(KronikaTestCase):
    """As in WordPress: a new commenter's first comment waits; a known commenter's does not."""

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.article = publish_article(cls.news, "Ferry strike ends")
        cls.other = publish_article(cls.sport, "Cup final tonight")

    def post(self, reader=1, article=None, **fields):
        post_comment(self.client, article or self.article, reader=reader, **fields)
        return Comment.objects.latest("pk")

    def set_mode(self, mode):
        site_settings(CommentSettings, moderation=mode)

    def test_it_holds_the_first_comment_from_a_new_commenter(self):
        comment = self.post(email="new@example.org")
        self.assertEqual(comment.status, Comment.Status.PENDING)
        self.assertEqual(comment.held_because, "A first comment from a new commenter.")

    def test_it_approves_a_commenter_once_one_comment_was_approved(self):
        first = self.post(email="Known@Example.org", body="First.")
        self.assertEqual(
            self.post(reader=2, email="known@example.org", body="Again.").status, "pending"
        )
        first.moderate(Comment.Status.APPROVED, self.editor)
        later = self.post(reader=3, article=self.other, email="KNOWN@example.org", body="Later.")
        self.assertEqual(later.status, Comment.Status.APPROVED)

    def test_a_rejected_comment_does_not_make_a_commenter_known(self):
        self.post(email="spammer@example.org", body="Buy.").moderate(Comment.Status.SPAM)
        self.assertEqual(self.post(reader=2, email="spammer@example.org").status, "pending")

    def test_without_email_the_same_name_from_the_same_client_is_recognised(self):
        self.post(name="Jonas", body="One.").moderate(Comment.Status.APPROVED)
        Comment.objects.update(created_at=self.days_ago(1))
        self.assertEqual(self.post(name="Jonas", body="Two.").status, "approved")
        self.assertEqual(self.post(reader=2, name="Jonas", body="Three.").status, "pending")

    def test_hold_all_holds_even_known_commenters(self):
        self.post(email="known@example.org").moderate(Comment.Status.APPROVED)
        self.set_mode(Moderation.ALL)
        comment = self.post(reader=2, email="known@example.org", body="Another.")
        self.assertEqual(
            (comment.status, comment.held_because), ("pending", "Every comment is checked.")
        )

    def test_approve_all_publishes_new_commenters_at_once(self):
        self.set_mode(Moderation.NONE)
        self.assertEqual(self.post(email="new@example.org").status, Comment.Status.APPROVED)

    def test_more_than_two_links_send_a_comment_to_the_queue(self):
        self.set_mode(Moderation.NONE)
        two = "https://a.example/ and https://b.example/"
        self.assertEqual(self.post(body=two).status, "approved")
        three = self.post(reader=2, body=f"{two} and www.c.example")
        self.assertEqual(three.status, Comment.Status.PENDING)
        self.assertEqual(three.held_because, "It has 3 links; more than 2 are checked.")
