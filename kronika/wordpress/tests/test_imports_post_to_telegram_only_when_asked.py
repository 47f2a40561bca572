import tempfile
from pathlib import Path

from kronika.telegram.models import Post
from kronika.telegram.tests.support import TelegramTestCase
from kronika.wordpress.importer import import_export
from kronika.wordpress.tests.exports import export, item


class ImportsPostToTelegramOnlyWhenAsked(TelegramTestCase):
    def import_story(self, **options):
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "export.xml"
            path.write_text(export(item(1, "Imported story")), encoding="utf-8")
            import_export(path, **options)

    def test_an_archive_import_posts_nothing(self):
        self.import_story()
        self.assertEqual(Post.objects.count(), 0)
        self.assertEqual(self.api.calls, [])

    def test_it_posts_newly_published_articles_when_asked(self):
        self.import_story(post_to_telegram=True)
        self.assertEqual(self.api.methods(), ["sendMessage"])
        self.assertTrue(self.api.sent()[0]["text"].startswith("<b>Imported story</b>"))
