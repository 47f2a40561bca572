"""Index entries follow the order in which articles were first published.

The search tiers look among the most recently added entries first and take
their order for the order of publication (kronika.search.publication_order).
A draft begun before other articles were published, and published after
them, must come first: the search once left it out when a tier filled from
the newer entries.
"""

from unittest import mock, skipUnless

from bs4 import BeautifulSoup
from wagtail.search.models import IndexEntry

from kronika.search import fts
from kronika.testing import KronikaTestCase, body, build_article, publish_article


def entry_id(article) -> int:
    return IndexEntry.objects.get(content_type__model="articlepage", object_id=str(article.pk)).pk


class DraftAndThreeArticles(KronikaTestCase):
    """A draft begun first, then three articles published."""

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.draft = build_article(cls.news, "Ferry draft", body=body("Ferry."), live=False)
        cls.news.add_child(instance=cls.draft)
        cls.draft.save_revision()
        cls.published = [
            publish_article(cls.news, f"Ferry story {number}", body=body("Ferry."))
            for number in range(1, 4)
        ]


class EntryOrderTests(DraftAndThreeArticles):
    def test_a_draft_has_an_entry_before_the_articles_published_since(self):
        self.assertLess(entry_id(self.draft), entry_id(self.published[0]))

    def test_on_first_publication_its_entry_comes_after_every_other(self):
        self.draft.refresh_from_db()
        self.draft.save_revision().publish()
        newest = max(IndexEntry.objects.values_list("pk", flat=True))
        self.assertEqual(entry_id(self.draft), newest)

    def test_publishing_again_leaves_the_entry_in_its_place(self):
        first = self.published[0]
        before = entry_id(first)
        first.save_revision().publish()
        self.assertEqual(entry_id(first), before)

    def test_an_entry_made_anew_is_found_by_search(self):
        self.draft.refresh_from_db()
        self.draft.save_revision().publish()
        self.assertContains(self.client.get("/search/", {"q": "ferry"}), "Ferry draft")


@skipUnless(fts.available(), "the candidate steps are SQLite's")
@mock.patch.multiple(fts, PER_TIER=1, FIRST_CANDIDATES=1, CANDIDATES=2)
class NewestFirstTests(DraftAndThreeArticles):
    def test_a_draft_published_last_is_found_first(self):
        self.draft.refresh_from_db()
        self.draft.save_revision().publish()
        response = self.client.get("/search/", {"q": "ferry"})
        soup = BeautifulSoup(response.content, "html.parser")
        titles = [a.get_text() for a in soup.select(".search-results .teaser-title a")]
        self.assertEqual(titles[0], "Ferry draft")
