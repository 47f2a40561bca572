from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.models import GroupPagePermission

from kronika.news.dashboard import LIMIT
from kronika.telegram.models import Channel, Post
from kronika.testing import KronikaTestCase, dashboard_panels, publish_article

State = Post.State


class TelegramProblemsTests(KronikaTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.channel = Channel.objects.create(name="Main", chat_id="@paper", bot_token="1:t")
        cls.failed = cls.post_in(cls.news, "Bridge closes", State.FAILED, error="Bad Request")
        cls.flagged = cls.post_in(cls.sport, "Derby tonight", State.FLAGGED)
        cls.post_in(cls.news, "All went well", State.SENT)
        cls.post_in(cls.news, "Still on its way", State.QUEUED)

    @classmethod
    def post_in(cls, section, title, state, **fields):
        article = publish_article(section, title)
        return Post.objects.create(article=article, channel=cls.channel, state=state, **fields)

    def panel_of(self, user):
        self.client.force_login(user)
        return dashboard_panels(self.client).get("telegram_problems")

    def test_it_is_the_last_panel_of_the_newsrooms(self):
        self.client.force_login(self.editor)
        names = list(dashboard_panels(self.client))
        self.assertGreater(names.index("telegram_problems"), names.index("published_today"))
        if "comments_waiting" in names:
            self.assertGreater(names.index("telegram_problems"), names.index("comments_waiting"))

    def test_an_editor_sees_failed_and_uncertain_posts_only(self):
        panel = self.panel_of(self.editor)
        self.assertEqual(panel["heading"], "Telegram problems (2)")
        self.assertEqual(
            [title for title in panel["links"] if title != "Resend"][:2],
            ["Derby tonight", "Bridge closes"],
        )
        self.assertIn("Main: Failed (Bad Request)", panel["text"])
        self.assertIn("Uncertain: check the channel, then resend", panel["text"])
        self.assertNotIn("All went well", panel["text"])
        self.assertNotIn("Still on its way", panel["text"])

    def test_each_link_opens_for_the_editor(self):
        self.client.force_login(self.editor)
        page = self.client.get("/admin/").content.decode()
        resend = reverse("telegram_act", args=(self.failed.pk, "resend"))
        self.assertIn(f'href="{resend}"', page)
        for url in self.panel_of(self.editor)["links"].values():
            with self.subTest(url=url):
                self.assertEqual(self.client.get(url).status_code, 200)

    def test_a_reporter_who_may_not_resend_has_no_such_panel(self):
        self.assertIsNone(self.panel_of(self.reporter))

    def test_an_editor_of_one_section_sees_only_its_posts(self):
        group = Group.objects.create(name="Sport desk")
        group.permissions.add(Permission.objects.get(codename="access_admin"))
        for codename in ("add_page", "change_page", "publish_page"):
            GroupPagePermission.objects.create(
                group=group, page=self.sport, permission=Permission.objects.get(codename=codename)
            )
        desk = get_user_model().objects.create_user("desk", is_staff=True)
        desk.groups.add(group)
        panel = self.panel_of(desk)
        self.assertEqual(panel["heading"], "Telegram problems (1)")
        self.assertIn("Derby tonight", panel["links"])
        self.assertNotIn("See every call to Telegram", panel["links"])

    def test_no_problems_says_so(self):
        Post.objects.update(state=State.SENT)
        panel = self.panel_of(self.editor)
        self.assertEqual(panel["heading"], "Telegram problems")
        self.assertIn("No Telegram problems.", panel["text"])

    def test_many_problems_cost_no_more_queries(self):
        self.panel_of(self.editor)
        for number in range(LIMIT + 2):
            self.post_in(self.news, f"Problem {number}", State.FAILED)
        with CaptureQueriesContext(connection) as few:
            dashboard_panels(self.client)
        for number in range(LIMIT + 2, 2 * LIMIT + 4):
            self.post_in(self.news, f"Problem {number}", State.FAILED)
        with CaptureQueriesContext(connection) as many:
            panel = dashboard_panels(self.client)["telegram_problems"]
        self.assertEqual(panel["heading"], f"Telegram problems ({2 * LIMIT + 6})")
        self.assertEqual(len(many), len(few))
