from PIL import Image
from wagtail.documents import get_document_model

from kronika.base.models import KronikaImage
from kronika.news.models import ArticlePage
from kronika.wordpress.tests.exports import ImportTestCase, export, item

UPLOADS = "https://paper.example.org/wp-content/uploads"


class AttachmentsAreFoundByFileNameUnderTheMediaFolder(ImportTestCase):
    def setUp(self):
        super().setUp()
        self.media = self.folder / "uploads"
        (self.media / "2017" / "05").mkdir(parents=True)
        Image.new("RGB", (640, 480), "#884422").save(self.media / "2017" / "05" / "harbour.jpg")
        # Found by its name though it sits in another folder than its URL says.
        Image.new("RGB", (300, 200), "#224488").save(self.media / "bridge.png")
        (self.media / "2017" / "05" / "minutes.pdf").write_bytes(
            b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
        )
        self.report = self.import_text(
            export(
                item(
                    1,
                    "Harbour story",
                    content=(
                        f'<p>Look:</p><p><img src="{UPLOADS}/2017/05/harbour-300x225.jpg" '
                        'alt="The harbour"></p>'
                        f'<p>Read <a href="{UPLOADS}/2017/05/minutes.pdf">the minutes</a>.</p>'
                        f'<p><img src="{UPLOADS}/2017/05/lost.jpg"></p>'
                    ),
                    meta={"_thumbnail_id": 21},
                ),
                attachment(21, "Harbour at dawn", "2017/05/harbour.jpg", alt="The harbour"),
                attachment(22, "Bridge", "2016/01/bridge.png"),
                attachment(23, "Minutes", "2017/05/minutes.pdf"),
                attachment(24, "Lost", "2017/05/lost.jpg"),
                attachment(25, "Clip", "2017/05/clip.mov"),
            ),
            media_dir=self.media,
        )
        self.article = ArticlePage.objects.get(title="Harbour story")

    def test_the_featured_image_becomes_the_hero_image(self):
        hero = self.article.hero_image
        self.assertEqual(hero.title, "Harbour at dawn")
        self.assertEqual(hero.description, "The harbour")
        self.assertEqual((hero.width, hero.height), (640, 480))

    def test_inline_images_point_at_the_imported_pictures(self):
        images = [
            block.value["image"] for block in self.article.body if block.block_type == "image"
        ]
        self.assertEqual(images, [self.article.hero_image])
        page = self.client.get(self.article.url).content.decode()
        self.assertNotIn("wp-content/uploads", page)

    def test_links_to_uploaded_documents_point_at_the_imported_document(self):
        document = get_document_model().objects.get(title="Minutes")
        self.assertIn(f'href="{document.url}"', str(self.article.body))

    def test_every_attachment_found_is_imported_and_the_missing_are_reported(self):
        self.assertEqual(KronikaImage.objects.filter(title="Bridge").count(), 1)
        skipped = {entry["title"]: entry["reason"] for entry in self.report.skipped}
        self.assertIn("not found", skipped["Lost"])
        self.assertIn("2017/05/lost.jpg", skipped["Lost"])
        self.assertIn(".mov", skipped["Clip"])
        self.assertEqual(self.report.counts["attachment"]["imported"], 3)
        notes = {(entry["what"], entry["detail"]) for entry in self.report.incomplete}
        self.assertTrue(any("lost.jpg" in detail for _, detail in notes), notes)


def attachment(post_id, title, path, alt=""):
    meta = {"_wp_attached_file": path}
    if alt:
        meta["_wp_attachment_image_alt"] = alt
    return item(
        post_id,
        title,
        kind="attachment",
        status="inherit",
        content="",
        categories=(),
        attachment_url=f"{UPLOADS}/{path}",
        meta=meta,
    )
