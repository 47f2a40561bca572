from django.contrib.auth import get_user_model

from kronika.news.models import ArticlePage, Author
from kronika.wordpress.tests.exports import ImportTestCase, export, item

CO_AUTHOR = '<category domain="author" nicename="cap-guest"><![CDATA[guest]]></category>'


class AuthorsBecomeBylinesAndOptionallyStaffAccounts(ImportTestCase):
    def story(self):
        text = export(item(1, "Story"))
        return text.replace("</item>", f"{CO_AUTHOR}</item>")

    def test_authors_become_author_snippets_in_the_byline(self):
        self.import_text(self.story())
        article = ArticlePage.objects.get(title="Story")
        self.assertEqual([author.name for author in article.authors], ["News Desk", "guest"])
        self.assertEqual(Author.objects.get(slug="newsdesk").name, "News Desk")
        self.assertFalse(get_user_model().objects.filter(username="newsdesk").exists())
        self.assertContains(self.client.get(article.url), "News Desk")

    def test_staff_accounts_have_no_usable_password(self):
        self.import_text(self.story(), staff_accounts=True)
        user = get_user_model().objects.get(username="newsdesk")
        self.assertTrue(user.is_staff)
        self.assertFalse(user.has_usable_password())
        self.assertEqual(user.email, "desk@example.org")
        self.assertEqual(Author.objects.get(slug="newsdesk").user, user)
