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
