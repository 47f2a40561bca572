from bs4 import BeautifulSoup

from kronika.comments.models import Comment
from kronika.comments.policy import CommentSettings, Moderation
from kronika.testing import (
    KronikaTestCase,
    post_comment,
    publish_article,
    site_settings,
)


class ReplyTests(KronikaTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.article = publish_article(cls.news, "New bus routes")
        cls.other = publish_article(cls.news, "New tram routes")
        site_settings(CommentSettings, moderation=Moderation.NONE)

    def comment(self, body, reader, parent=None, article=None):
        response = post_comment(
            self.client,
            article or self.article,
            reader=reader,
            body=body,
            parent=parent.pk if parent else "",
        )
        self.assertEqual(response.status_code, 303, response.content.decode()[:500])
        return Comment.objects.get(body=body)

    def test_replies_sit_under_their_comment_oldest_first(self):
        first = self.comment("First top-level", 1)
        second = self.comment("Second top-level", 2)
        self.comment("Reply A", 3, parent=first)
        self.comment("Reply B", 4, parent=first)
        soup = BeautifulSoup(self.client.get(self.article.url).content, "html.parser")
        threads = soup.select(".comment-list > li")
        self.assertEqual(len(threads), 2)
        self.assertEqual(
            [c.get_text(strip=True) for c in threads[0].select(".comment-replies .comment-body")],
            ["Reply A", "Reply B"],
        )
        self.assertEqual(threads[1].select_one(".comment-body").get_text(strip=True), second.body)
        self.assertEqual(soup.select_one(".comment-count").get_text(), "4 comments")

    def test_a_reply_to_a_reply_joins_the_same_thread(self):
        first = self.comment("Top", 1)
        reply = self.comment("Reply", 2, parent=first)
        self.assertEqual(self.comment("Reply to reply", 3, parent=reply).parent_id, first.pk)

    def test_a_reply_must_answer_an_approved_comment_on_the_same_article(self):
        elsewhere = self.comment("Elsewhere", 1, article=self.other)
        hidden = self.comment("Hidden", 2)
        hidden.moderate(Comment.Status.SPAM)
        for parent_id in (elsewhere.pk, hidden.pk, 10**6):
            response = post_comment(
                self.client, self.article, reader=3, body=f"To {parent_id}", parent=parent_id
            )
            self.assertEqual(response.status_code, 400)
            self.assertIn("not on this article", response.content.decode())
        self.assertEqual(Comment.objects.count(), 2)

    def test_each_top_level_comment_links_to_a_reply_page_that_works_without_script(self):
        first = self.comment("Top", 1)
        soup = BeautifulSoup(self.client.get(self.article.url).content, "html.parser")
        link = soup.select_one(f"#comment-{first.pk} .comment-reply a")["href"]
        reply_page = BeautifulSoup(self.client.get(link).content, "html.parser")
        self.assertEqual(reply_page.select_one("h1").get_text(), "Reply to A reader")
        self.assertEqual(reply_page.select_one("input[name=parent]")["value"], str(first.pk))
        self.assertEqual(reply_page.select_one("meta[name=robots]")["content"], "noindex")

    def test_there_is_no_reply_page_for_a_hidden_comment(self):
        hidden = self.comment("Hidden", 1)
        hidden.moderate(Comment.Status.PENDING)
        self.assertEqual(self.client.get(f"/comments/reply/{hidden.pk}/").status_code, 404)
        self.assertEqual(self.client.get(f"/comments/reply/{10**20}/").status_code, 404)
