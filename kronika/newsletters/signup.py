"""Double opt-in: a sign-up waits until its address confirms it through a signed link.

Signing up keeps a PendingSignup and mails a link to its address; nothing
else is kept, and the reader becomes a Subscriber only when the link is used.
The link is the pending sign-up's id, signed and dated (django.core.signing),
so it cannot be guessed or altered, and it expires after CONFIRM_HOURS; a
pending sign-up older than that is deleted at the next sign-up, so no task or
cron job is needed.

Limits, each answered with the same readable page whatever the address:
- one confirmation mail an hour to an address: a second sign-up within the
  hour is answered as the first was, and sends nothing;
- KRONIKA_NEWSLETTER_SIGNUPS_PER_HOUR sign-ups an hour from one client
  (a keyed hash of its address and browser), so that nobody fills the
  mailboxes of others through us.
The same page for an address already subscribed, pending or new tells nobody
who reads the paper.
"""

from datetime import timedelta

from django.conf import settings
from django.core import signing
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from kronika.base.readers import Refused
from kronika.mail.outbox import PURPOSE
from kronika.newsletters.models import Newsletter, PendingSignup, Subscriber

CONFIRM_HOURS = 48
MAIL_EVERY = timedelta(hours=1)
SALT = "kronika.newsletters.confirm"


def request(
    email: str, name: str, newsletter_ids: list[int], client: str, language: str, paper: str
):
    """Keep a sign-up and mail its confirmation link, in the name of `paper`, within the limits."""
    now = timezone.now()
    with transaction.atomic():
        PendingSignup.objects.filter(
            requested_at__lt=now - timedelta(hours=CONFIRM_HOURS)
        ).delete()
        _check_flood(client, now)
        if PendingSignup.objects.filter(email=email, requested_at__gt=now - MAIL_EVERY).exists():
            return
        pending = PendingSignup.objects.create(
            email=email,
            name=name,
            language=language,
            newsletter_ids=newsletter_ids,
            client=client,
            requested_at=now,
        )
        _mail_confirmation(pending, paper)


def _check_flood(client: str, now) -> None:
    limit = settings.KRONIKA_NEWSLETTER_SIGNUPS_PER_HOUR
    recent = PendingSignup.objects.filter(client=client, requested_at__gt=now - timedelta(hours=1))
    if recent.count() >= limit:
        raise Refused(
            429,
            _("Too many sign-ups"),
            ngettext(
                "You can sign up at most %(count)s time an hour. Please come back later.",
                "You can sign up at most %(count)s times an hour. Please come back later.",
                limit,
            )
            % {"count": limit},
            retry_after=3600,
        )


def confirmation_token(pending: PendingSignup) -> str:
    return signing.dumps(pending.pk, salt=SALT, compress=False)


def _mail_confirmation(pending: PendingSignup, paper: str) -> None:
    with translation.override(pending.language):
        path = reverse("newsletters:confirm", args=(confirmation_token(pending),))
        context = {
            "link": settings.BASE_URL + path,
            "newsletters": Newsletter.objects.filter(pk__in=pending.newsletter_ids),
            "hours": CONFIRM_HOURS,
            "site_name": paper,
        }
        subject = render_to_string("newsletters/mail/confirm_subject.txt", context).strip()
        message = EmailMultiAlternatives(
            subject,
            render_to_string("newsletters/mail/confirm.txt", context),
            to=[pending.email],
            headers={PURPOSE: "newsletter confirmation"},
        )
    message.send()


def pending_for(token: str) -> PendingSignup | None:
    """The sign-up a link confirms; None when the link is forged, expired or already used."""
    try:
        pk = signing.loads(token, salt=SALT, max_age=timedelta(hours=CONFIRM_HOURS))
    except signing.BadSignature:
        return None
    if not isinstance(pk, int):
        return None
    return PendingSignup.objects.filter(pk=pk).first()


def confirm(pending: PendingSignup) -> Subscriber:
    """The reader, now subscribed to what they chose; their waiting sign-ups are gone."""
    with transaction.atomic():
        subscriber, _created = Subscriber.objects.select_for_update().get_or_create(
            email=pending.email,
            defaults={"name": pending.name, "language": pending.language},
        )
        if pending.name:
            subscriber.name = pending.name
        subscriber.language = pending.language
        subscriber.save(update_fields=["name", "language"])
        subscriber.newsletters.add(*Newsletter.objects.filter(pk__in=pending.newsletter_ids))
        PendingSignup.objects.filter(email=pending.email).delete()
    return subscriber
