"""Django's e-mail backend for the whole site: it queues, the worker sends.

Every mail Django or Wagtail sends (password resets, Wagtail's moderation
notices, our own) goes through EMAIL_BACKEND, so making it the outbox makes
all of them survive a mail server that is down, with no change to their
senders. The worker sends through KRONIKA_EMAIL_BACKEND (kronika.mail.outbox).
"""

from django.core.mail.backends.base import BaseEmailBackend

from kronika.mail import outbox


class OutboxBackend(BaseEmailBackend):
    def send_messages(self, email_messages):
        for message in email_messages:
            outbox.queue(message, purpose=message.extra_headers.get(outbox.PURPOSE, "site mail"))
        return len(email_messages)
