"""Search and reference indexing of an import: once per object, by the worker.

Wagtail queues a search-index task and a reference-index task every time an
object is saved, and an import saves each page three times: 2,000 posts left
18,000 tasks, and 50,000 would leave about 450,000 queued ahead of scheduled
publishing and Telegram posts. During an import each saved object is noted
instead, and the worker indexes them afterwards in a few tasks of INDEX_BATCH.
"""

from collections import defaultdict
from contextlib import contextmanager

from django.apps import apps
from django.db.models.signals import post_save
from django_tasks import task
from modelsearch import index
from modelsearch.signal_handlers import post_save_signal_handler
from wagtail.models import ReferenceIndex
from wagtail.signal_handlers import disable_reference_index_auto_update

INDEX_BATCH = 500


@contextmanager
def indexing_afterwards():
    searched = [
        model for model in index.get_indexed_models() if getattr(model, "search_auto_update", True)
    ]
    watched = set(searched) | set(ReferenceIndex.tracked_models)
    saved: dict[str, set] = defaultdict(set)

    def note(sender, instance, raw=False, **kwargs):
        if sender in watched and not raw:
            saved[sender._meta.label].add(instance.pk)

    # The command runs in a process of its own, so switching Wagtail's
    # handlers off process-wide for the import holds back no one else's.
    for model in searched:
        post_save.disconnect(post_save_signal_handler, sender=model)
    post_save.connect(note, weak=False, dispatch_uid="kronika.wordpress.indexing")
    try:
        with disable_reference_index_auto_update():
            yield
    finally:
        post_save.disconnect(dispatch_uid="kronika.wordpress.indexing")
        for model in searched:
            post_save.connect(post_save_signal_handler, sender=model)
    for label, pks in sorted(saved.items()):
        pks = sorted(pks)
        for start in range(0, len(pks), INDEX_BATCH):
            index_objects.enqueue(label, pks[start : start + INDEX_BATCH])


@task()
def index_objects(label: str, pks: list) -> None:
    """Bring the search and reference indexes up to date for these objects."""
    model = apps.get_model(label)
    searched = model in index.get_indexed_models()
    tracked = model in ReferenceIndex.tracked_models
    for instance in model._default_manager.filter(pk__in=pks).iterator(chunk_size=100):
        if searched:
            index.insert_or_update_object(instance)
        if tracked:
            ReferenceIndex.create_or_update_for_object(instance)
