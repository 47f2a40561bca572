from django.db import models
from django.utils import timezone


class OutgoingMailQuerySet(models.QuerySet):
    def waiting(self):
        """Mails not yet sent nor given up on: queued, or being sent."""
        return self.filter(state__in=[OutgoingMail.State.QUEUED, OutgoingMail.State.SENDING])

    def troubled(self):
        """What an operator should look at: waiting after a failed attempt, or given up on."""
        return self.filter(
            models.Q(state=OutgoingMail.State.FAILED)
            | models.Q(state=OutgoingMail.State.QUEUED, attempts__gt=0)
        )


class OutgoingMail(models.Model):
    """One message to one address, kept until the mail server has taken it (kronika.mail.outbox).

    One row per recipient, so that a server refusing one address fails that
    address alone. A row is deleted once the server takes its mail: a
    reader's address, and a confirmation link, are not kept for the sending.
    """

    class State(models.TextChoices):
        QUEUED = "queued", "Queued"
        SENDING = "sending", "Sending"
        FAILED = "failed", "Failed"

    purpose = models.CharField(max_length=60, help_text="What the mail is, for the operator.")
    sender = models.CharField(max_length=400)
    recipient = models.CharField(max_length=320)
    subject = models.CharField(max_length=400)
    text = models.TextField()
    html = models.TextField(blank=True)
    headers = models.JSONField(default=dict, blank=True)
    state = models.CharField(max_length=10, choices=State.choices, default=State.QUEUED)
    attempts = models.PositiveIntegerField(default=0)
    queued_at = models.DateTimeField(default=timezone.now)
    not_before = models.DateTimeField(default=timezone.now)
    claimed_at = models.DateTimeField(null=True, blank=True)
    error = models.TextField(blank=True)

    objects = OutgoingMailQuerySet.as_manager()

    class Meta:
        verbose_name = "outgoing mail"
        verbose_name_plural = "outgoing mail"
        indexes = [models.Index(fields=["state", "not_before"])]

    def __str__(self):
        return f"{self.purpose} to {self.recipient}"
