"""Newsletters, their confirmed subscribers, and sign-ups waiting for confirmation.

A sign-up is kept as a PendingSignup until its address confirms it: only then
does the reader become a Subscriber. Pending sign-ups that were never
confirmed are deleted once their link has expired (kronika.newsletters.signup).
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone


def _first_language() -> str:
    return settings.LANGUAGE_CODE


class NewsletterQuerySet(models.QuerySet):
    def offered(self):
        """The newsletters readers may sign up for."""
        return self.filter(offered=True)

    def in_language(self, code: str):
        return self.filter(language=code)


class Newsletter(models.Model):
    class Kind(models.TextChoices):
        DIGEST = "digest", "Daily digest"
        BREAKING = "breaking", "Breaking news"
        SECTION = "section", "A section's new articles"

    name = models.CharField(max_length=100)
    kind = models.CharField(max_length=10, choices=Kind.choices)
    section = models.ForeignKey(
        "news.SectionPage",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
        help_text="For a section's newsletter: the section whose articles it sends.",
    )
    language = models.CharField(
        max_length=12,
        default=_first_language,
        help_text="The language of its readers: the form offers it on pages in that language.",
    )
    description = models.CharField(max_length=200, blank=True)
    offered = models.BooleanField(
        default=True, help_text="Shown on the sign-up form. Existing subscribers keep it."
    )
    order = models.PositiveSmallIntegerField(default=0)

    objects = NewsletterQuerySet.as_manager()

    class Meta:
        ordering = ["language", "order", "pk"]

    def __str__(self):
        return self.name

    def clean(self):
        if self.kind == self.Kind.SECTION and self.section_id is None:
            raise ValidationError({"section": "Choose the section whose articles it sends."})
        if self.kind != self.Kind.SECTION and self.section_id is not None:
            raise ValidationError({"section": "Only a section's newsletter has a section."})

    def language_name(self) -> str:
        return dict(settings.LANGUAGES).get(self.language, self.language)


class Subscriber(models.Model):
    """A reader who confirmed their address, and the newsletters they receive."""

    email = models.CharField(max_length=254, unique=True)
    name = models.CharField(max_length=80, blank=True)
    language = models.CharField(max_length=12, default=_first_language)
    newsletters = models.ManyToManyField(Newsletter, related_name="subscribers", blank=True)
    confirmed_at = models.DateTimeField(default=timezone.now)

    def __str__(self):
        return self.email


class PendingSignup(models.Model):
    """A sign-up waiting for its address to confirm it: all that is kept until then.

    `client` is a keyed hash of the sender's address and browser
    (kronika.base.readers), for the flood limit; never the address itself.
    """

    email = models.CharField(max_length=254, db_index=True)
    name = models.CharField(max_length=80, blank=True)
    language = models.CharField(max_length=12)
    newsletter_ids = models.JSONField(default=list)
    client = models.CharField(max_length=64, db_index=True)
    requested_at = models.DateTimeField(default=timezone.now, db_index=True)

    def __str__(self):
        return f"{self.email} (waiting since {self.requested_at:%Y-%m-%d %H:%M})"
