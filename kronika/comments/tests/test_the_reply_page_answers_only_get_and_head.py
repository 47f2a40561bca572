"""The page to reply from is a reader page like the article: any method but GET
and HEAD, even with a valid CSRF token, gets the readable 405 page with
`Allow: GET, HEAD`. The reply itself is posted to /comments/<article>/."""

from kronika.comments.models import Comment
from kronika.testing import KronikaTestCase, publish_article


class ReplyPageAnswersOnlyGetAndHeadTests(KronikaTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        article = publish_article(cls.news, "New bus routes")
        cls.comment = Comment.objects.create(
            article=article,
            name="A reader",
            body="Which routes change?",
            status=Comment.Status.APPROVED,
            client="x" * 64,
        )

    def test_the_reply_page_answers_only_get_and_head(self):
        self.assertOnlyGetAndHead(f"/comments/reply/{self.comment.pk}/")
