"""Features add their parts to the article page and its editor through news's extension points.

News names the places (kronika.news.slots) and the editor's feature panels
(kronika.news.editor_panels); comments, ratings and Telegram fill them from
their own wagtail_hooks, and news imports none of them. A feature left out
(KRONIKA_FEATURES) adds nothing, and the page is drawn without it: these tests
check the parts of the features installed, and that the others are absent.
"""

from bs4 import BeautifulSoup
from django.apps import apps
from django.conf import settings
from django.test import override_settings
from wagtail import hooks

from kronika.news.slots import END, FRONT_END, PAGE_SLOTS, PLACES, Slot
from kronika.testing import KronikaTestCase, publish_article, without_page_cache

# Each feature's parts, by the marker each leaves in the page, in page order.
PARTS = [
    ('<h1 class="headline">', "news"),
    ('class="comment-count"', "comments"),
    ('class="rating"', "ratings"),
    ('class="channel-promo"', "telegram"),
    ('class="newsletter-signup"', "newsletters"),
    ('class="article-nav"', "news"),
    ('class="comments"', "comments"),
    ('class="more-in-section"', "news"),
]


def installed(feature: str) -> bool:
    return apps.is_installed(f"kronika.{feature}")


def with_a_template(name: str, source: str):
    """The project's templates, and one more kept in memory."""
    engine = settings.TEMPLATES[0]
    loaders = [
        ("django.template.loaders.locmem.Loader", {name: source}),
        "django.template.loaders.filesystem.Loader",
        "django.template.loaders.app_directories.Loader",
    ]
    return override_settings(
        TEMPLATES=[
            {**engine, "APP_DIRS": False, "OPTIONS": {**engine["OPTIONS"], "loaders": loaders}}
        ]
    )


@without_page_cache()
class ArticleSlotTests(KronikaTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.older = publish_article(cls.news, "Harbour dredging begins", when=cls.days_ago(3))
        cls.article = publish_article(
            cls.news, "Ferry line to Gotland returns", when=cls.days_ago(2), tags=["ferries"]
        )
        cls.newer = publish_article(cls.news, "Ferry timetable published", when=cls.days_ago(1))

    def page(self):
        response = self.client.get(self.article.url)
        self.assertEqual(response.status_code, 200)
        return response.content.decode()

    def test_each_installed_feature_s_part_is_in_its_place_in_page_order(self):
        html = self.page()
        shown = [marker for marker, feature in PARTS if feature == "news" or installed(feature)]
        places = [html.find(marker) for marker in shown]
        self.assertNotIn(-1, places, dict(zip(shown, places, strict=True)))
        self.assertEqual(places, sorted(places))

    def test_a_feature_left_out_adds_nothing(self):
        html = self.page()
        for marker, feature in PARTS:
            if feature != "news" and not installed(feature):
                with self.subTest(feature=feature):
                    self.assertNotIn(marker, html)

    def test_a_part_registered_for_the_end_is_drawn_after_the_lists(self):
        part = '<aside class="end-part">{{ page.title }}</aside>'
        with (
            with_a_template("end_part.html", part),
            hooks.register_temporarily(PAGE_SLOTS, lambda: [Slot(END, "end_part.html")]),
        ):
            html = self.page()
        self.assertIn('<aside class="end-part">Ferry line to Gotland returns</aside>', html)
        self.assertGreater(html.find('class="end-part"'), html.find("more-in-section"))

    def test_a_part_registered_for_the_front_page_s_end_is_drawn_after_its_sections(self):
        publish_article(self.sport, "Derby ends level", when=self.days_ago(1))
        part = '<aside class="front-part">{{ page.title }}</aside>'
        with (
            with_a_template("front_part.html", part),
            hooks.register_temporarily(PAGE_SLOTS, lambda: [Slot(FRONT_END, "front_part.html")]),
        ):
            html = self.client.get("/").content.decode()
            article = self.page()
        self.assertIn('<aside class="front-part">', html)
        self.assertGreater(html.find('class="front-part"'), html.rfind("section-block"))
        self.assertNotIn("front-part", article)

    def test_a_part_for_a_place_that_does_not_exist_is_refused(self):
        with self.assertRaisesMessage(ValueError, "not a place on the pages"):
            Slot("sidebar", "x.html")
        self.assertEqual(len(PLACES), 9)


class ArticleEditorPanelTests(KronikaTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.article = publish_article(cls.news, "Ferry line to Gotland returns")

    def test_comments_and_telegram_add_their_fields_to_the_article_settings_if_installed(self):
        self.client.force_login(self.editor)
        response = self.client.get(f"/admin/pages/{self.article.pk}/edit/")
        self.assertEqual(response.status_code, 200)
        soup = BeautifulSoup(response.content, "html.parser")
        fields = {"comments": "comment_policies-0-policy", "telegram": "telegram_choices-0-post"}
        for feature, field in fields.items():
            with self.subTest(feature=feature):
                field_shown = soup.select_one(f'[name="{field}"]') is not None
                self.assertEqual(field_shown, installed(feature))
