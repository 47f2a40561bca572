from kronika.base.models import StandardPage
from kronika.wordpress.tests.exports import ImportTestCase, comment, export, item


class PagesBecomeStandardPages(ImportTestCase):
    def test_pages_keep_their_hierarchy_and_their_text(self):
        report = self.import_text(
            export(
                # The child comes first: its parent is found once the file is read.
                item(11, "Team", kind="page", slug="team", parent=10, categories=(),
                     content="<p>Our reporters.</p>"),
                item(10, "About", kind="page", slug="about", categories=(),
                     content="<h2>Who we are</h2><p>A small paper.</p>",
                     comments=[comment(1, "Nice page.")]),
                item(12, "Draft page", kind="page", status="draft", categories=()),
            )
        )  # fmt: skip
        about = StandardPage.objects.get(title="About")
        team = StandardPage.objects.get(title="Team")
        self.assertEqual(team.get_parent().specific, about)
        self.assertEqual(team.url, "/about/team/")
        self.assertContains(self.client.get(about.url), "Who we are")
        self.assertContains(self.client.get(team.url), "Our reporters.")
        self.assertFalse(StandardPage.objects.get(title="Draft page").live)
        self.assertEqual(report.counts["page"]["imported"], 3)
        skipped = {entry["kind"]: entry["reason"] for entry in report.skipped}
        self.assertIn("articles", skipped["comment"])
