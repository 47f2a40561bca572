"""A link to any reader page previews with a title and a large picture.

The front page is shared under the paper's name (not "Home", its page title),
and every other page under the title its <title> shows. A page without a
picture of its own (the front page, a section, a tag, an author, a standard
page, an article without a hero) shows the share picture chosen in the paper
settings, or else the paper's generated mark: always at an absolute address on
the paper's own host, with its size and a text alternative.
"""

from bs4 import BeautifulSoup

from kronika.base import share_image
from kronika.base.models import StandardPage
from kronika.testing import KronikaTestCase, make_image, paper_settings, publish_article

PAPER = "The Baltic Kronika"


class ShareMetadataTests(KronikaTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        paper_settings(name=PAPER, tagline="News from the coast")
        cls.plain = publish_article(cls.news, "Ports reopen", tags=["ports"], authors=[cls.alice])
        cls.pictured = publish_article(
            cls.news, "Rails return", hero_image=make_image("Rails", size=(2000, 1125))
        )
        cls.about = StandardPage(title="About us", slug="about")
        cls.home.add_child(instance=cls.about)
        cls.about.save_revision().publish()
        # Each page without a picture of its own, with the title its preview should carry.
        cls.unpictured = {
            "/": PAPER,
            "/news/": "News",
            "/tags/ports/": "Articles tagged “ports”",
            "/authors/alice/": "Alice Adamkienė",
            "/about/": "About us",
            cls.plain.url: "Ports reopen",
        }

    def shared(self, path: str) -> tuple[BeautifulSoup, dict[str, str]]:
        response = self.client.get(path)
        self.assertEqual(response.status_code, 200, path)
        soup = BeautifulSoup(response.content, "html.parser")
        meta = {}
        for tag in soup.select("meta[property], meta[name]"):
            key = tag.get("property") or tag.get("name")
            # OpenGraph names each other language the page is in with a tag of its own.
            if key == "og:locale:alternate":
                continue
            self.assertNotIn(key, meta, f"{path}: {key} twice")
            meta[key] = tag["content"]
        return soup, meta

    def assert_shared_picture(self, path: str, meta: dict[str, str], address: str, alt: str):
        """The preview's picture: at `address` on this host, 1200 by 630, described by `alt`."""
        self.assertEqual(meta["og:image"], f"http://testserver{address}", path)
        self.assertEqual(meta["twitter:image"], meta["og:image"], path)
        self.assertEqual(meta["twitter:card"], "summary_large_image", path)
        self.assertEqual((meta["og:image:width"], meta["og:image:height"]), ("1200", "630"))
        self.assertEqual(meta["og:image:alt"], alt, path)

    def test_the_front_page_is_shared_under_the_papers_name(self):
        _, meta = self.shared("/")
        self.assertEqual(meta["og:title"], PAPER)
        self.assertEqual(meta["twitter:title"], PAPER)

    def test_every_page_is_shared_under_the_title_it_shows(self):
        for path, title in self.unpictured.items():
            with self.subTest(path=path):
                soup, meta = self.shared(path)
                self.assertEqual((meta["og:title"], meta["twitter:title"]), (title, title))
                if path != "/":  # the front page's <title> is the tagline
                    self.assertEqual(soup.title.string, f"{title} | {PAPER}")

    def test_a_page_without_a_picture_shares_the_papers_generated_mark(self):
        paper = paper_settings()
        for path in self.unpictured:
            with self.subTest(path=path):
                _, meta = self.shared(path)
                self.assert_shared_picture(path, meta, share_image.url(paper), PAPER)

    def test_the_share_picture_from_the_paper_settings_stands_in_for_a_missing_one(self):
        picture = make_image("Harbour at dusk", size=(2400, 1260))
        paper_settings(share_image=picture)
        rendition = picture.get_rendition("fill-1200x630")
        for path in self.unpictured:
            with self.subTest(path=path):
                _, meta = self.shared(path)
                self.assert_shared_picture(path, meta, rendition.url, picture.alt_text)

    def test_a_page_with_its_own_picture_keeps_it(self):
        paper_settings(share_image=make_image("Harbour at dusk", size=(2400, 1260)))
        _, meta = self.shared(self.pictured.url)
        hero = self.pictured.hero_image
        address = hero.get_rendition("fill-1200x630").url
        self.assert_shared_picture(self.pictured.url, meta, address, "Alt text for Rails")
