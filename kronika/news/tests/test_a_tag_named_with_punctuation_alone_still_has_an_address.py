"""A tag whose name has no letters or digits ("<>", "!!") still gets an address.

taggit makes a tag's slug from its name, and such a name makes an empty slug,
which no URL can hold: every page linking to the tag failed. Each such tag
needs an address of its own: the same fallback for all of them made the third
one fail on the unique slug, and so did the second once a tag "Tag" existed.
"""

from taggit.models import Tag

from kronika.testing import KronikaTestCase, publish_article, without_page_cache


@without_page_cache()
class PunctuationTagTests(KronikaTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.article = publish_article(cls.news, "Tagged oddly", tags=["<>", "!!", "ports"])

    def test_every_tag_gets_a_slug(self):
        slugs = sorted(Tag.objects.values_list("slug", flat=True))
        self.assertNotIn("", slugs)
        self.assertEqual(len(slugs), 3)

    def test_the_article_its_tag_pages_and_the_sitemaps_answer(self):
        self.assertEqual(self.client.get(self.article.url).status_code, 200)
        for tag in Tag.objects.all():
            with self.subTest(tag=tag.name):
                self.assertEqual(self.client.get(f"/tags/{tag.slug}/").status_code, 200)
        self.assertEqual(self.client.get("/sitemap-tags.xml").status_code, 200)

    def test_many_such_tags_and_a_tag_named_tag_each_get_their_own_address(self):
        article = publish_article(
            self.news, "Tagged oddly again", tags=["Tag", "??", "—", "***", "🔥"]
        )
        slugs = list(Tag.objects.values_list("slug", flat=True))
        self.assertEqual(len(set(slugs)), 8)
        self.assertNotIn("", slugs)
        self.assertEqual(self.client.get(article.url).status_code, 200)
        for tag in Tag.objects.exclude(name="ports"):
            with self.subTest(tag=tag.name):
                self.assertEqual(self.client.get(f"/tags/{tag.slug}/").status_code, 200)
