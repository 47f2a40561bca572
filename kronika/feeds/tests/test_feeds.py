import json
from datetime import timedelta

import feedparser
from bs4 import BeautifulSoup
from django.utils import timezone
from django.utils.http import http_date

from kronika.feeds.models import FeedSettings
from kronika.news.models import ArticlePage
from kronika.testing import (
    KronikaTestCase,
    body,
    draft_article,
    make_image,
    publish_article,
    site_settings,
    without_page_cache,
)

FEEDS = ["/feeds/rss/", "/feeds/atom/"]
OLDEST = "/news/oldest-story/"


class FeedTests(KronikaTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.picture = make_image("Quay at night")
        cls.oldest = publish_article(
            cls.news, "Oldest story", when=cls.days_ago(3), tags=["ports"], authors=[cls.alice]
        )
        cls.middle = publish_article(
            cls.sport, "Middle story", when=cls.days_ago(2), tags=["ports", "derby"],
            authors=[cls.alice, cls.bob], hero_image=cls.picture,
            body=json.dumps([
                {"type": "paragraph", "value": f'<p>See <a href="{OLDEST}">this</a>.</p>'},
                {"type": "image", "value": {"image": cls.picture.pk, "caption": "The quay"}},
            ]),
        )  # fmt: skip
        cls.newest = publish_article(cls.news, "Newest story", when=cls.days_ago(1))
        draft_article(cls.news, "Draft story", tags=["ports"])
        publish_article(cls.news, "Future story", when=timezone.now() + timedelta(days=1))
        expired = publish_article(cls.news, "Expired story", when=cls.days_ago(4))
        ArticlePage.objects.filter(pk=expired.pk).update(expire_at=cls.days_ago(0.5))

    def parse(self, url):
        response = self.client.get(url)
        self.assertEqual(response.status_code, 200, url)
        feed = feedparser.parse(response.content)
        self.assertFalse(feed.bozo, f"{url}: {feed.get('bozo_exception')}")
        return feed

    def titles(self, url):
        return [entry.title for entry in self.parse(url).entries]

    def test_the_paper_feeds_list_live_articles_newest_first(self):
        for url in FEEDS:
            with self.subTest(url=url):
                self.assertEqual(self.parse(url).feed.language, "en")
                self.assertEqual(
                    self.titles(url), ["Newest story", "Middle story", "Oldest story"]
                )

    def test_section_tag_and_author_feeds_list_only_their_articles(self):
        expected = {
            "/feeds/sections/news/": ["Newest story", "Oldest story"],
            "/feeds/sections/sport/": ["Middle story"],
            "/feeds/tags/ports/": ["Middle story", "Oldest story"],
            "/feeds/authors/bob/": ["Middle story"],
            "/feeds/authors/alice/": ["Middle story", "Oldest story"],
        }
        for base, titles in expected.items():
            for kind in ("rss/", "atom/"):
                with self.subTest(url=base + kind):
                    self.assertEqual(self.titles(base + kind), titles)

    def test_unknown_sections_tags_and_authors_are_404(self):
        for url in (
            "/feeds/sections/nope/rss/",
            "/feeds/tags/nope/atom/",
            "/feeds/authors/x/rss/",
        ):
            self.assertEqual(self.client.get(url).status_code, 404)

    def test_an_entry_carries_everything_a_news_reader_needs(self):
        for url in FEEDS:
            with self.subTest(url=url):
                entry = self.parse(url).entries[1]
                self.assertEqual(entry.link, f"http://testserver{self.middle.url}")
                self.assertEqual(entry.summary, "The standfirst of Middle story.")
                self.assertEqual(
                    [a.name for a in entry.authors], ["Alice Adamkienė", "Bob Bērziņš"]
                )
                self.assertEqual({t.term for t in entry.tags}, {"Sport", "ports", "derby"})
                self.assertIsNotNone(entry.published_parsed)
                self.assertIsNotNone(entry.updated_parsed)
                html = entry.content[0].value
                self.assertIn('href="http://testserver/news/oldest-story/"', html)
                self.assertIn('src="http://testserver/media/', html)
                enclosure = next(link for link in entry.links if link.rel == "enclosure")
                self.assertEqual(enclosure.type, "image/jpeg")
                self.assertGreater(int(enclosure.length), 1000)
                self.assertTrue(enclosure.href.startswith("http://testserver/media/"))

    def test_a_guid_does_not_change_when_the_article_is_edited(self):
        before = {url: self.parse(url).entries[0].id for url in FEEDS}
        article = ArticlePage.objects.get(pk=self.newest.pk)
        article.title, article.slug = "Renamed story", "renamed-story"
        article.save_revision().publish()
        for url in FEEDS:
            entry = self.parse(url).entries[0]
            self.assertEqual(entry.title, "Renamed story")
            self.assertEqual(entry.id, before[url])

    def test_full_text_can_be_switched_off(self):
        site_settings(FeedSettings, full_text=False)
        for url in FEEDS:
            self.assertNotIn("content", self.parse(url).entries[1])
        self.assertNotIn("content_html", self.client.get("/feeds/feed.json").json()["items"][0])

    def test_feeds_answer_conditional_gets(self):
        for url in [*FEEDS, "/feeds/feed.json", "/feeds/sections/news/rss/"]:
            with self.subTest(url=url):
                first = self.client.get(url)
                self.assertTrue(first.has_header("ETag"))
                self.assertTrue(first.has_header("Last-Modified"))
                again = self.client.get(url, HTTP_IF_NONE_MATCH=first["ETag"])
                self.assertEqual(again.status_code, 304)
                since = self.client.get(url, HTTP_IF_MODIFIED_SINCE=first["Last-Modified"])
                self.assertEqual(since.status_code, 304)
                stale = http_date((timezone.now() - timedelta(days=30)).timestamp())
                self.assertEqual(
                    self.client.get(url, HTTP_IF_MODIFIED_SINCE=stale).status_code, 200
                )

    def test_the_json_feed_follows_version_1_1(self):
        response = self.client.get("/feeds/feed.json")
        self.assertEqual(response["Content-Type"], "application/feed+json")
        feed = response.json()
        self.assertEqual(feed["version"], "https://jsonfeed.org/version/1.1")
        self.assertEqual(
            [item["title"] for item in feed["items"]],
            ["Newest story", "Middle story", "Oldest story"],
        )
        middle = feed["items"][1]
        for key in ("id", "url", "content_html", "summary", "date_published", "date_modified"):
            self.assertIn(key, middle)
        self.assertEqual(len(middle["authors"]), 2)
        self.assertTrue(middle["image"].startswith("http://testserver/media/"))

    def test_html_pages_announce_their_feeds(self):
        pages = {
            "/": "/feeds/rss/",
            "/news/": "/feeds/sections/news/rss/",
            "/tags/ports/": "/feeds/tags/ports/rss/",
            "/authors/alice/": "/feeds/authors/alice/rss/",
            self.newest.url: "/feeds/rss/",
        }
        for url, own in pages.items():
            with self.subTest(url=url):
                soup = BeautifulSoup(self.client.get(url).content, "html.parser")
                # The feeds, not the page in the paper's other languages (hreflang).
                feeds = soup.select("link[rel=alternate][type]")
                links = {link["href"]: link["type"] for link in feeds}
                self.assertEqual(links.get(own), "application/rss+xml")
                self.assertEqual(links.get("/feeds/feed.json"), "application/feed+json")
                self.assertIn("application/atom+xml", links.values())

    @without_page_cache()
    def test_a_feed_needs_a_fixed_number_of_queries(self):
        for n in range(5):
            publish_article(
                self.news,
                f"Extra {n}",
                when=self.days_ago(5),
                tags=[f"t{n}"],
                authors=[self.alice],
                hero_image=self.picture,
                body=body("x"),
            )
        self.client.get("/feeds/rss/")
        with self.assertNumQueries(7):
            self.client.get("/feeds/rss/")
