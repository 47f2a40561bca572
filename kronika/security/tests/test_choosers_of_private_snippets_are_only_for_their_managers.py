"""Wagtail opens every snippet's chooser to anyone on the admin; Kronika's private ones are closed.

Nothing links to a blocked commenter, a reader's comment or a Telegram channel,
and their choosers would list readers' email addresses and the paper's channels.
"""

from kronika.comments.models import Block, Comment
from kronika.telegram.models import Channel
from kronika.testing import KronikaTestCase, publish_article


class PrivateSnippetChooserTests(KronikaTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        article = publish_article(cls.news, "Budget talks")
        cls.block = Block.objects.create(kind=Block.Kind.EMAIL, value="troll@example.org")
        cls.comment = Comment.objects.create(
            article=article, name="Ona", email="ona@example.org", body="Pending words."
        )
        cls.channel = Channel.objects.create(
            name="Paper channel", chat_id="@paper", bot_token="1:x", enabled=False
        )

    def choosers(self, model, pk):
        base = f"/admin/snippets/choose/{model}/"
        return [base, f"{base}results/", f"{base}chosen/{pk}/"]

    def test_a_reporter_cannot_list_blocked_commenters_or_channels(self):
        self.client.force_login(self.reporter)
        for url in [
            *self.choosers("comments/block", self.block.pk),
            *self.choosers("telegram/channel", self.channel.pk),
        ]:
            with self.subTest(url=url):
                response = self.client.get(url)
                self.assertRedirects(response, "/admin/", fetch_redirect_response=False)

    def test_those_with_a_permission_on_them_still_can(self):
        self.client.force_login(self.editor)
        self.assertContains(self.client.get(self.choosers("comments/block", 0)[0]), "troll@")
        self.client.force_login(self.reporter)
        for url in self.choosers("comments/comment", self.comment.pk):
            with self.subTest(url=url):
                self.assertEqual(self.client.get(url).status_code, 200)
