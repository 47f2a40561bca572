"""What the importer has made of each WordPress item, so a second import finds it again."""

from django.contrib.contenttypes.models import ContentType
from django.db import models


class ImportedItem(models.Model):
    """One WordPress object and the Kronika object it became.

    Keyed by the exporting site and WordPress's own id (a post ID, comment ID,
    term slug or author login), and for posts also by their GUID, which
    survives a change of the site's address.
    """

    class Kind(models.TextChoices):
        POST = "post"
        PAGE = "page"
        ATTACHMENT = "attachment"
        COMMENT = "comment"
        CATEGORY = "category"
        TAG = "tag"
        AUTHOR = "author"

    source = models.CharField(max_length=255, help_text="The exporting site's address.")
    kind = models.CharField(max_length=10, choices=Kind.choices)
    key = models.CharField(max_length=255, help_text="WordPress's id, slug or login.")
    guid = models.CharField(max_length=500, blank=True, db_index=True)
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.BigIntegerField()
    fingerprint = models.CharField(
        max_length=64, help_text="A hash of what was imported, to tell an unchanged item."
    )
    imported_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["source", "kind", "key"], name="unique_imported_item")
        ]
        indexes = [models.Index(fields=["content_type", "object_id"])]

    def __str__(self):
        return f"{self.source} {self.kind} {self.key}"
