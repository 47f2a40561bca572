"""`import_wordpress --language lt` imports the posts as Lithuanian articles (issue 23).

They land in the Lithuanian edition, at /lt/ addresses, listed on the
Lithuanian front page and nowhere in English; the Lithuanian home page is
made from the English one when the paper has none yet. A language the paper
does not have is refused with one line, and nothing is written.
"""

from django.core.management.base import CommandError

from kronika.news.models import ArticlePage, HomePage
from kronika.wordpress.tests.exports import (
    ImportTestCase,
    category,
    export,
    item,
    row_counts,
    run_import_command,
)

EXPORT = export(
    item(1, "Vilniaus tiltas atidarytas", categories=["naujienos"]),
    header=category("naujienos", "Naujienos"),
)


class ImportIntoALanguageTests(ImportTestCase):
    def test_the_posts_become_articles_of_that_language_under_its_prefix(self):
        run_import_command(self.write(EXPORT), "--language", "lt")
        article = ArticlePage.objects.get(title="Vilniaus tiltas atidarytas")
        self.assertEqual(article.locale.language_code, "lt")
        self.assertTrue(article.url.startswith("/lt/"), article.url)
        self.assertEqual(self.client.get(article.url).status_code, 200)
        self.assertIn("Vilniaus tiltas atidarytas", self.client.get("/lt/").content.decode())
        self.assertNotIn("Vilniaus tiltas", self.client.get("/").content.decode())

    def test_the_language_s_home_page_is_made_from_the_first_language_s(self):
        run_import_command(self.write(EXPORT), "--language", "lt")
        home = HomePage.objects.get(locale__language_code="lt")
        self.assertTrue(home.live)
        self.assertEqual(home.translation_key, self.home.translation_key)

    def test_without_the_option_the_posts_are_in_the_first_language(self):
        run_import_command(self.write(EXPORT))
        article = ArticlePage.objects.get(title="Vilniaus tiltas atidarytas")
        self.assertEqual(article.locale.language_code, "en")

    def test_a_language_the_paper_does_not_have_is_refused_and_nothing_is_written(self):
        before = row_counts()
        with self.assertRaisesMessage(CommandError, "'de' is not one of the paper's languages"):
            run_import_command(self.write(EXPORT), "--language", "de")
        self.assertEqual(row_counts(), before)
