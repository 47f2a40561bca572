"""What every part of the paper shares: the paper's settings, images, and the base page."""

import posixpath
import re

from django.db import models
from django.db.models.signals import pre_save
from django.dispatch import receiver
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import StreamField
from wagtail.images.models import AbstractImage, AbstractRendition, Image
from wagtail.models import Page, UploadedFile

from kronika.base.blocks import BodyBlock
from kronika.base.editing import FirstDraftTitlePanel, PageForm
from kronika.base.page_urls import url_parts
from kronika.pagecache import tags
from kronika.security.uploads import (
    ReencodedImage,
    readable_file_name,
    reencode_image,
    unique_file_name,
)

# The picture first, then what it shows: a title left empty is taken from the
# description (base.picture_form), so the form asks for that before it.
PICTURE_FORM_FIRST = ("file", "description", "title", "credit")


class KronikaImage(AbstractImage):
    """A photo with its credit, which belongs to the picture wherever it is used."""

    credit = models.CharField(
        max_length=255,
        blank=True,
        help_text="Printed after the caption wherever the picture is used: “Ana Lee/Reuters”.",
    )

    admin_form_fields = (
        *PICTURE_FORM_FIRST,
        *(name for name in Image.admin_form_fields if name not in PICTURE_FORM_FIRST),
    )

    class Meta(AbstractImage.Meta):
        verbose_name = "image"
        verbose_name_plural = "images"
        permissions = [("choose_image", "Can choose image")]

    @property
    def alt_text(self) -> str:
        return self.description or self.title

    @staticmethod
    def default_title(description: str, file_name: str) -> str:
        """The title of a picture given none: its description, or its file name made readable."""
        max_length = KronikaImage._meta.get_field("title").max_length
        if description.strip():
            return description.strip()[:max_length]
        stem = posixpath.splitext(posixpath.basename(file_name))[0]
        return " ".join(re.split(r"[\s_.-]+", stem)).strip()[:max_length] or "Picture"

    def get_upload_to(self, filename):
        # Renditions are named after the original, so they are never reused either.
        return posixpath.join("original_images", unique_file_name(filename))

    def save(self, *args, **kwargs):
        if not self.title.strip():
            # A stored file's name carries the tag that made it unique; a new one not yet.
            file_name = self.file.name or ""
            if self.file and self.file._committed:
                file_name = readable_file_name(file_name)
            self.title = self.default_title(self.description, file_name)
        # The admin's forms hand over pictures they have already re-encoded;
        # anything else (the demo loader, a script, an import) is re-encoded
        # here, so that no picture reaches storage as it was sent.
        if (
            self.file
            and not self.file._committed
            and not isinstance(self.file.file, ReencodedImage)
        ):
            self.file = reencode_image(self.file.file, self.file.name)
            self._set_image_file_metadata()
        super().save(*args, **kwargs)


@receiver(pre_save, sender=UploadedFile)
def reencode_picture_held_for_later(sender, instance, **kwargs):
    """The multiple upload keeps a picture aside, as sent, when another field of its form fails.

    The picture itself passed ImageForm's checks by then, so it is re-encoded
    the same way before it is written, and becomes an image from these bytes.
    """
    content_type = instance.for_content_type
    if (
        content_type is not None
        and content_type.model_class() is KronikaImage
        and instance.file
        and not instance.file._committed
    ):
        instance.file = reencode_image(instance.file.file, instance.file.name)


class KronikaRendition(AbstractRendition):
    image = models.ForeignKey(KronikaImage, on_delete=models.CASCADE, related_name="renditions")

    class Meta:
        unique_together = (("image", "filter_spec", "focal_point_key"),)


def optional_picture(help_text: str = "") -> models.ForeignKey:
    """A picture a page or setting may have; deleting the picture leaves it without one."""
    return models.ForeignKey(
        KronikaImage,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=help_text,
    )


@register_setting(icon="site")
class PaperSettings(BaseSiteSetting):
    name = models.CharField(max_length=120, default="Kronika")
    tagline = models.CharField(max_length=255, blank=True)
    logo = optional_picture()
    share_image = optional_picture(
        "Shown when a page without its own picture is shared, cropped to 1200 by 630 pixels. "
        "Without one, the paper's name or logo on a plain background is shown."
    )

    # What only a feature needs (comments, the Telegram channel, feeds) is in
    # that feature's own settings: a paper without the feature has none of it.
    panels = [
        MultiFieldPanel(
            [
                FieldPanel("name"),
                FieldPanel("tagline"),
                FieldPanel("logo"),
                FieldPanel("share_image"),
            ],
            "Paper",
        ),
    ]

    class Meta:
        verbose_name = "paper settings"


class SeoFieldsMixin(models.Model):
    """Social sharing: a picture and text for link previews, when they should differ."""

    social_image = optional_picture(
        "Shown when the page is shared. Defaults to the page's main picture."
    )

    promote_panels = [FieldPanel("social_image")]

    class Meta:
        abstract = True


class ListingFieldsMixin(models.Model):
    """How a page looks in lists, where the full headline or intro may be too long."""

    listing_title = models.CharField(
        max_length=255, blank=True, help_text="A shorter title for lists. Defaults to the title."
    )

    promote_panels = [FieldPanel("listing_title")]

    class Meta:
        abstract = True

    @property
    def display_title(self) -> str:
        return self.listing_title or self.title


class BasePage(SeoFieldsMixin, ListingFieldsMixin, Page):
    promote_panels = [
        *Page.promote_panels,
        MultiFieldPanel(
            [*ListingFieldsMixin.promote_panels, *SeoFieldsMixin.promote_panels],
            "Lists and sharing",
        ),
    ]

    base_form_class = PageForm

    class Meta:
        abstract = True

    def get_context(self, request, *args, **kwargs):
        # Every page may be kept by the page cache until it changes; pages that
        # show other content name it in their own get_context.
        tags.depends_on(request, tags.page(self.pk))
        return super().get_context(request, *args, **kwargs)

    def get_url_parts(self, request=None):
        return url_parts(self, request, lambda: super(BasePage, self).get_url_parts(request))


class StandardPage(BasePage):
    """About us, contact, imprint: pages that are not news."""

    body = StreamField(BodyBlock(), blank=True)

    content_panels = [FirstDraftTitlePanel("title"), FieldPanel("body")]
    parent_page_types = ["news.HomePage", "base.StandardPage"]
    subpage_types = ["base.StandardPage"]
    template = "base/standard_page.html"
