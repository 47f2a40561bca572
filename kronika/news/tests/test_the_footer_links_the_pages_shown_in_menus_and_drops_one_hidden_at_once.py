"""The footer links the standard pages under the home page that editors show in menus.

"Show in menus" is on each page's Promote tab. The list is kept in memory and
in every cached page, so hiding a page must render them all afresh.
"""

from bs4 import BeautifulSoup

from kronika.base.models import StandardPage
from kronika.pagecache.tests.paper import HIT
from kronika.testing import KronikaTestCase, body, publish_article


def add_page(parent, title, *, show_in_menus=True, publish=True, **fields):
    page = StandardPage(
        title=title, slug=title.lower(), show_in_menus=show_in_menus, body=body("Text."), **fields
    )
    parent.add_child(instance=page)
    if publish:
        page.save_revision().publish()
    else:
        StandardPage.objects.filter(pk=page.pk).update(live=False)
    return page


class FooterPagesTests(KronikaTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.article = publish_article(cls.news, "Harbour reopens")
        cls.about = add_page(cls.home, "About", listing_title="About us")
        cls.privacy = add_page(cls.home, "Privacy")
        add_page(cls.home, "Jobs", show_in_menus=False)
        add_page(cls.home, "Draft", publish=False)
        add_page(cls.about, "History")

    def footer_pages(self, url: str) -> list[tuple[str, str]]:
        soup = BeautifulSoup(self.client.get(url).content, "html.parser")
        return [(a["href"], a.get_text(strip=True)) for a in soup.select(".footer-pages a")]

    def republish(self, page, **changes):
        page = page.get_latest_revision_as_object()
        for field, value in changes.items():
            setattr(page, field, value)
        page.save_revision().publish()

    def test_it_links_the_live_pages_under_home_shown_in_menus_in_tree_order(self):
        for url in ("/", "/news/", self.article.url):
            with self.subTest(url=url):
                self.assertEqual(
                    self.footer_pages(url), [("/about/", "About us"), ("/privacy/", "Privacy")]
                )

    def test_hiding_a_page_from_menus_removes_its_link_from_cached_pages_at_once(self):
        for url in ("/", self.article.url):
            self.client.get(url)
            self.assertEqual(self.client.get(url).get("X-Kronika-Cache"), HIT, url)

        self.republish(self.privacy, show_in_menus=False)

        for url in ("/", self.article.url):
            with self.subTest(url=url):
                response = self.client.get(url)
                self.assertNotEqual(response.get("X-Kronika-Cache"), HIT)
                self.assertNotContains(response, 'href="/privacy/"')
                self.assertContains(response, 'href="/about/"')

    def test_showing_a_page_in_menus_adds_its_link_at_once(self):
        self.footer_pages("/")
        jobs = StandardPage.objects.get(slug="jobs")
        self.republish(jobs, show_in_menus=True)
        self.assertIn(("/jobs/", "Jobs"), self.footer_pages("/"))

    def test_a_page_unpublished_leaves_the_footer_at_once(self):
        self.footer_pages("/")
        self.about.unpublish()
        self.assertEqual(self.footer_pages("/"), [("/privacy/", "Privacy")])
