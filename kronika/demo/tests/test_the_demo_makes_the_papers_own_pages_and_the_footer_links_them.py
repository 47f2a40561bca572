"""The demo's About, Contact, Masthead and Privacy pages: made once, linked from every footer."""

from bs4 import BeautifulSoup

from kronika.base.models import StandardPage
from kronika.comments.views import PENDING_COOKIE, PENDING_DAYS
from kronika.demo.loader import load_pages
from kronika.ratings.views import VOTE_COOKIE
from kronika.testing import KronikaTestCase, publish_article

OWN_PAGES = {
    "/about/": "About us",
    "/contact/": "Contact",
    "/masthead/": "Masthead",
    "/privacy/": "Privacy",
}


class DemoPagesTests(KronikaTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.article = publish_article(cls.news, "Harbour reopens")
        cls.first_load = load_pages(cls.home)
        cls.second_load = load_pages(cls.home)

    def footer_links(self, url: str) -> dict[str, str]:
        soup = BeautifulSoup(self.client.get(url).content, "html.parser")
        return {a["href"]: a.get_text(strip=True) for a in soup.select(".site-footer a")}

    def test_it_makes_the_four_pages_once(self):
        self.assertEqual((self.first_load, self.second_load), (4, 0))
        pages = StandardPage.objects.child_of(self.home).live()
        self.assertEqual([page.url for page in pages.in_menu().order_by("path")], list(OWN_PAGES))

    def test_every_footer_links_them_by_their_menu_titles(self):
        for url in ("/", "/news/", self.article.url, "/about/", "/no-such-page/"):
            with self.subTest(url=url):
                links = self.footer_links(url)
                for address, title in OWN_PAGES.items():
                    self.assertEqual(links.get(address), title)

    def test_each_page_shows_its_title_body_and_when_it_was_last_updated(self):
        for address in OWN_PAGES:
            with self.subTest(address=address):
                response = self.client.get(address)
                self.assertEqual(response.status_code, 200)
                soup = BeautifulSoup(response.content, "html.parser")
                self.assertTrue(soup.select_one("h1.headline").get_text(strip=True))
                self.assertGreaterEqual(len(soup.select(".article-body p")), 2)
                updated = soup.select_one(".page-updated time")
                self.assertTrue(updated["datetime"])
                self.assertTrue(soup.select_one('meta[name="description"]')["content"])

    def test_the_privacy_notice_names_the_cookies_comments_and_ratings_really_set(self):
        text = BeautifulSoup(self.client.get("/privacy/").content, "html.parser").get_text()
        self.assertIn("sets no cookie", text)
        self.assertIn(f"“{PENDING_COOKIE}”", text)
        self.assertIn("expires after seven days", text)
        self.assertEqual(PENDING_DAYS, 7)
        self.assertIn(f"“{VOTE_COOKIE}”", text)
        self.assertIn("expires after a year", text)

    def test_the_contact_page_says_how_to_send_a_tip_safely(self):
        text = BeautifulSoup(self.client.get("/contact/").content, "html.parser").get_text()
        self.assertIn("Sending us a tip safely", text)
        self.assertIn("ask us for a safer way to reach us", text)
