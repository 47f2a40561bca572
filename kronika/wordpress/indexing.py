"""Search and reference indexing of an import: once per object, by the worker.

Wagtail queues a search-index task and a reference-index task every time an
object is saved, and an import saves each page three times: 2,000 posts left
18,000 tasks, and 50,000 would leave about 450,000 queued ahead of scheduled
publishing and Telegram posts. During an import each saved object is noted
instead, and the worker indexes them afterwards in a few tasks of INDEX_BATCH.
The search entries of published articles are left to the search app, which
makes them in order of publication, with those of every article published
since the oldest imported (kronika.search.publication_order).
"""

from collections import defaultdict
from contextlib import contextmanager, nullcontext

from django.apps import apps
from django.db.models.signals import post_save
from django_tasks import task
from modelsearch import index
from modelsearch.signal_handlers import post_save_signal_handler
from wagtail.models import ReferenceIndex
from wagtail.signal_handlers import disable_reference_index_auto_update

from kronika.news.models import ArticlePage

INDEX_BATCH = 500


@contextmanager
def indexing_afterwards():
    searched = [
        model for model in index.get_indexed_models() if getattr(model, "search_auto_update", True)
    ]
    watched = set(searched) | set(ReferenceIndex.tracked_models)
    saved: dict[str, set] = defaultdict(set)
    order = _publication_order()

    def note(sender, instance, raw=False, **kwargs):
        if sender in watched and not raw:
            saved[sender._meta.label].add(instance.pk)

    # The command runs in a process of its own, so switching Wagtail's
    # handlers off process-wide for the import holds back no one else's.
    for model in searched:
        post_save.disconnect(post_save_signal_handler, sender=model)
    post_save.connect(note, weak=False, dispatch_uid="kronika.wordpress.indexing")
    try:
        with disable_reference_index_auto_update(), order.held_back():
            yield
    finally:
        post_save.disconnect(dispatch_uid="kronika.wordpress.indexing")
        for model in searched:
            post_save.connect(post_save_signal_handler, sender=model)
    ordered = order.ordered(saved.get(ArticlePage._meta.label, set()))
    for label, pks in sorted(saved.items()):
        pks = sorted(pks)
        for start in range(0, len(pks), INDEX_BATCH):
            batch = pks[start : start + INDEX_BATCH]
            index_objects.enqueue(label, batch, [pk for pk in batch if pk in ordered])


class _PublicationOrder:
    """The search app's entries in order of publication (kronika.search.publication_order)."""

    def __init__(self, module):
        self.module = module

    def held_back(self):
        """No entry is made anew while the import publishes: `ordered` makes them all at once."""
        if self.module is None:
            return nullcontext()
        return self.module.first_publications_left_alone()

    def ordered(self, pks: set) -> set:
        """Queue the entries of the imported published articles, and of all published
        since the oldest of them, to be made in order; the imported ones' ids."""
        if self.module is None:
            return set()
        published = {}
        pks = sorted(pks)
        # A batch at a time: a list of 50,000 ids is over SQLite's limit of variables.
        for start in range(0, len(pks), INDEX_BATCH):
            batch = ArticlePage.objects.filter(
                pk__in=pks[start : start + INDEX_BATCH], first_published_at__isnull=False
            )
            published.update(batch.values_list("pk", "first_published_at"))
        if not published:
            return set()
        oldest = min(published.values())
        self.module.index_in_publication_order.enqueue(oldest.isoformat())
        return set(published)


def _publication_order() -> _PublicationOrder:
    """The search app's ordering, or one that does nothing where search is not installed."""
    if not apps.is_installed("kronika.search"):
        return _PublicationOrder(None)
    from kronika.search import publication_order

    return _PublicationOrder(publication_order)


@task()
def index_objects(label: str, pks: list, ordered: list | None = None) -> None:
    """Bring the search and reference indexes up to date for these objects.

    The search entries of `ordered` are left to the search app, which makes
    them in order of publication.
    """
    model = apps.get_model(label)
    searched = model in index.get_indexed_models()
    left = set(ordered or ())
    tracked = model in ReferenceIndex.tracked_models
    for instance in model._default_manager.filter(pk__in=pks).iterator(chunk_size=100):
        if searched and instance.pk not in left:
            index.insert_or_update_object(instance)
        if tracked:
            ReferenceIndex.create_or_update_for_object(instance)
