from bs4 import BeautifulSoup

from kronika.comments.models import Comment
from kronika.comments.policy import CommentSettings, Moderation
from kronika.testing import (
    KronikaTestCase,
    post_comment,
    publish_article,
    site_settings,
)


class PostingACommentTests(KronikaTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.article = publish_article(cls.news, "Parliament passes the budget")
        site_settings(CommentSettings, moderation=Moderation.NONE)

    def soup(self):
        return BeautifulSoup(self.client.get(self.article.url).content, "html.parser")

    def test_the_article_page_has_the_comment_form(self):
        form = self.soup().select_one("#comments form.comment-form")
        self.assertEqual(form["action"], f"/comments/{self.article.pk}/")
        self.assertEqual(form["method"], "post")
        names = {field["name"] for field in form.select("input, textarea")}
        self.assertEqual(names, {"name", "email", "body", "website", "parent", "started"})
        self.assertIsNotNone(form.select_one("label[for=id_name]"))

    def test_a_comment_redirects_back_to_itself_and_is_shown(self):
        response = post_comment(self.client, self.article, name="Rūta", body="Well reported.")
        comment = Comment.objects.get()
        self.assertEqual(response.status_code, 303)
        self.assertEqual(response["Location"], f"{self.article.url}#comment-{comment.pk}")
        shown = self.soup().select_one(f"#comment-{comment.pk}")
        self.assertEqual(shown.select_one(".comment-author").get_text(), "Rūta")
        self.assertEqual(shown.select_one(".comment-body").get_text(strip=True), "Well reported.")

    def test_the_body_keeps_its_paragraphs_and_line_breaks(self):
        post_comment(self.client, self.article, body="First paragraph.\r\n\r\nSecond,\nwrapped.")
        body = self.soup().select_one(".comment-body")
        paragraphs = body.find_all("p")
        self.assertEqual(
            [p.get_text() for p in paragraphs], ["First paragraph.", "Second,wrapped."]
        )
        self.assertIsNotNone(paragraphs[1].find("br"))

    def test_addresses_become_links_that_search_engines_do_not_follow(self):
        post_comment(self.client, self.article, body="See https://example.org/report?a=1&b=2 now.")
        link = self.soup().select_one(".comment-body a")
        self.assertEqual(link["href"], "https://example.org/report?a=1&b=2")
        self.assertEqual(link["rel"], ["nofollow", "ugc"])

    def test_html_typed_by_a_commenter_is_shown_as_text(self):
        typed = '<script>alert(1)</script><a href="javascript:x" rel="nofollow">hi</a><b>bold</b>'
        post_comment(self.client, self.article, body=typed)
        body = self.soup().select_one(".comment-body")
        self.assertEqual(body.find_all(["script", "b"]), [])
        self.assertEqual(body.find_all("a"), [])
        self.assertIn("<script>alert(1)</script>", body.get_text())

    def test_the_article_header_counts_the_approved_comments(self):
        for reader in range(3):
            post_comment(self.client, self.article, reader=reader, body=f"Comment {reader}")
        Comment.objects.filter(body="Comment 2").update(status=Comment.Status.SPAM)
        soup = self.soup()
        self.assertEqual(
            soup.select_one(".article-header .comment-count").get_text(), "2 comments"
        )
        self.assertEqual(len(soup.select(".comment")), 2)

    def test_an_article_without_comments_says_so(self):
        text = self.soup().select_one(".article-header .comment-count").get_text()
        self.assertEqual(text, "No comments yet")

    def test_the_email_is_never_shown(self):
        post_comment(self.client, self.article, email="private@example.org", body="Hello.")
        self.assertNotIn("private@example.org", self.client.get(self.article.url).content.decode())
