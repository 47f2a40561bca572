from unittest import mock

from django.urls import reverse, set_script_prefix
from wagtail.models import Page

from kronika.base import page_urls
from kronika.testing import KronikaTestCase, publish_article


class PageAddressTests(KronikaTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.article = publish_article(cls.news, "Vilniaus žinios", slug="vilniaus-žinios")

    def setUp(self):
        page_urls._served_at.cache_clear()
        self.addCleanup(page_urls._served_at.cache_clear)

    def pages(self):
        return [self.home, self.news, self.sport, self.article]

    def test_every_page_has_the_address_wagtail_gives_it(self):
        for page in self.pages():
            page = Page.objects.get(pk=page.pk).specific
            self.assertEqual(page.get_url_parts(), Page.get_url_parts(page), page.title)
        self.assertEqual(self.article.url, "/news/vilniaus-%C5%BEinios/")

    def test_an_address_is_reversed_once_however_often_it_is_linked(self):
        with mock.patch.object(page_urls, "reverse", wraps=reverse) as reversed_:
            for _ in range(3):
                self.assertEqual(self.article.url, "/news/vilniaus-%C5%BEinios/")
        self.assertEqual(reversed_.call_count, 1)

    def test_a_moved_page_has_its_new_address_at_once(self):
        self.assertEqual(self.article.url, "/news/vilniaus-%C5%BEinios/")
        self.article.move(self.sport, pos="last-child")
        moved = Page.objects.get(pk=self.article.pk).specific
        self.assertEqual(moved.url, "/sport/vilniaus-%C5%BEinios/")

    def test_the_script_prefix_is_part_of_the_address(self):
        self.assertEqual(self.article.url, "/news/vilniaus-%C5%BEinios/")
        set_script_prefix("/paper/")
        self.addCleanup(set_script_prefix, "/")
        self.assertEqual(self.article.url, "/paper/news/vilniaus-%C5%BEinios/")
        self.assertEqual(self.article.url, Page.get_url_parts(self.article)[2])
