from kronika.testing import KronikaTestCase, dashboard_panels


class EmptyDashboardTests(KronikaTestCase):
    def test_each_empty_panel_stays_and_says_there_is_nothing(self):
        self.client.force_login(self.editor)
        panels = dashboard_panels(self.client)
        said = {name: panel["text"] for name, panel in panels.items()}
        self.assertEqual(said["waiting_for_review"], "Nothing waiting for your review.")
        self.assertEqual(said["my_drafts"], "No drafts.")
        self.assertEqual(said["scheduled"], "Nothing scheduled.")
        self.assertEqual(said["published_today"], "Nothing published today.")
        # An empty panel's heading carries no count.
        self.assertEqual(panels["my_drafts"]["heading"], "My drafts")
