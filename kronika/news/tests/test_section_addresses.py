from django.urls import reverse
from wagtail.test.utils.form_data import nested_form_data

from kronika.news.models import SectionPage
from kronika.testing import KronikaTestCase


class SectionAddressTests(KronikaTestCase):
    def submit_section(self, slug, parent):
        self.client.force_login(self.editor)
        url = reverse("wagtailadmin_pages:add", args=("news", "sectionpage", parent.pk))
        data = nested_form_data(
            {"title": slug.title(), "slug": slug, "intro": "", "action-publish": "1"}
        )
        return self.client.post(url, data)

    def test_a_top_level_section_cannot_take_an_address_the_site_uses(self):
        for slug in ("tags", "authors", "admin", "search"):
            with self.subTest(slug=slug):
                response = self.submit_section(slug, self.home)
                self.assertEqual(response.status_code, 200)
                self.assertContains(response, "is an address the site itself uses")
                self.assertFalse(SectionPage.objects.filter(slug=slug).exists())

    def test_a_subsection_may_use_such_a_word(self):
        self.submit_section("search", self.news)
        self.assertTrue(SectionPage.objects.child_of(self.news).filter(slug="search").exists())

    def test_editors_can_add_a_section_that_lists_its_articles(self):
        self.submit_section("culture", self.home)
        self.assertEqual(self.client.get("/culture/").status_code, 200)
