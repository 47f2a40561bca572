from django.utils import timezone

from kronika.ratings.models import Rating
from kronika.testing import KronikaTestCase, draft_article, post_form, publish_article, rate


class RefusedRatingTests(KronikaTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.article = publish_article(cls.news, "Live article")
        cls.draft = draft_article(cls.news, "A draft")
        cls.unpublished = publish_article(cls.news, "Taken down")
        cls.unpublished.unpublish()
        cls.expired = publish_article(cls.news, "Expired", expire_at=timezone.now())

    def assert_refused(self, response, status, text):
        self.assertEqual(response.status_code, status)
        self.assertIn(text, response.content.decode())
        self.assertEqual(Rating.objects.count(), 0)

    def test_drafts_unpublished_and_expired_articles_cannot_be_rated(self):
        for article in (self.draft, self.unpublished, self.expired):
            self.assert_refused(rate(self.client, article, 4), 404, "cannot be rated")

    def test_unknown_articles_cannot_be_rated(self):
        for article_id in (10**6, 2**63, 10**40):
            response = post_form(self.client, f"/ratings/{article_id}/", {"stars": 3})
            self.assert_refused(response, 404, "cannot be rated")

    def test_stars_must_be_a_whole_number_from_one_to_five(self):
        for stars in ("0", "6", "-1", "2.5", "five", ""):
            self.assert_refused(rate(self.client, self.article, stars), 400, "from 1 to 5")
        response = post_form(self.client, f"/ratings/{self.article.pk}/", {"other": "x"})
        self.assert_refused(response, 400, "Choose from 1 to 5 stars.")

    def test_a_cross_site_vote_is_refused(self):
        response = rate(self.client, self.article, 5, HTTP_SEC_FETCH_SITE="cross-site")
        self.assert_refused(response, 403, "another site")
