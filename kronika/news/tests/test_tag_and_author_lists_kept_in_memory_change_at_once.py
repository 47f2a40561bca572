"""Tag and author pages keep their articles' positions in memory, never out of date.

The ids are kept until the list's tag (`list:tag:<pk>`, `list:author:<pk>`) or
SITE moves, or the first of them expires: exactly when the page cache renders
those pages afresh. These tests warm each list first, with the page cache off,
so that only the kept ids could show a stale list.
"""

from datetime import timedelta
from unittest import mock

from django.test import override_settings
from django.utils import timezone
from wagtail.models import PageViewRestriction

from kronika.news.models import ArticlePage
from kronika.testing import KronikaTestCase, publish_article, without_page_cache

TAG_PAGE = "/tags/harbour/"
AUTHOR_PAGE = "/authors/alice/"


@without_page_cache()
class KeptTagAndAuthorListsTests(KronikaTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.older = cls.story("Harbour dredged", days=3)
        cls.newer = cls.story("Harbour reopens", days=2)

    @classmethod
    def story(cls, title, days=1, **kwargs):
        return publish_article(
            cls.news,
            title,
            when=cls.days_ago(days),
            tags=["harbour"],
            authors=[cls.alice],
            **kwargs,
        )

    def shown(self, url) -> str:
        response = self.client.get(url)
        self.assertEqual(response.status_code, 200)
        return response.content.decode()

    def assertListed(self, title, *, listed=True, urls=(TAG_PAGE, AUTHOR_PAGE)):
        for url in urls:
            with self.subTest(url=url, title=title):
                if listed:
                    self.assertIn(title, self.shown(url))
                else:
                    self.assertNotIn(title, self.shown(url))

    def warm(self):
        self.assertListed("Harbour reopens")

    def test_a_new_article_shows_at_once(self):
        self.warm()
        self.story("Harbour strike ends")
        self.assertListed("Harbour strike ends")

    def test_an_unpublished_article_leaves_at_once(self):
        self.warm()
        ArticlePage.objects.get(pk=self.newer.pk).unpublish()
        self.assertListed("Harbour reopens", listed=False)
        self.assertListed("Harbour dredged")

    def test_an_article_made_private_leaves_at_once_and_comes_back(self):
        self.warm()
        restriction = PageViewRestriction.objects.create(page=self.newer, restriction_type="login")
        self.assertListed("Harbour reopens", listed=False)
        restriction.delete()
        self.assertListed("Harbour reopens")

    def test_an_article_moved_into_a_private_section_leaves_at_once(self):
        desk = self.add_section("Investigations", parent=self.news)
        PageViewRestriction.objects.create(page=desk, restriction_type="login")
        self.warm()
        ArticlePage.objects.get(pk=self.newer.pk).move(desk, pos="last-child")
        self.assertListed("Harbour reopens", listed=False)

    def test_an_article_whose_tag_is_removed_leaves_the_tag_page_only(self):
        # Lists are bumped when memberships change from those remembered once a
        # publication commits (kronika.news.invalidation), as in production.
        with self.captureOnCommitCallbacks(execute=True):
            ArticlePage.objects.get(pk=self.newer.pk).save_revision().publish()
        self.warm()
        page = ArticlePage.objects.get(pk=self.newer.pk)
        page.tags.set(["ferries"])
        with self.captureOnCommitCallbacks(execute=True):
            page.save_revision().publish()
        self.assertListed("Harbour reopens", listed=False, urls=[TAG_PAGE])
        self.assertListed("Harbour reopens", urls=[AUTHOR_PAGE, "/tags/ferries/"])

    def test_the_last_article_of_a_tag_unpublished_makes_its_page_not_found(self):
        self.warm()
        for article in (self.older, self.newer):
            ArticlePage.objects.get(pk=article.pk).unpublish()
        self.assertEqual(self.client.get(TAG_PAGE).status_code, 404)

    def test_an_article_leaves_when_it_expires_though_nothing_is_bumped(self):
        expires = timezone.now() + timedelta(hours=1)
        self.story("Harbour closes tonight", expire_at=expires)
        self.assertListed("Harbour closes tonight")
        later = expires + timedelta(minutes=1)
        with (
            mock.patch("django.utils.timezone.now", return_value=later),
            mock.patch("kronika.pagecache.fragments.time.time", return_value=later.timestamp()),
        ):
            self.assertListed("Harbour closes tonight", listed=False)

    @override_settings(KRONIKA_PAGE_SIZE=1)
    def test_a_deep_page_shifts_at_once_when_a_newer_article_arrives(self):
        self.assertIn("Harbour dredged", self.shown(f"{TAG_PAGE}?page=2"))
        self.story("Harbour strike ends", days=1)
        for url in (f"{TAG_PAGE}?page=2", f"{AUTHOR_PAGE}?page=2"):
            with self.subTest(url=url):
                shown = self.shown(url)
                self.assertIn("Harbour reopens", shown)
                self.assertNotIn("Harbour dredged", shown)
        self.assertIn("Harbour dredged", self.shown(f"{TAG_PAGE}?page=3"))
