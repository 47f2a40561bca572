"""Wagtail's bulk actions name every item they leave out, taking their ids from the address.

Kronika names only those the user may edit: anyone on the admin could otherwise
read, one id after another, blocked readers' addresses or the titles of drafts
and files outside their collections.
"""

from django.core.files.base import ContentFile
from wagtail.documents import get_document_model
from wagtail.models import Collection

from kronika.comments.models import Block
from kronika.testing import KronikaTestCase, make_image


class BulkActionConfirmationTests(KronikaTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.block = Block.objects.create(kind=Block.Kind.EMAIL, value="troll@example.org")
        cls.image = make_image("Whistleblower portrait")
        cls.image.collection = Collection.get_first_root_node().add_child(name="Sources")
        cls.image.save()

    def test_a_reporter_is_not_told_whom_the_paper_blocked(self):
        self.client.force_login(self.reporter)
        response = self.client.get(f"/admin/bulk/comments/block/delete/?id={self.block.pk}")
        self.assertContains(response, "One you may not see")
        self.assertNotContains(response, "troll@example.org")
        self.assertTrue(Block.objects.filter(pk=self.block.pk).exists())

    def test_an_item_the_user_may_edit_is_still_named(self):
        self.client.force_login(self.editor)
        response = self.client.get(f"/admin/bulk/base/kronikaimage/delete/?id={self.image.pk}")
        self.assertContains(response, "Whistleblower portrait")
        self.client.force_login(self.reporter)
        response = self.client.get(f"/admin/bulk/base/kronikaimage/delete/?id={self.image.pk}")
        self.assertContains(response, "One you may not see")
        self.assertNotContains(response, "Whistleblower portrait")

    def test_a_document_outside_the_users_collections_is_not_named(self):
        document = get_document_model().objects.create(
            title="Minutes of the source meeting",
            file=ContentFile(b"Notes.\n", name="minutes.txt"),
            collection=self.image.collection,
        )
        url = f"/admin/bulk/wagtaildocs/document/delete/?id={document.pk}"
        self.client.force_login(self.editor)
        self.assertContains(self.client.get(url), "Minutes of the source meeting")
        self.client.force_login(self.reporter)
        response = self.client.get(url)
        self.assertContains(response, "One you may not see")
        self.assertNotContains(response, "Minutes of the source meeting")
