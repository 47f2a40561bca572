from django.urls import reverse
from wagtail.models import GroupPagePermission

from kronika.news.tests.newsroom_day import NewsroomDayTestCase
from kronika.testing import dashboard_panels

ADD = "wagtailadmin_pages:add"


def edit(page):
    return reverse("wagtailadmin_pages:edit", args=(page.pk,))


class DashboardPerPersonTests(NewsroomDayTestCase):
    def panels_of(self, user):
        self.client.force_login(user)
        return dashboard_panels(self.client)

    def test_the_panels_come_in_the_order_of_a_working_day(self):
        names = list(self.panels_of(self.editor))
        self.assertEqual(
            names[:5],
            [
                "write_an_article",
                "waiting_for_review",
                "my_drafts",
                "scheduled",
                "published_today",
            ],
        )
        # The features' panels (comments, Telegram) come after these; their own
        # tests say so, since news is tested without them too.

    def test_wagtails_own_lists_make_way_for_the_newsrooms(self):
        self.client.force_login(self.editor)
        page = self.client.get("/admin/").content.decode()
        for replaced in ("Awaiting your review", "Your pages in workflow", "recent edits"):
            self.assertNotIn(replaced, page)

    def test_every_writer_may_start_an_article_in_each_section(self):
        for user in (self.reporter, self.editor):
            links = self.panels_of(user)["write_an_article"]["links"]
            self.assertEqual(
                links,
                {
                    "News": reverse(ADD, args=("news", "articlepage", self.news.pk)),
                    "Sport": reverse(ADD, args=("news", "articlepage", self.sport.pk)),
                },
            )

    def test_a_reporter_sees_their_own_drafts_scheduled_and_todays_articles(self):
        panels = self.panels_of(self.reporter)
        self.assertNotIn("waiting_for_review", panels)  # reporters review nothing
        self.assertNotIn("comments_waiting", panels)  # nor moderate
        self.assertNotIn("telegram_problems", panels)  # nor resend

        drafts = panels["my_drafts"]
        self.assertEqual(drafts["heading"], "My drafts (2)")
        self.assertEqual(
            drafts["links"],
            {
                "Reporter's story for review": edit(self.in_review),
                "Reporter's unfinished draft": edit(self.reporters_draft),
            },
        )
        self.assertIn("In review", drafts["text"])
        self.assertIn("Never published", drafts["text"])

        # Reporters may edit any page (not publish it): they see what is scheduled and out today.
        self.assertEqual(panels["scheduled"]["links"], {"Tomorrow's story": edit(self.scheduled)})
        today = panels["published_today"]
        self.assertEqual(today["heading"], "Published today (1)")
        self.assertEqual(
            today["links"], {"Today's story": edit(self.today), "View live": self.today.url}
        )

    def test_an_editor_sees_what_waits_for_review_and_their_own_drafts(self):
        panels = self.panels_of(self.editor)
        review = panels["waiting_for_review"]
        self.assertEqual(review["heading"], "Waiting for your review (1)")
        self.assertEqual(review["links"], {"Reporter's story for review": edit(self.in_review)})
        self.assertIn("sent by reporter", review["text"])

        drafts = panels["my_drafts"]
        self.assertEqual(drafts["links"], {"Editor's own draft": edit(self.editors_draft)})
        self.assertNotIn("Tomorrow's story", drafts["text"])  # scheduled, not a draft
        self.assertEqual(panels["scheduled"]["heading"], "Scheduled (1)")
        self.assertIn("Goes live", panels["scheduled"]["text"])
        self.assertNotIn("Yesterday's story", panels["published_today"]["text"])

    def test_a_writer_who_may_only_add_sees_only_their_own_pages(self):
        # Wagtail lets "add" alone edit one's own pages: the panels follow that rule.
        GroupPagePermission.objects.filter(
            group__name="Reporters", permission__codename="change_page"
        ).delete()
        panels = self.panels_of(self.reporter)
        self.assertEqual(panels["scheduled"]["text"], "Nothing scheduled.")
        self.assertEqual(panels["published_today"]["text"], "Nothing published today.")
        self.assertEqual(len(panels["my_drafts"]["links"]), 2)
