from kronika.news.models import ArticlePage, SectionPage
from kronika.wordpress.tests.exports import ImportTestCase, category, export, item


class NestedCategoriesBecomeNestedSections(ImportTestCase):
    def setUp(self):
        super().setUp()
        self.report = self.import_text(
            export(
                item(1, "Derby result", categories=["football", "sport"]),
                item(2, "No category", categories=()),
                header=(
                    # A child may come before its parent in the export.
                    category("football", "Football", "sport")
                    + category("sport", "Sport")
                    + category("search", "Search")
                    + category("world", "World & Region")
                ),
            )
        )

    def test_the_hierarchy_is_kept_and_an_existing_section_is_reused(self):
        football = SectionPage.objects.get(locale__language_code="en", slug="football")
        self.assertEqual(football.get_parent().specific, self.sport)
        self.assertEqual(football.url, "/sport/football/")
        self.assertEqual(SectionPage.objects.filter(slug="sport").count(), 1)
        self.assertEqual(
            SectionPage.objects.get(locale__language_code="en", slug="world").title,
            "World & Region",
        )

    def test_a_post_is_filed_in_its_first_category_and_the_rest_become_tags(self):
        article = ArticlePage.objects.get(title="Derby result")
        self.assertEqual(article.section.slug, "football")
        self.assertIn("Sport", [tag.name for tag in article.tags.all()])
        listed = {(entry["title"], entry["what"]) for entry in self.report.incomplete}
        self.assertIn(("Derby result", "categories"), listed)

    def test_a_post_without_a_category_goes_to_uncategorized(self):
        article = ArticlePage.objects.get(title="No category")
        self.assertEqual(article.section.slug, "uncategorized")

    def test_a_category_named_like_a_site_address_gets_another_address(self):
        self.assertTrue(SectionPage.objects.filter(slug="search-section").exists())
        self.assertEqual(self.client.get("/search/").status_code, 200)
