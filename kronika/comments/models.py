from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import models
from django.utils import timezone

# The comment settings and the per-article policy are models of this app too.
from kronika.comments.policy import ArticleCommentPolicy, CommentSettings  # noqa: F401
from kronika.news.models import ArticlePage


def normalise_email(email: str) -> str:
    """Addresses are compared without case, as every mail provider treats them."""
    return email.strip().lower()


class CommentQuerySet(models.QuerySet):
    def approved(self):
        return self.filter(status=Comment.Status.APPROVED)

    def pending(self):
        return self.filter(status=Comment.Status.PENDING)

    def on(self, article):
        return self.filter(article=article)

    def from_client(self, client: str):
        return self.filter(client=client)

    def since(self, moment):
        return self.filter(created_at__gte=moment)

    def by_email(self, email: str):
        return self.filter(email=normalise_email(email)) if email else self.none()


class Comment(models.Model):
    """A reader's comment. Readers have no accounts: a comment carries its own name."""

    class Status(models.TextChoices):
        PENDING = "pending", "Awaiting moderation"
        APPROVED = "approved", "Approved"
        SPAM = "spam", "Spam"

    article = models.ForeignKey(
        ArticlePage, on_delete=models.CASCADE, related_name="reader_comments"
    )
    # One level of replies: a reply's parent is always a top-level comment.
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.CASCADE, related_name="replies"
    )
    name = models.CharField(max_length=80)
    email = models.EmailField(
        blank=True, help_text="Never shown. Recognises a returning commenter."
    )
    body = models.TextField()
    status = models.CharField(max_length=8, choices=Status.choices, default=Status.PENDING)
    held_because = models.CharField(max_length=200, blank=True)
    client = models.CharField(
        "client fingerprint",
        max_length=64,
        help_text="A keyed hash of the address and browser. The address itself is not kept.",
    )
    created_at = models.DateTimeField(default=timezone.now)
    moderated_at = models.DateTimeField(null=True, blank=True)
    moderated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    objects = CommentQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "pk"]
        indexes = [
            models.Index(fields=["article", "status", "created_at"]),
            models.Index(fields=["client", "created_at"]),
            models.Index(fields=["status", "created_at"]),
            models.Index(fields=["email"]),
        ]

    def __str__(self):
        return f"{self.name}: {self.excerpt(60)}"

    def save(self, *args, **kwargs):
        self.email = normalise_email(self.email)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return f"{self.article.url}#comment-{self.pk}"

    def excerpt(self, length: int = 140) -> str:
        """The comment's start on one line: the queue shows enough to judge most comments."""
        text = " ".join(self.body.split())
        return text if len(text) <= length else text[: length - 1].rstrip() + "…"

    excerpt.short_description = "Comment"

    def moderate(self, status: str, user=None):
        self.status = status
        self.moderated_at = timezone.now()
        self.moderated_by = user
        self.save(update_fields=["status", "moderated_at", "moderated_by"])


class Block(models.Model):
    """A commenter whose comments are refused from now on."""

    class Kind(models.TextChoices):
        EMAIL = "email", "Email address"
        CLIENT = "client", "Client fingerprint"

    kind = models.CharField(max_length=8, choices=Kind.choices)
    value = models.CharField(max_length=254)
    reason = models.CharField(max_length=200, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = "blocked commenter"
        ordering = ["-created_at"]
        constraints = [models.UniqueConstraint(fields=["kind", "value"], name="unique_block")]

    def __str__(self):
        shown = self.value if self.kind == self.Kind.EMAIL else f"{self.value[:12]}…"
        return f"{self.get_kind_display()}: {shown}"

    def save(self, *args, **kwargs):
        if self.kind == self.Kind.EMAIL:
            self.value = normalise_email(self.value)
        super().save(*args, **kwargs)

    def clean(self):
        if self.kind == self.Kind.EMAIL:
            try:
                validate_email(self.value.strip())
            except ValidationError:
                raise ValidationError({"value": "Enter the commenter's email address."}) from None

    @classmethod
    def block_commenter_of(cls, comment: Comment, user=None, reason: str = "") -> int:
        """Block the email and the fingerprint a comment came from; returns how many were new."""
        added = 0
        for kind, value in ((cls.Kind.EMAIL, comment.email), (cls.Kind.CLIENT, comment.client)):
            if value:
                value = normalise_email(value) if kind == cls.Kind.EMAIL else value
                _, created = cls.objects.get_or_create(
                    kind=kind, value=value, defaults={"reason": reason, "created_by": user}
                )
                added += created
        return added

    @classmethod
    def applies_to(cls, email: str, client: str) -> bool:
        query = models.Q(kind=cls.Kind.CLIENT, value=client)
        if email:
            query |= models.Q(kind=cls.Kind.EMAIL, value=normalise_email(email))
        return cls.objects.filter(query).exists()
