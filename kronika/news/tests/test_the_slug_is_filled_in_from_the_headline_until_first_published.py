from django.urls import reverse

from kronika.testing import KronikaTestCase, draft_article, publish_article

SYNC = 'data-w-sync-target-value="#id_slug"'
APPLY = "keyup-&gt;w-sync#apply"


class SlugFromHeadlineTests(KronikaTestCase):
    """The headline's field fills in the slug while the page has never been out."""

    def title_input(self, url):
        self.client.force_login(self.editor)
        page = self.client.get(url).content.decode()
        start = page.index('id="id_title"')
        return page[page.rindex("<input", 0, start) : page.index(">", start)]

    def edit(self, page):
        return reverse("wagtailadmin_pages:edit", args=(page.pk,))

    def test_a_new_article_section_and_standard_page_fill_in_their_slug(self):
        for app, model, parent in (
            ("news", "articlepage", self.news),
            ("news", "sectionpage", self.home),
            ("base", "standardpage", self.home),
        ):
            with self.subTest(model):
                field = self.title_input(
                    reverse("wagtailadmin_pages:add", args=(app, model, parent.pk))
                )
                self.assertIn(SYNC, field)
                self.assertIn(APPLY, field)

    def test_a_draft_never_published_still_fills_in_its_slug(self):
        self.assertIn(APPLY, self.title_input(self.edit(draft_article(self.news, "Draft"))))

    def test_a_page_once_published_keeps_its_slug_even_when_unpublished(self):
        article = publish_article(self.news, "Out once")
        self.assertNotIn(APPLY, self.title_input(self.edit(article)))
        article.unpublish()
        self.assertNotIn(APPLY, self.title_input(self.edit(article)))

    def test_the_headline_and_slug_say_what_they_are_for_in_a_newsroom(self):
        self.client.force_login(self.editor)
        url = reverse("wagtailadmin_pages:add", args=("news", "articlepage", self.news.pk))
        page = self.client.get(url).content.decode()
        self.assertIn("Search engines show about 60 characters", page)
        self.assertIn("filled in from the headline until it is first published", page)
        self.assertNotIn("The page title as you&#x27;d like it to be seen by the public", page)
