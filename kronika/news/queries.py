"""Which articles readers may see, and the lists built from them: the publishing rules.

`published()` and the other verbs are what every list, feed, sitemap and
search asks; `ArticlePage.objects` is built from them.
"""

from django.db.models import Exists, F, OuterRef, Prefetch, Q
from django.db.models.functions import Length, Substr
from django.utils import timezone
from wagtail.models import PageManager, PageViewRestriction
from wagtail.query import PageQuerySet

from kronika.base import languages
from kronika.base.models import KronikaRendition
from kronika.news import privacy
from kronika.news.bylines import with_bylines

TEASER_FIELDS = (
    "title",
    "listing_title",
    "standfirst",
    "url_path",
    "path",
    "first_published_at",
    "expire_at",
    "hero_image",
)

# The sizes a teaser draws its picture at (news/includes/teaser.html), and the
# same without the format for an SVG, which Wagtail never rasterizes.
TEASER_RENDITIONS = (
    "fill-480x270|format-webp",
    "fill-960x540|format-webp",
    "fill-480x270",
    "fill-960x540",
)


def _teaser_renditions() -> Prefetch:
    """A list's pictures with only the renditions its teasers draw.

    A picture has half a dozen (the article page's, feeds', social cards'):
    reading them all cost a cold list page about a millisecond, and Wagtail
    pickles each rendition it hands out together with its picture's others.
    They go where Wagtail looks for prefetched renditions besides the related
    manager: filling the manager with a filtered list would make it look up
    any other size in that list alone, and fail to create one that exists.
    """
    return Prefetch(
        "hero_image__renditions",
        queryset=KronikaRendition.objects.filter(filter_spec__in=TEASER_RENDITIONS),
        to_attr="prefetched_renditions",
    )


def _under_a_view_restriction():
    """Whether a privacy setting covers the page, on it or on an ancestor.

    Plain path prefixes kept in memory (see kronika.news.privacy): nothing to
    exclude when no page is private. Past privacy.MAX_PREFIXES restrictions,
    a condition inside the same query instead, which costs a subquery per row.
    """
    paths = privacy.restricted_paths()
    if len(paths) <= privacy.MAX_PREFIXES:
        return Q(*(Q(path__startswith=path) for path in paths), _connector=Q.OR)
    covering = PageViewRestriction.objects.annotate(
        prefix=Substr(OuterRef("path"), 1, Length("page__path"))
    ).filter(page__path=F("prefix"))
    return Q(Exists(covering))


class ArticlePageQuerySet(PageQuerySet):
    def published(self):
        """Live articles inside their publication window: what readers may see now.

        A private article (one whose privacy setting asks for a password, a
        sign-in or a group) is served by Wagtail only to those it lets in, and is
        left out of every list, feed, sitemap and search, which everyone shares.
        """
        return self._in_publication_window().exclude(_under_a_view_restriction())

    def published_for_search_backend(self):
        """published(), in filters Wagtail's search backends can apply.

        They take only lookups on indexed fields: path prefixes while there are
        few restrictions, else Wagtail's public(), which reads them all first.
        """
        if len(privacy.restricted_paths()) <= privacy.MAX_PREFIXES:
            return self.published()
        return self._in_publication_window().public()

    def _in_publication_window(self):
        now = timezone.now()
        return self.live().filter(
            Q(expire_at__isnull=True) | Q(expire_at__gt=now),
            first_published_at__isnull=False,
            first_published_at__lte=now,
        )

    def in_language(self, code: str | None = None):
        """In the language `code`, by default the one being read: each language lists its own."""
        return languages.in_language(self, code)

    def in_language_of(self, page):
        """In the language `page` is in."""
        return self.filter(locale_id=page.locale_id)

    def in_section(self, section):
        """Articles filed in `section` or any of its subsections."""
        return self.descendant_of(section)

    def by_author(self, author):
        return self.filter(article_authors__author=author)

    def tagged(self, tag):
        return self.filter(tagged_items__tag=tag)

    def newest_first(self):
        return self.order_by("-first_published_at", "-pk")

    def teasers(self):
        """Only the columns a teaser shows: a page row has dozens, and building
        the SQL for all of them costs more than running the query."""
        return self.only(*TEASER_FIELDS).select_related("hero_image")

    def for_listing(self):
        """What a list of teasers needs, in a fixed number of queries."""
        return self.teasers().prefetch_related(_teaser_renditions(), with_bylines())


ArticlePageManager = PageManager.from_queryset(ArticlePageQuerySet)
