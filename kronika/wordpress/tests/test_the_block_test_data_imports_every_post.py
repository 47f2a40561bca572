import re

from PIL import Image

from kronika.base.blocks import BodyBlock
from kronika.base.models import KronikaImage, StandardPage
from kronika.comments.models import Comment
from kronika.news.models import ArticlePage
from kronika.wordpress import wxr
from kronika.wordpress.importer import import_export
from kronika.wordpress.models import ImportedItem
from kronika.wordpress.tests.exports import BLOCK_TEST_DATA, ImportTestCase

BLOCK_NAME = re.compile(r"<!-- wp:([a-z0-9-]+(?:/[a-z0-9-]+)?)")
# What WordPress's block test data holds, counted once by hand from the file.
POSTS, PAGES, ATTACHMENTS, COMMENTS, BLOCK_TYPES = 61, 1, 9, 2, 76


def block_names_in(path) -> set[str]:
    names = set()
    with path.open("rb") as file:
        for entry in wxr.read(file):
            if isinstance(entry, wxr.Item) and entry.post_type in ("post", "page"):
                names.update(
                    name if "/" in name else f"core/{name}"
                    for name in BLOCK_NAME.findall(entry.content)
                )
    return names


class TheBlockTestDataImportsEveryPost(ImportTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.report = import_export(BLOCK_TEST_DATA)

    def test_every_post_and_page_is_present(self):
        self.assertEqual(self.report.counts["post"]["imported"], POSTS)
        self.assertEqual(ArticlePage.objects.count(), POSTS)
        self.assertEqual(ArticlePage.objects.live().count(), POSTS)
        self.assertEqual(StandardPage.objects.count(), PAGES)
        self.assertEqual(Comment.objects.count(), COMMENTS)

    def test_what_could_not_come_is_reported_with_its_reason(self):
        skipped = [(entry["kind"], entry["reason"]) for entry in self.report.skipped]
        # There is no media folder, so every attachment is missing.
        self.assertEqual(
            sum(kind == "attachment" and "not found" in reason for kind, reason in skipped),
            ATTACHMENTS,
        )
        self.assertIn("wp_navigation", [kind for kind, _ in skipped])
        self.assertEqual(len(skipped), ATTACHMENTS + 1)

    def test_each_block_type_maps_to_a_block_or_is_listed_in_the_report(self):
        names = block_names_in(BLOCK_TEST_DATA)
        self.assertEqual(len(names), BLOCK_TYPES)
        mapped = {source for source, _ in self.report.blocks}
        reported = {source for source, _ in self.report.not_mapped}
        self.assertEqual(names - mapped - reported, set())
        targets = {target for _, target in self.report.blocks}
        self.assertLessEqual(targets, set(BodyBlock.base_blocks))
        for expected in ("paragraph", "heading", "quote", "table", "separator", "code", "html"):
            self.assertIn(expected, targets)

    def test_every_body_is_valid_or_reported_empty_and_every_page_renders(self):
        block = BodyBlock()
        empty = {entry["id"] for entry in self.report.incomplete if entry["what"] == "content"}
        self.assertEqual(len(empty), 1)
        imported = ImportedItem.objects.filter(kind="post").values_list("key", "object_id")
        post_ids = {object_id: int(key) for key, object_id in imported}
        for article in ArticlePage.objects.all():
            if post_ids[article.pk] in empty:
                blocks = [(block.block_type, str(block.value)) for block in article.body]
                self.assertEqual(blocks, [("paragraph", "")])
            else:
                block.clean(article.body)
            self.assertEqual(self.client.get(article.url).status_code, 200, article.title)


class TheBlockTestDataWithItsPictures(ImportTestCase):
    """With the pictures in a media folder, images and galleries become blocks of their own."""

    def test_images_and_galleries_point_at_the_imported_pictures(self):
        media = self.folder / "uploads"
        media.mkdir()
        names = re.findall(r"<wp:attachment_url>[^<]*/([^/<]+\.jpg)<", BLOCK_TEST_DATA.read_text())
        for number, name in enumerate(names):
            Image.new("RGB", (80, 60), (number * 30 % 256, 90, 140)).save(media / name)
        report = import_export(BLOCK_TEST_DATA, media_dir=media)
        self.assertEqual(report.counts["attachment"]["imported"], len(names))
        self.assertEqual(len(names), 7)
        targets = {target for _, target in report.blocks}
        self.assertLessEqual({"image", "gallery"}, targets)
        used = {
            block.value["image"].pk
            for article in ArticlePage.objects.all()
            for block in article.body
            if block.block_type == "image"
        }
        self.assertTrue(used)
        self.assertLessEqual(used, set(KronikaImage.objects.values_list("pk", flat=True)))
