"""Scheduled go-lives and expiries, safe with several workers at once.

Wagtail's `publish_scheduled` command lists what is due, then publishes each
item outside any transaction, so two workers running it at once both publish
the same revision: two log entries, and every side effect of publishing twice.
Here each item is read again under a row lock in its own transaction and
published only if it is still due; the worker that comes second finds it done.
"""

from django.apps import apps
from django.db import transaction
from django.utils import timezone
from wagtail.models import DraftStateMixin, Page, Revision


def publish_due() -> None:
    now = timezone.now()
    for model in _models_with_drafts():
        expired = model.objects.filter(live=True, expire_at__lt=now)
        for pk in expired.order_by("expire_at").values_list("pk", flat=True):
            with transaction.atomic():
                item = expired.select_for_update().filter(pk=pk).first()
                if item is not None:
                    item.unpublish(set_expired=True, log_action="wagtail.unpublish.scheduled")
    due = Revision.objects.filter(approved_go_live_at__lt=now)
    for pk in due.order_by("approved_go_live_at").values_list("pk", flat=True):
        with transaction.atomic():
            revision = due.select_for_update().filter(pk=pk).first()
            if revision is not None:
                revision.publish(log_action="wagtail.publish.scheduled")


def _models_with_drafts():
    return [Page] + [
        model
        for model in apps.get_models()
        if issubclass(model, DraftStateMixin) and not issubclass(model, Page)
    ]
