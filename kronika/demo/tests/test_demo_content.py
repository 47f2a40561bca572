from bs4 import BeautifulSoup
from django.db.models import Count
from django.test import TestCase

from kronika.comments.models import Comment
from kronika.comments.policy import CommentSettings, Policy, comments_open, policy_of
from kronika.demo.loader import load_demo
from kronika.news.models import ArticlePage, Author, RelatedArticle, SectionPage
from kronika.ratings.models import Rating


class DemoContentTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.first_load = load_demo()
        cls.second_load = load_demo()
        cls.articles = list(ArticlePage.objects.published().newest_first())
        site_settings = CommentSettings.for_site(cls.articles[0].get_site())
        cls.open = {article.pk: comments_open(article, site_settings) for article in cls.articles}

    def test_a_second_load_adds_nothing(self):
        self.assertEqual(
            self.second_load,
            {
                "sections": 0,
                "authors": 0,
                "articles": 0,
                "pages": 0,
                "translations": 0,
                "comments": 0,
                "ratings": 0,
            },
        )
        english = ArticlePage.objects.filter(locale__language_code="en")
        self.assertEqual(english.count(), self.first_load["articles"])

    def test_the_home_page_sections_and_four_articles_are_in_lithuanian_and_russian(self):
        # The home page, six sections and four articles, in each of two languages.
        self.assertEqual(self.first_load["translations"], 22)
        for code in ("lt", "ru"):
            with self.subTest(code):
                articles = ArticlePage.objects.published().in_language(code)
                self.assertEqual(articles.count(), 4)
                for article in articles:
                    source = article.get_translations().get(locale__language_code="en")
                    self.assertNotEqual(article.title, source.title)
                    self.assertNotEqual(article.standfirst, source.standfirst)
                    self.assertEqual(len(article.body), len(source.body))

    def test_it_is_a_real_paper_of_several_weeks(self):
        self.assertGreaterEqual(len(self.articles), 40)
        self.assertGreaterEqual(SectionPage.objects.live().count(), 5)
        self.assertGreaterEqual(
            Author.objects.filter(article_links__isnull=False).distinct().count(), 6
        )
        span = self.articles[0].first_published_at - self.articles[-1].first_published_at
        self.assertGreaterEqual(span.days, 21)

    def test_every_section_has_articles(self):
        # In English: the Lithuanian and Russian editions hold four articles each.
        for section in SectionPage.objects.live().filter(locale__language_code="en"):
            with self.subTest(section=section.title):
                self.assertGreaterEqual(
                    ArticlePage.objects.published().in_section(section).count(), 4
                )

    def test_some_articles_are_open_for_comments_and_some_closed(self):
        self.assertEqual(set(self.open.values()), {True, False})
        self.assertTrue(any(policy_of(a) == Policy.CLOSED for a in self.articles))

    def test_several_articles_have_approved_threaded_comments(self):
        approved = Comment.objects.approved()
        self.assertGreaterEqual(approved.values("article").distinct().count(), 5)
        replies = approved.filter(parent__isnull=False)
        self.assertGreaterEqual(replies.values("parent__article").distinct().count(), 5)
        self.assertFalse(replies.filter(parent__parent__isnull=False).exists())

    def test_a_few_comments_wait_in_the_moderation_queue(self):
        held = Comment.objects.pending()
        self.assertTrue(3 <= held.count() <= 5)
        self.assertTrue(all(comment.held_because for comment in held))

    def test_an_article_with_comments_closed_still_shows_them(self):
        closed = [
            article
            for article in self.articles
            if not self.open[article.pk] and Comment.objects.approved().on(article).exists()
        ]
        self.assertTrue(closed)
        page = self.client.get(closed[0].url).content.decode()
        self.assertIn("Comments are closed.", page)
        self.assertIn(Comment.objects.approved().on(closed[0]).first().name, page)

    def test_several_articles_are_rated_and_show_their_score(self):
        rated = Rating.objects.values("article").distinct().count()
        self.assertGreaterEqual(rated, 8)
        article = ArticlePage.objects.get(
            locale__language_code="en", slug="estonian-teachers-vote-on-strike-over-pay"
        )
        page = self.client.get(article.url).content.decode()
        self.assertIn("4.1 from 46 ratings", page)

    def test_previous_and_next_links_agree_across_the_whole_demo(self):
        next_of = {}
        previous_of = {}
        for article in self.articles:
            soup = BeautifulSoup(self.client.get(article.url).content, "html.parser")
            following, previous = soup.select_one("a[rel=next]"), soup.select_one("a[rel=prev]")
            next_of[article.url] = following["href"] if following else None
            previous_of[article.url] = previous["href"] if previous else None
        for url, following in next_of.items():
            if following:
                self.assertEqual(previous_of[following], url)
        # One chain in each language: each has a first and a last article.
        self.assertEqual(sum(v is None for v in next_of.values()), 3)
        self.assertEqual(sum(v is None for v in previous_of.values()), 3)

    def test_a_translated_article_lists_the_others_of_its_language(self):
        for code in ("lt", "ru"):
            articles = [a for a in self.articles if a.locale.language_code == code]
            for article in articles:
                with self.subTest(code=code, article=article.slug):
                    soup = BeautifulSoup(self.client.get(article.url).content, "html.parser")
                    self.assertEqual(len(soup.find_all("h1")), 1)
                    self.assertIsNotNone(soup.select_one(".standfirst"))
                    self.assertIsNotNone(soup.select_one(".byline a"))
                    related = {a["href"] for a in soup.select(".related h3 a")}
                    self.assertTrue(related)
                    others = {other.url for other in articles if other.pk != article.pk}
                    self.assertLessEqual(related, others)

    def test_every_article_page_shows_every_element(self):
        for article in (a for a in self.articles if a.locale.language_code == "en"):
            with self.subTest(article=article.slug):
                soup = BeautifulSoup(self.client.get(article.url).content, "html.parser")
                self.assertEqual(len(soup.find_all("h1")), 1)
                self.assertIsNotNone(soup.select_one(".kicker a"))
                self.assertIsNotNone(soup.select_one(".standfirst"))
                self.assertIsNotNone(soup.select_one(".byline a"))
                self.assertIsNotNone(soup.select_one(".article-header time[datetime]"))
                self.assertTrue(soup.select(".article-body p"))
                self.assertTrue(soup.select(".article-tags a"))
                self.assertIsNotNone(soup.select_one("aside.channel-promo"))
                self.assertEqual(len(soup.select(".related h3 a")), 4)
                more = [a["href"] for a in soup.select(".more-in-section h3 a")]
                self.assertEqual(len(more), 4)
                self.assertNotIn(article.url, more)
                section_path = article.get_parent().url
                self.assertTrue(all(href.startswith(section_path) for href in more))
                related = [a["href"] for a in soup.select(".related h3 a")]
                self.assertNotIn(article.url, related)

    def test_related_lists_are_stored_for_every_article(self):
        stored = RelatedArticle.objects.values("article").annotate(n=Count("pk"))
        self.assertEqual(len(stored), len(self.articles))

    def test_some_articles_show_a_picture_and_some_do_not(self):
        with_picture = sum(1 for article in self.articles if article.hero_image_id)
        self.assertTrue(0 < with_picture < len(self.articles))

    def test_an_article_picture_is_captioned_credited_and_described_as_a_drawing(self):
        article = next(article for article in self.articles if article.hero_image_id)
        soup = BeautifulSoup(self.client.get(article.url).content, "html.parser")
        figure = soup.select_one("figure.hero")
        caption = figure.figcaption
        credit = caption.select_one(".credit").extract().get_text(strip=True)
        self.assertTrue(caption.get_text(strip=True).startswith("Illustration: "))
        self.assertEqual(credit, "Drawing: Kronika demo")
        # The caption describes the drawing; the alt text does not say it twice.
        self.assertEqual(figure.img["alt"], "")
