import json

from bs4 import BeautifulSoup
from pyld import jsonld

from kronika.testing import KronikaTestCase, body, make_image, paper_settings, publish_article

SCHEMA = "http://schema.org/"


def offline_loader(url, options=None):
    """schema.org's context, reduced to what expansion needs; nothing is fetched."""
    if url.rstrip("/") in ("https://schema.org", "http://schema.org"):
        return {
            "contentType": "application/ld+json",
            "contextUrl": None,
            "documentUrl": url,
            "document": {"@context": {"@vocab": SCHEMA}},
        }
    raise jsonld.JsonLdError(f"no network: {url}", "loading document failed")


class MetadataTests(KronikaTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.logo = make_image("Kronika logo", size=(900, 90))
        paper_settings(
            name="The Baltic Kronika",
            logo=cls.logo,
        )
        cls.article = publish_article(
            cls.news,
            "Ports <and> rails",
            tags=["ports", "rail"],
            authors=[cls.alice, cls.bob],
            hero_image=make_image("Harbour", size=(2000, 1125)),
        )

    def soup(self, url):
        return BeautifulSoup(self.client.get(url).content, "html.parser")

    def meta(self, soup):
        tags = {}
        for tag in soup.select("meta[property], meta[name]"):
            key = tag.get("property") or tag.get("name")
            tags.setdefault(key, []).append(tag["content"])
        return tags

    def jsonld(self, soup):
        return [json.loads(s.string) for s in soup.select('script[type="application/ld+json"]')]

    def expand(self, document):
        return jsonld.expand(document, {"documentLoader": offline_loader})

    def test_an_article_has_a_canonical_link_and_opengraph(self):
        soup = self.soup(self.article.url)
        url = f"http://testserver{self.article.url}"
        self.assertEqual(soup.select_one("link[rel=canonical]")["href"], url)
        meta = self.meta(soup)
        self.assertEqual(meta["og:type"], ["article"])
        self.assertEqual(meta["og:title"], ["Ports <and> rails"])
        self.assertEqual(meta["og:url"], [url])
        self.assertEqual(meta["og:site_name"], ["The Baltic Kronika"])
        self.assertEqual(meta["og:description"], ["The standfirst of Ports <and> rails."])
        self.assertGreaterEqual(int(meta["og:image:width"][0]), 1200)
        self.assertTrue(meta["og:image"][0].startswith("http://testserver/media/images/"))
        self.assertEqual(meta["article:section"], ["News"])
        self.assertEqual(meta["article:tag"], ["ports", "rail"])
        self.assertEqual(
            meta["article:published_time"], [self.article.first_published_at.isoformat()]
        )
        self.assertIn("article:modified_time", meta)

    def test_an_article_has_a_large_twitter_card(self):
        meta = self.meta(self.soup(self.article.url))
        self.assertEqual(meta["twitter:card"], ["summary_large_image"])

    def test_the_news_article_json_ld_expands_with_every_field(self):
        documents = self.jsonld(self.soup(self.article.url))
        [article] = self.expand(documents[0])
        self.assertEqual(article["@type"], [f"{SCHEMA}NewsArticle"])

        def value(node, name):
            return node[f"{SCHEMA}{name}"]

        self.assertEqual(value(article, "headline")[0]["@value"], "Ports <and> rails")
        self.assertEqual(len(value(article, "image")), 3)
        self.assertEqual(
            value(article, "datePublished")[0]["@value"],
            self.article.first_published_at.isoformat(),
        )
        self.assertIn(f"{SCHEMA}dateModified", article)
        authors = value(article, "author")
        self.assertEqual(
            [a[f"{SCHEMA}name"][0]["@value"] for a in authors],
            ["Alice Adamkienė", "Bob Bērziņš"],
        )
        self.assertEqual(
            authors[0][f"{SCHEMA}url"][0]["@value"], "http://testserver/authors/alice/"
        )
        publisher = value(article, "publisher")[0]
        self.assertEqual(publisher[f"{SCHEMA}name"][0]["@value"], "The Baltic Kronika")
        logo = publisher[f"{SCHEMA}logo"][0]
        self.assertTrue(logo[f"{SCHEMA}url"][0]["@value"].endswith(".png"))
        self.assertEqual(
            value(article, "mainEntityOfPage")[0]["@id"],
            f"http://testserver{self.article.url}",
        )
        self.assertEqual(value(article, "articleSection")[0]["@value"], "News")
        self.assertEqual(value(article, "inLanguage")[0]["@value"], "en")

    def test_the_image_renditions_are_16_9_4_3_and_1_1(self):
        images = self.jsonld(self.soup(self.article.url))[0]["image"]
        self.assertEqual(
            [image.rsplit(".", 2)[-2] for image in images],
            ["fill-1200x675", "fill-1200x900", "fill-1200x1200"],
        )

    def test_an_article_has_breadcrumbs(self):
        crumbs = self.jsonld(self.soup(self.article.url))[1]
        self.assertEqual(crumbs["@type"], "BreadcrumbList")
        self.assertEqual(
            [item["name"] for item in crumbs["itemListElement"]],
            ["Home", "News", "Ports <and> rails"],
        )
        self.expand(crumbs)

    def test_the_front_page_is_a_website_and_a_section_a_collection(self):
        [website] = self.jsonld(self.soup("/"))
        self.assertEqual(website["@type"], "WebSite")
        self.assertEqual(website["name"], "The Baltic Kronika")
        self.expand(website)
        section = self.jsonld(self.soup("/news/"))
        self.assertEqual([d["@type"] for d in section], ["CollectionPage", "BreadcrumbList"])
        self.assertEqual(self.meta(self.soup("/news/"))["og:type"], ["website"])
        for document in section:
            self.expand(document)

    def test_json_ld_cannot_close_its_script_element(self):
        publish_article(
            self.news, "A </script><script>alert(1)</script> headline", body=body("Plain.")
        )
        soup = self.soup("/news/a-scriptscriptalert1script-headline/")
        [article, _] = self.jsonld(soup)
        self.assertEqual(article["headline"], "A </script><script>alert(1)</script> headline")
        self.assertEqual(soup.find_all("script", string="alert(1)"), [])

    def test_tag_and_author_pages_have_a_canonical_link_and_their_own_title(self):
        meta = self.meta(self.soup("/tags/ports/"))
        self.assertEqual(meta["og:title"], ["Articles tagged “ports”"])
        soup = self.soup("/authors/alice/")
        self.assertEqual(
            soup.select_one("link[rel=canonical]")["href"], "http://testserver/authors/alice/"
        )
