from kronika.news.tests.newsroom_day import NewsroomDayTestCase
from kronika.testing import dashboard_panels

NEWSROOM = ("write_an_article", "waiting_for_review", "my_drafts", "scheduled", "published_today")


class DashboardLinkTests(NewsroomDayTestCase):
    def test_each_link_in_the_newsrooms_panels_answers_its_viewer(self):
        for user in (self.reporter, self.editor):
            self.client.force_login(user)
            panels = dashboard_panels(self.client)
            for name in NEWSROOM:
                if name not in panels:  # only a reviewer has the review panel
                    continue
                links = panels[name]["links"].values()
                self.assertTrue(links, f"{name} has something to link to for {user}")
                for url in links:
                    with self.subTest(user=user.username, panel=name, url=url):
                        self.assertEqual(self.client.get(url).status_code, 200)
