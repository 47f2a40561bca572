from kronika.comments.models import Comment
from kronika.news.models import ArticlePage
from kronika.wordpress.tests.exports import ImportTestCase, comment, export, item


class ImportedTextKeepsItsWordsAndCharactersAsWritten(ImportTestCase):
    def test_inline_markup_joins_words_and_paragraphs_part_them(self):
        self.import_text(
            export(
                item(
                    1,
                    "<em>Break</em>ing: budget &amp; <b>tax</b>",
                    slug="breaking",
                    excerpt="<p>First line.</p><p>Second<br>line.</p>",
                    comments=[comment(1, "<p>Write &amp;lt;b&amp;gt; for bold.</p>")],
                )
            )
        )
        article = ArticlePage.objects.get(locale__language_code="en", slug="breaking")
        self.assertEqual(article.title, "Breaking: budget & tax")
        self.assertEqual(article.standfirst, "First line. Second line.")
        # WordPress encoded the comment once; decoding it twice would turn it into markup.
        self.assertEqual(Comment.objects.get().body, "Write &lt;b&gt; for bold.")
