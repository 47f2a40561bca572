"""A tag stored with an empty slug, before new tags got a fallback, is given an address.

Such a tag cannot be linked (no URL holds an empty slug), so its articles'
pages and the tag sitemap failed. Nothing in Kronika saves a tag again once it
exists, so a repair on save alone would never reach these rows: a data
migration gives each one a free fallback slug.
"""

from importlib import import_module

from django.apps import apps
from taggit.models import Tag

from kronika.testing import KronikaTestCase, publish_article, without_page_cache

MIGRATION = "kronika.news.migrations.0010_tags_with_an_empty_slug_get_an_address"


@without_page_cache()
class EmptyTagSlugRepairTests(KronikaTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.article = publish_article(cls.news, "Tagged long ago", tags=["—", "Tag", "harbour"])
        # As stored before tags got a fallback slug, with the fallback itself taken.
        Tag.objects.filter(name="—").update(slug="")
        Tag.objects.filter(name="Tag").update(slug="tag")

    def run_migration(self):
        import_module(MIGRATION).give_empty_tag_slugs_an_address(apps, None)

    def test_the_migration_gives_the_tag_a_free_address_and_its_pages_answer(self):
        self.run_migration()

        tag = Tag.objects.get(name="—")
        self.assertEqual(tag.slug, "tag-2")
        self.assertEqual(self.client.get(self.article.url).status_code, 200)
        self.assertEqual(self.client.get(f"/tags/{tag.slug}/").status_code, 200)

    def test_the_migration_leaves_every_other_tag_as_it_was(self):
        before = dict(Tag.objects.exclude(slug="").values_list("pk", "slug"))
        self.run_migration()
        after = dict(Tag.objects.filter(pk__in=before).values_list("pk", "slug"))
        self.assertEqual(after, before)

    def test_saving_the_tag_again_gives_it_a_free_address_too(self):
        tag = Tag.objects.get(name="—")
        tag.save()
        self.assertEqual(Tag.objects.get(pk=tag.pk).slug, "tag-2")
