"""An article under a privacy setting takes no comments from readers it does not let in."""

from django.contrib.auth.models import Group
from wagtail.models import PageViewRestriction

from kronika.comments.models import Comment
from kronika.comments.policy import CommentSettings
from kronika.testing import (
    KronikaTestCase,
    comment_form_data,
    post_form,
    publish_article,
    site_settings,
)


class PrivateArticleCommentTests(KronikaTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        site_settings(CommentSettings, moderation="none")
        cls.private = publish_article(cls.news, "Budget leak memo")
        restriction = PageViewRestriction.objects.create(
            page=cls.private, restriction_type=PageViewRestriction.GROUPS
        )
        restriction.groups.set([Group.objects.get(name="Editors")])

    def test_a_comment_on_it_is_answered_as_if_it_did_not_exist(self):
        response = post_form(
            self.client,
            f"/comments/{self.private.pk}/",
            comment_form_data(self.private),
            HTTP_SEC_FETCH_SITE="same-origin",
        )
        self.assertEqual(response.status_code, 404)
        self.assertFalse(Comment.objects.exists())
