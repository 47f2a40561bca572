"""Lists of teasers: a page of a list, and teasers kept in memory until the list changes."""

from django.conf import settings
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.http import Http404

from kronika.pagecache import tags as cache_tags
from kronika.pagecache.fragments import remember


def paginate(request, queryset, per_page: int | None = None):
    """The page of `queryset` asked for by ?page=, or a 404 for any page that does not exist."""
    paginator = Paginator(
        queryset, per_page or settings.KRONIKA_PAGE_SIZE, allow_empty_first_page=True
    )
    try:
        return paginator.page(request.GET.get("page", 1))
    except (EmptyPage, PageNotAnInteger):
        raise Http404("No such page of results.") from None


def kept_ids(request, key: str, list_tag: str, articles) -> tuple[int, ...]:
    """The ids of `articles` in their order, kept in memory until `list_tag` (or SITE) changes.

    Also until the first of them expires. A list that keeps its positions
    pages by key: a deep page is a slice of the ids and one look-up of twenty
    rows, where OFFSET would walk past every newer article and the paginator
    count them all.
    """
    expiries = []

    def build():
        rows = articles.values_list("pk", "expire_at")
        expiries.extend(expire_at for _, expire_at in rows if expire_at)
        return tuple(pk for pk, _ in rows)

    return remember(
        request,
        key,
        [list_tag],
        build,
        until=lambda ids: min(expiries).timestamp() if expiries else None,
        # A tuple's slot and an int apiece.
        size=lambda ids: 40 * len(ids),
    )


def page_of_articles(request, ids: tuple[int, ...], articles):
    """The page of `ids` asked for by ?page=, its articles read from `articles` by key."""
    page = paginate(request, ids)
    shown = articles.filter(pk__in=page.object_list).for_listing().in_bulk()
    page.object_list = [shown[pk] for pk in page.object_list if pk in shown]
    return page


def kept_teasers(request, key: str, list_tag: str, build, teasers=list):
    """What `build()` returns, kept in memory until its list or a card shown changes.

    Also until the first article shown expires. `teasers(value)` lists the
    articles that the value shows (kronika.pagecache.fragments explains the rest).
    """

    def tags(value):
        return [list_tag, *(cache_tags.card(article.pk) for article in teasers(value))]

    def until(value):
        expiries = [article.expire_at for article in teasers(value) if article.expire_at]
        return min(expiries).timestamp() if expiries else None

    return remember(request, key, tags, build, until=until)
