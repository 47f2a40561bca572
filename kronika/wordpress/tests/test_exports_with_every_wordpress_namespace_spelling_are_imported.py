"""WordPress wrote its namespaces as http://wordpress.org/export/1.0/, 1.1/ and 1.2/
(each with an excerpt/ twin); WordPress.com writes them with https://. All are read."""

import re
import tempfile
from dataclasses import dataclass

from kronika.comments.models import Comment
from kronika.news.models import ArticlePage, SectionPage
from kronika.testing_over_http import run_kronika
from kronika.wordpress.tests.exports import FIXTURES, ImportTestCase, run_import_command

WORDPRESS_NAMESPACE = re.compile(r"https?://wordpress\.org/export/")
NOT_AN_EXPORT = "not a WordPress export"


def respelled(fixture: str, scheme: str) -> str:
    """The fixture with WordPress's namespaces written with `scheme`, and nothing else changed."""
    text = (FIXTURES / fixture).read_text(encoding="utf-8")
    return WORDPRESS_NAMESPACE.sub(f"{scheme}://wordpress.org/export/", text)


@dataclass
class Export:
    """A fixture export and what its one post, category and comment become."""

    fixture: str
    version: str
    slug: str
    standfirst: str
    section: str
    comment: str


WORDPRESS_3_0 = Export(
    "wxr-1.0-wordpress-3.0.xml", "1.0", "ferry-timetable-summer",
    "The morning ferry leaves earlier from Monday.", "Harbour", "Finally, an earlier boat.",
)  # fmt: skip
WORDPRESS_3_1 = Export(
    "wxr-1.1-wordpress-3.1.xml", "1.1", "fish-market-customs-house",
    "The stalls open in the customs house on Saturday.", "Markets",
    "More room for the smokehouse stall.",
)  # fmt: skip
WORDPRESS_COM = Export(
    "wxr-1.2-wordpress-com.xml", "1.2", "storm-closes-harbour",
    "No boats leave or enter until Tuesday.", "Weather", "Stay safe, everyone at the quay.",
)  # fmt: skip


class ExportsWithEveryWordPressNamespaceSpellingAreImported(ImportTestCase):
    def assertImported(self, export: Export, scheme: str):
        text = respelled(export.fixture, scheme)
        # The export really is in the spelling under test, for both of WordPress's namespaces.
        namespace = f"{scheme}://wordpress.org/export/{export.version}/"
        self.assertIn(f'xmlns:wp="{namespace}"', text)
        self.assertIn(f'xmlns:excerpt="{namespace}excerpt/"', text)
        self.assertIn(f"<wp:wxr_version>{export.version}</wp:wxr_version>", text)

        output = run_import_command(self.write(text))

        self.assertRegex(output, r"post +1 imported")
        article = ArticlePage.objects.get(locale__language_code="en", slug=export.slug)
        self.assertTrue(article.live)
        self.assertEqual(article.standfirst, export.standfirst)
        section = SectionPage.objects.get(title=export.section)
        self.assertEqual(article.get_parent().specific, section)
        imported = Comment.objects.get(article=article)
        self.assertEqual(
            (imported.body, imported.status), (export.comment, Comment.Status.APPROVED)
        )

    def test_wxr_1_0_with_http_namespaces_as_wordpress_3_0_wrote_it(self):
        self.assertImported(WORDPRESS_3_0, "http")

    def test_wxr_1_0_with_https_namespaces(self):
        self.assertImported(WORDPRESS_3_0, "https")

    def test_wxr_1_1_with_http_namespaces_as_wordpress_3_1_wrote_it(self):
        self.assertImported(WORDPRESS_3_1, "http")

    def test_wxr_1_1_with_https_namespaces(self):
        self.assertImported(WORDPRESS_3_1, "https")

    def test_wxr_1_2_with_http_namespaces_as_self_hosted_wordpress_writes_it(self):
        self.assertImported(WORDPRESS_COM, "http")

    def test_wxr_1_2_with_https_namespaces_as_wordpress_com_writes_it(self):
        self.assertImported(WORDPRESS_COM, "https")


class FeedsThatOnlyLookLikeExportsAreStillRefused(ImportTestCase):
    def assertRefusedInOneLine(self, text: str, *phrases: str):
        path = self.write(text)
        with tempfile.TemporaryDirectory() as data:
            result = run_kronika("import_wordpress", str(path), KRONIKA_DATA_DIR=data)
        self.assertNotEqual(result.returncode, 0)
        self.assertEqual(len(result.stderr.strip().splitlines()), 1, result.stderr)
        for phrase in (NOT_AN_EXPORT, *phrases):
            self.assertIn(phrase, result.stderr)
        self.assertNotIn("Traceback", result.stderr)

    def test_an_ordinary_rss_feed_is_refused(self):
        self.assertRefusedInOneLine(
            '<?xml version="1.0"?><rss version="2.0"><channel><title>Feed</title>'
            "<item><title>A</title></item></channel></rss>"
        )

    def test_wordpress_s_element_names_in_another_namespace_are_refused(self):
        # Only wordpress.org's own export namespaces make the wp: elements WordPress's.
        for namespace in (
            "https://wordpress.org.example.net/export/1.2/",
            "https://example.net/wordpress.org/export/1.2/",
            "http://wordpress.org/export/1.2",
            "http://wordpress.org/export/latest/",
        ):
            with self.subTest(namespace):
                text = respelled("wxr-1.2-wordpress-com.xml", "https").replace(
                    "https://wordpress.org/export/1.2/", namespace
                )
                self.assertRefusedInOneLine(text, f"its wp: namespace '{namespace}'")
