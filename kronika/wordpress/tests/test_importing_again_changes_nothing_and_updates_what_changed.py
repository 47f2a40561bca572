from kronika.comments.models import Comment
from kronika.news.models import ArticlePage
from kronika.wordpress.tests.exports import (
    BLOCK_TEST_DATA,
    SEED,
    ImportTestCase,
    comment,
    export,
    item,
    row_counts,
    run_import_command,
)


class ImportingAgainChangesNothingAndUpdatesWhatChanged(ImportTestCase):
    def assertSecondImportChangesNothing(self, path):
        run_import_command(path)
        once = row_counts()
        output = run_import_command(path)
        self.assertEqual(row_counts(), once)
        self.assertNotRegex(output, r"[1-9]\d* (imported|updated)")
        return once

    def test_the_seed_export_twice_leaves_the_same_rows(self):
        once = self.assertSecondImportChangesNothing(SEED)
        self.assertEqual(once["news.ArticlePage"], 8)

    def test_the_block_test_data_twice_leaves_the_same_rows(self):
        self.assertSecondImportChangesNothing(BLOCK_TEST_DATA)

    def test_a_newer_export_updates_what_changed_and_adds_no_duplicates(self):
        first = export(
            item(1, "Story", content="<p>First version.</p>", comments=[comment(1, "Hello.")]),
            item(2, "Other story"),
        )
        self.import_text(first)
        story = ArticlePage.objects.get(title="Story")
        revisions = story.revisions.count()
        newer = export(
            item(1, "Story, corrected", slug="story", content="<p>Second version.</p>",
                 comments=[comment(1, "Hello, edited."), comment(2, "Reply.", parent=1)]),
            item(2, "Other story"),
            item(3, "New story"),
        )  # fmt: skip
        report = self.import_text(newer)
        story.refresh_from_db()
        self.assertEqual(story.title, "Story, corrected")
        self.assertIn("Second version.", str(story.body))
        self.assertEqual(story.revisions.count(), revisions + 1)
        self.assertEqual(ArticlePage.objects.count(), 3)
        self.assertEqual(report.counts["post"]["updated"], 1)
        self.assertEqual(report.counts["post"]["unchanged"], 1)
        self.assertEqual(report.counts["post"]["imported"], 1)
        self.assertEqual(
            sorted(Comment.objects.values_list("body", flat=True)), ["Hello, edited.", "Reply."]
        )
        self.assertEqual(report.counts["comment"]["updated"], 1)
