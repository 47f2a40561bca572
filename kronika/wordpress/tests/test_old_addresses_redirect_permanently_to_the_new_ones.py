from kronika.base.models import StandardPage
from kronika.news.models import ArticlePage, SectionPage
from kronika.wordpress.tests.exports import ImportTestCase, category, export, item


class OldAddressesRedirectPermanentlyToTheNewOnes(ImportTestCase):
    def setUp(self):
        super().setUp()
        self.import_text(
            export(
                item(7, "Budget vote", categories=["politics"], tags=["budget"]),
                item(8, "About us", kind="page", link="https://paper.example.org/about-us/",
                     slug="about-us", categories=()),
                item(9, "Imprint", kind="page", slug="imprint", categories=(),
                     link="https://paper.example.org/?page_id=9"),
                item(10, "Unfinished", status="draft"),
                header=category("news", "News") + category("politics", "Politics", "news"),
            )
        )  # fmt: skip
        self.article = ArticlePage.objects.get(title="Budget vote")

    def assertRedirects301(self, old: str, new: str):
        response = self.client.get(old)
        self.assertEqual(response.status_code, 301, old)
        self.assertEqual(response["Location"], new, old)
        self.assertEqual(self.client.get(new).status_code, 200, new)

    def test_a_posts_dated_address_and_its_id_address_redirect_to_it(self):
        self.assertEqual(self.article.url, "/news/politics/budget-vote/")
        self.assertRedirects301("/2017/05/18/budget-vote/", self.article.url)
        self.assertRedirects301("/?p=7", self.article.url)
        self.assertRedirects301("/?utm_source=social&p=7&fbclid=x1", self.article.url)

    def test_pages_redirect_from_their_address_and_id(self):
        about = StandardPage.objects.get(title="About us")
        # The same address on both sites needs no redirect.
        self.assertEqual(about.url, "/about-us/")
        self.assertEqual(self.client.get("/about-us/").status_code, 200)
        self.assertRedirects301("/?page_id=8", about.url)
        self.assertRedirects301("/?page_id=9", StandardPage.objects.get(title="Imprint").url)

    def test_category_archives_redirect_to_their_sections(self):
        politics = SectionPage.objects.get(locale__language_code="en", slug="politics")
        self.assertRedirects301("/category/news/politics/", politics.url)
        self.assertRedirects301(
            "/category/news/", SectionPage.objects.get(locale__language_code="en", slug="news").url
        )

    def test_tag_archives_redirect_to_tag_pages(self):
        self.assertRedirects301("/tag/budget/", "/tags/budget/")
        self.assertRedirects301("/?tag=budget", "/tags/budget/")

    def test_drafts_get_no_redirect_and_unknown_ids_show_the_home_page(self):
        self.assertEqual(self.client.get("/2017/05/18/unfinished/").status_code, 404)
        self.assertEqual(self.client.get("/?p=10").status_code, 200)
        self.assertEqual(self.client.get("/?p=999").status_code, 200)


class AddressesOutOfTheOrdinary(ImportTestCase):
    def test_a_percent_encoded_slug_becomes_a_readable_address_that_old_links_reach(self):
        encoded = "%d0%bf%d1%80%d0%b8%d0%b2%d0%b5%d1%82"  # "привет", as WordPress stores it
        self.import_text(
            export(item(1, "Привет", slug=encoded, link=f"https://paper.example.org/{encoded}/"))
        )
        article = ArticlePage.objects.get(title="Привет")
        self.assertEqual(article.slug, "привет")
        response = self.client.get(f"/{encoded}/")
        self.assertEqual(response.status_code, 301)
        self.assertEqual(self.client.get(response["Location"]).status_code, 200)

    def test_an_address_too_long_to_redirect_is_reported_and_the_post_imported(self):
        long = "x" * 300
        report = self.import_text(
            export(item(1, "Long", link=f"https://paper.example.org/2017/{long}/"))
        )
        self.assertTrue(ArticlePage.objects.filter(title="Long").exists())
        self.assertIn(("redirect", "address"), [(e["kind"], e["what"]) for e in report.incomplete])
