"""Features add their parts to the article page and its editor through news's extension points.

News names the places (kronika.news.slots) and the editor's feature panels
(kronika.news.editor_panels); comments, ratings and Telegram fill them from
their own wagtail_hooks, and news imports none of them.
"""

from bs4 import BeautifulSoup
from wagtail import hooks

from kronika.news.slots import END, PAGE_SLOTS, PLACES, Slot
from kronika.telegram.promotion import TelegramSettings
from kronika.testing import KronikaTestCase, publish_article, site_settings, without_page_cache


@without_page_cache()
class ArticleSlotTests(KronikaTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        site_settings(TelegramSettings, channel_url="https://t.me/example_paper")
        cls.older = publish_article(cls.news, "Harbour dredging begins", when=cls.days_ago(3))
        cls.article = publish_article(
            cls.news, "Ferry line to Gotland returns", when=cls.days_ago(2), tags=["ferries"]
        )
        cls.newer = publish_article(cls.news, "Ferry timetable published", when=cls.days_ago(1))

    def page(self):
        response = self.client.get(self.article.url)
        self.assertEqual(response.status_code, 200)
        return response.content.decode()

    def test_each_feature_s_part_is_in_its_place_in_page_order(self):
        html = self.page()
        order = [
            '<h1 class="headline">',
            'class="comment-count"',
            'class="rating"',
            'class="channel-promo"',
            'class="article-nav"',
            'class="comments"',
            'class="more-in-section"',
        ]
        places = [html.find(marker) for marker in order]
        self.assertNotIn(-1, places, dict(zip(order, places, strict=True)))
        self.assertEqual(places, sorted(places))

    def test_a_part_registered_for_the_end_is_drawn_after_the_lists(self):
        # Telegram's promo, registered a second time for the end of the page.
        with hooks.register_temporarily(PAGE_SLOTS, lambda: [Slot(END, "telegram/promo.html")]):
            html = self.page()
        self.assertEqual(html.count('class="channel-promo"'), 2)
        self.assertGreater(html.rfind('class="channel-promo"'), html.find("more-in-section"))

    def test_a_part_for_a_place_that_does_not_exist_is_refused(self):
        with self.assertRaisesMessage(ValueError, "not a place on the pages"):
            Slot("sidebar", "x.html")
        self.assertEqual(len(PLACES), 8)


class ArticleEditorPanelTests(KronikaTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.article = publish_article(cls.news, "Ferry line to Gotland returns")

    def test_comments_and_telegram_add_their_fields_to_the_article_settings(self):
        self.client.force_login(self.editor)
        response = self.client.get(f"/admin/pages/{self.article.pk}/edit/")
        self.assertEqual(response.status_code, 200)
        soup = BeautifulSoup(response.content, "html.parser")
        self.assertIsNotNone(soup.select_one('[name="comment_policies-0-policy"]'))
        self.assertIsNotNone(soup.select_one('[name="telegram_choices-0-post"]'))
