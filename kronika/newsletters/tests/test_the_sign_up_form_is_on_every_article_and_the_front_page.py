from bs4 import BeautifulSoup

from kronika.newsletters.models import Newsletter
from kronika.newsletters.tests.support import NewsletterTestCase
from kronika.testing import publish_article, translate


class SignupFormOnPagesTests(NewsletterTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.article = publish_article(cls.news, "Ports reopen")
        translate(cls.home, "lt")
        cls.lithuanian = translate(cls.article, "lt", title="Uostai vėl atidaryti")

    def form_on(self, url):
        response = self.client.get(url)
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.cookies, {})
        return BeautifulSoup(response.content, "html.parser").select_one(".newsletter-signup form")

    def test_the_article_and_the_front_page_offer_the_newsletters_in_a_plain_form(self):
        for url in (self.article.url, "/"):
            with self.subTest(url=url):
                form = self.form_on(url)
                self.assertEqual(
                    (form["method"], form["action"]), ("post", "/newsletter/subscribe/")
                )
                self.assertEqual(
                    [box["value"] for box in form.select("input[name=newsletters]")],
                    [str(self.digest.pk), str(self.breaking.pk)],
                )
                self.assertIsNotNone(form.select_one("input[type=email][name=email][required]"))
                self.assertIsNotNone(form.select_one(".trap input[name=website]"))

    def test_the_article_s_form_comes_after_its_body_and_before_previous_and_next(self):
        html = self.client.get(self.article.url).content.decode()
        self.assertLess(html.index('class="article-body'), html.index("newsletter-signup"))
        ids = [tag["id"] for tag in BeautifulSoup(html, "html.parser").select("[id]")]
        self.assertEqual(len(ids), len(set(ids)), "an id is used twice on the article page")

    def test_a_language_without_newsletters_shows_no_form_until_one_is_added(self):
        self.assertIsNone(self.form_on(self.lithuanian.url))
        # The page is now in the page cache: adding a newsletter must reach it.
        self.assertEqual(self.client.get(self.lithuanian.url)["X-Kronika-Cache"], "hit")
        dienos = Newsletter.objects.create(name="Dienos naujienos", kind="digest", language="lt")
        form = self.form_on(self.lithuanian.url)
        self.assertEqual(form["action"], "/lt/newsletter/subscribe/")
        self.assertEqual(
            [box["value"] for box in form.select("input[name=newsletters]")], [str(dienos.pk)]
        )

    def test_a_newsletter_no_longer_offered_leaves_the_form(self):
        self.form_on("/")
        self.breaking.offered = False
        self.breaking.save()
        values = [box["value"] for box in self.form_on("/").select("input[name=newsletters]")]
        self.assertEqual(values, [str(self.digest.pk)])
