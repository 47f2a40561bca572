from datetime import timedelta

from django.utils import timezone

from kronika.news.models import ArticlePage
from kronika.telegram.models import Post
from kronika.telegram.tests.support import TelegramTestCase
from kronika.testing import make_image


class KeepingInStepTests(TelegramTestCase):
    def edit(self, article, **changes):
        article = ArticlePage.objects.get(pk=article.pk)
        for field, value in changes.items():
            setattr(article, field, value)
        article.save_revision().publish()
        return article

    def test_a_new_headline_edits_the_same_message(self):
        article = self.publish("Bridge closes for repairs")
        message_id = self.post_of(article).message_id
        self.edit(article, title="Bridge closes for a month of repairs")
        self.assertEqual(self.api.methods(), ["sendPhoto", "editMessageCaption"])
        edit = self.api.calls[-1][2]
        self.assertEqual(int(edit["message_id"]), message_id)
        self.assertIn("a month of repairs", edit["caption"])
        self.assertIn(
            "a month of repairs", self.api.messages[("@kronika_test", message_id)]["caption"]
        )

    def test_an_edit_nobody_can_see_makes_no_call(self):
        article = self.publish("Museum reopens")
        self.edit(article, body='[{"type": "paragraph", "value": "<p>New body.</p>"}]')
        self.assertEqual(self.api.methods(), ["sendPhoto"])

    def test_a_new_picture_replaces_the_photo(self):
        article = self.publish("Harbour cranes arrive")
        self.edit(article, hero_image=make_image("Cranes", color="#aa3300"))
        self.assertEqual(self.api.methods(), ["sendPhoto", "editMessageMedia"])
        self.assertEqual(self.post_of(article).state, Post.State.SENT)

    def test_a_text_post_is_edited_as_text(self):
        article = self.publish("Brief", hero_image=None)
        self.edit(article, standfirst="A new standfirst.")
        self.assertEqual(self.api.methods(), ["sendMessage", "editMessageText"])
        self.assertIn("A new standfirst.", self.api.calls[-1][2]["text"])

    def test_message_is_not_modified_counts_as_success(self):
        article = self.publish("Same again")
        post = self.post_of(article)
        Post.objects.filter(pk=post.pk).update(sent_caption="something older")
        self.edit(article)
        self.assertEqual(self.api.methods(), ["sendPhoto", "editMessageCaption"])
        self.assertEqual(self.post_of(article).state, Post.State.SENT)
        self.assertEqual(self.post_of(article).error, "")

    def test_unpublishing_a_fresh_article_deletes_its_post(self):
        article = self.publish("Published by mistake")
        ArticlePage.objects.get(pk=article.pk).unpublish()
        self.assertEqual(self.api.methods(), ["sendPhoto", "deleteMessage"])
        self.assertEqual(self.api.messages, {})
        self.assertEqual(self.post_of(article).state, Post.State.DELETED)

    def test_unpublishing_an_older_article_withdraws_its_post(self):
        article = self.publish("Old report")
        Post.objects.update(sent_at=timezone.now() - timedelta(hours=49))
        ArticlePage.objects.get(pk=article.pk).unpublish()
        self.assertEqual(self.api.methods(), ["sendPhoto", "editMessageCaption"])
        self.assertEqual(self.api.calls[-1][2]["caption"], "This article has been withdrawn.")
        self.assertEqual(self.post_of(article).state, Post.State.WITHDRAWN)

    def test_an_edit_of_a_post_deleted_in_the_channel_is_shown_to_editors(self):
        article = self.publish("Deleted by hand in Telegram")
        self.api.messages.clear()
        self.edit(article, title="Renamed after the post was deleted")
        post = self.post_of(article)
        self.assertIn("message to edit not found", post.error)
        self.assertEqual(post.state, Post.State.SENT)
