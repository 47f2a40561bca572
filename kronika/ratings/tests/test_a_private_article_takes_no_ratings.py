"""An article under a privacy setting takes no ratings from readers it does not let in."""

from django.contrib.auth.models import Group
from wagtail.models import PageViewRestriction

from kronika.ratings.models import Rating
from kronika.testing import KronikaTestCase, publish_article, rate


class PrivateArticleRatingTests(KronikaTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.private = publish_article(cls.news, "Budget leak memo")
        restriction = PageViewRestriction.objects.create(
            page=cls.private, restriction_type=PageViewRestriction.GROUPS
        )
        restriction.groups.set([Group.objects.get(name="Editors")])

    def test_a_vote_on_it_is_answered_as_if_it_did_not_exist(self):
        response = rate(self.client, self.private, 5, HTTP_SEC_FETCH_SITE="same-origin")
        self.assertEqual(response.status_code, 404)
        self.assertFalse(Rating.objects.exists())
