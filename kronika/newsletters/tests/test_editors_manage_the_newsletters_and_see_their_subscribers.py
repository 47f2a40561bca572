from bs4 import BeautifulSoup

from kronika.newsletters.models import Newsletter, Subscriber
from kronika.testing import KronikaTestCase

LISTING = "/admin/snippets/newsletters/newsletter/"


class NewsletterAdminTests(KronikaTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        digest = Newsletter.objects.get(kind=Newsletter.Kind.DIGEST)
        for number in range(3):
            Subscriber.objects.create(email=f"r{number}@example.org").newsletters.add(digest)

    def test_the_listing_shows_each_newsletter_with_its_subscriber_count(self):
        self.client.force_login(self.editor)
        response = self.client.get(LISTING)
        self.assertEqual(response.status_code, 200)
        soup = BeautifulSoup(response.content, "html.parser")
        rows = {
            text.split(" Edit ")[0]: text
            for text in (row.get_text(" ", strip=True) for row in soup.select("tbody tr"))
            if text
        }
        self.assertEqual(set(rows), {"Daily digest", "Breaking news"})
        self.assertTrue(rows["Daily digest"].endswith("English True 3"), rows)
        self.assertTrue(rows["Breaking news"].endswith("English True 0"), rows)

    def test_editors_add_a_newsletter_for_a_section(self):
        self.client.force_login(self.editor)
        response = self.client.post(
            LISTING + "add/",
            {
                "name": "Sport weekly",
                "kind": "section",
                "section": self.sport.pk,
                "language": "en",
                "description": "",
                "offered": "on",
                "order": "3",
            },
        )
        self.assertEqual(response.status_code, 302, response.content[:500])
        self.assertEqual(Newsletter.objects.get(name="Sport weekly").section_id, self.sport.pk)

    def test_a_section_s_newsletter_needs_its_section_and_only_it_has_one(self):
        self.client.force_login(self.editor)
        form = {"name": "Odd", "language": "en", "description": "", "offered": "on", "order": "0"}
        for kind, section in (("section", ""), ("digest", self.sport.pk)):
            with self.subTest(kind=kind):
                response = self.client.post(
                    LISTING + "add/", {**form, "kind": kind, "section": section}
                )
                self.assertEqual(response.status_code, 200)
                self.assertContains(response, "section")
        self.assertFalse(Newsletter.objects.filter(name="Odd").exists())

    def test_reporters_do_not_manage_newsletters(self):
        self.client.force_login(self.reporter)
        self.assertEqual(self.client.get(LISTING).status_code, 302)
