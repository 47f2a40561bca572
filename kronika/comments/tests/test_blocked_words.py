from kronika.comments.models import Comment
from kronika.comments.policy import CommentSettings
from kronika.testing import KronikaTestCase, post_comment, publish_article, site_settings


class BlockedWordTests(KronikaTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.article = publish_article(cls.news, "Markets fall")
        site_settings(CommentSettings, blocked_words="casino\n  cheap pills \n")

    def test_a_comment_with_a_blocked_word_is_refused_whatever_its_case(self):
        response = post_comment(self.client, self.article, body="Visit our CASINO today")
        self.assertEqual(response.status_code, 400)
        self.assertIn("words that this paper does not publish", response.content.decode())
        self.assertEqual(Comment.objects.count(), 0)

    def test_a_blocked_phrase_in_the_name_is_refused_too(self):
        response = post_comment(self.client, self.article, name="Cheap Pills Shop")
        self.assertEqual(response.status_code, 400)

    def test_other_comments_pass(self):
        self.assertEqual(post_comment(self.client, self.article).status_code, 303)
