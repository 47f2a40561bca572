"""The paths of private pages kept in memory change exactly when the page cache's tags do.

Saving or deleting a privacy setting, or moving a page, bumps the `site` tag,
and the next list reads the settings afresh. A change the tags do not hear of
is not seen until they move: the memory is only as fresh as the page cache,
and no fresher reading is paid for.
"""

from wagtail.models import PageViewRestriction

from kronika.news.models import ArticlePage
from kronika.pagecache import tags
from kronika.pagecache.store import page_cache
from kronika.testing import KronikaTestCase, publish_article


class PrivacyChangesTests(KronikaTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.opens = publish_article(cls.news, "Budget opens", when=cls.days_ago(2))
        cls.memo = publish_article(cls.news, "Budget leak memo", when=cls.days_ago(1))
        cls.desk = cls.add_section("Investigations", parent=cls.news)

    def published(self) -> set[str]:
        return set(ArticlePage.objects.published().values_list("slug", flat=True))

    def searched(self) -> str:
        return self.client.get("/search/?q=budget").content.decode()

    def test_a_page_made_private_leaves_lists_and_search_at_once_and_comes_back(self):
        self.assertEqual(self.published(), {"budget-opens", "budget-leak-memo"})
        self.assertIn("/budget-leak-memo/", self.searched())
        restriction = PageViewRestriction.objects.create(page=self.memo, restriction_type="login")
        self.assertEqual(self.published(), {"budget-opens"})
        self.assertNotIn("/budget-leak-memo/", self.searched())
        restriction.delete()
        self.assertEqual(self.published(), {"budget-opens", "budget-leak-memo"})
        self.assertIn("/budget-leak-memo/", self.searched())

    def test_an_article_moved_into_a_private_section_leaves_lists_and_moved_out_returns(self):
        PageViewRestriction.objects.create(page=self.desk, restriction_type="login")
        self.assertEqual(self.published(), {"budget-opens", "budget-leak-memo"})
        ArticlePage.objects.get(pk=self.memo.pk).move(self.desk, pos="last-child")
        self.assertEqual(self.published(), {"budget-opens"})
        ArticlePage.objects.get(pk=self.memo.pk).move(self.news, pos="last-child")
        self.assertEqual(self.published(), {"budget-opens", "budget-leak-memo"})

    def test_a_change_is_seen_when_the_site_tag_moves_and_not_before(self):
        self.assertEqual(self.published(), {"budget-opens", "budget-leak-memo"})
        # bulk_create sends no signal, as a change made by another process is
        # not heard here: that process bumps the tag in the shared cache.
        PageViewRestriction.objects.bulk_create(
            [PageViewRestriction(page=self.memo, restriction_type="login")]
        )
        self.assertEqual(self.published(), {"budget-opens", "budget-leak-memo"})
        page_cache.shared.set(f"tag:{tags.SITE}", "1.0:another-process", timeout=None)
        self.assertEqual(self.published(), {"budget-opens"})
