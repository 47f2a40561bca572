"""The articles just before and after an article, found in the paper's order kept in memory.

Every article page links to the previous and the next article of the whole
paper in its language. Two queries found them, and on an uncached article they cost about
2 ms of the render, most of it in building published()'s filters twice. The
order of the published articles (by first publication, then id) changes
only when an article goes live or leaves, which bumps the paper's list tag
(kronika.news.invalidation), so each process keeps it, one per language: three arrays of
integers, 24 bytes an article (2.4 MB at 100,000). The neighbours' headlines
and addresses are then read by key, in one query.

Rebuilding the order takes about 170 ms at 100,000 articles on SQLite, as
much as a hundred renders save, and the render that does it is that much
slower. So after a change, a process first finds neighbours with the two
queries, and rebuilds the order only at its BUILD_AFTER-th render since: a
paper that publishes often and is read little never pays for it, and the
readers of a new article do not wait for it.

An article that is not in the kept order (a preview of a draft, an article
published since the order was kept in another process) gets its neighbours
from the queries too.
"""

from array import array
from bisect import bisect_left
from dataclasses import dataclass

from django.db.models import Min

from kronika.pagecache import tags as cache_tags
from kronika.pagecache.fragments import fragments, remember

KEY = "paper-order"
BUILD_AFTER = 100
SHOWN = ("title", "url_path", "expire_at")


@dataclass(frozen=True)
class Order:
    """The published articles' ids, oldest first, and where each id is in that order."""

    ids: array
    # `ids` sorted, and each one's position in `ids`: a dict of 100,000 ids would
    # take ten times the memory of these arrays.
    sorted_ids: array
    positions: array

    @classmethod
    def of(cls, ids: array) -> "Order":
        by_id = sorted(range(len(ids)), key=ids.__getitem__)
        return cls(ids, array("q", (ids[p] for p in by_id)), array("q", by_id))

    def around(self, pk: int) -> tuple[int | None, int | None] | None:
        """The ids just before and after `pk`, or None if it is not in the order."""
        found = bisect_left(self.sorted_ids, pk)
        if found == len(self.sorted_ids) or self.sorted_ids[found] != pk:
            return None
        position = self.positions[found]
        before = self.ids[position - 1] if position > 0 else None
        after = self.ids[position + 1] if position + 1 < len(self.ids) else None
        return before, after


@dataclass
class Waiting:
    """Renders since the order was kept (a count lost between threads does no harm)."""

    renders: int = 0


_waiting = Waiting()


def neighbours(request, article, articles):
    """(previous, next) of `article`, each with only SHOWN loaded, or None for none.

    `articles` is ArticlePage.objects: this module sits below the models.
    """
    key = f"{KEY}:{article.locale_id}"
    order = fragments.kept(request, key, adds_to_page=False)
    if order is None:
        _waiting.renders += 1
        if not fragments.enabled or _waiting.renders <= BUILD_AFTER:
            return article.previous_article, article.next_article
        order = _order(request, key, articles.in_language_of(article))
        _waiting.renders = 0
    found = order.around(article.pk)
    if found is None:
        return article.previous_article, article.next_article
    ids = [pk for pk in found if pk is not None]
    rows = articles.filter(pk__in=ids).order_by().only(*SHOWN).in_bulk() if ids else {}
    return tuple(rows.get(pk) for pk in found)


def _order(request, key, articles) -> Order:
    published = articles.published()

    def build():
        # Ids alone: turning 100,000 stored times into datetimes took three
        # times as long as reading the rows.
        newest = published.order_by("first_published_at", "pk").values_list("pk", flat=True)
        return Order.of(array("q", newest.iterator(chunk_size=10_000)))

    def until(order):
        expiry = published.exclude(expire_at=None).aggregate(first=Min("expire_at"))["first"]
        return expiry.timestamp() if expiry else None

    return remember(
        request,
        key,
        [cache_tags.listing()],
        build,
        until=until,
        size=lambda order: 24 * len(order.ids),
        # Depending on the paper's list would render every cached article
        # afresh at each publication; the articles whose neighbours change
        # are bumped by it (kronika.news.invalidation).
        adds_to_page=False,
    )
