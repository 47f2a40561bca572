"""What a feed item carries, gathered for a page of articles in a fixed number of queries."""

import re
from dataclasses import dataclass, field

from django.db.models import Prefetch

from kronika.news.models import ArticleAuthor, ArticlePage, SectionPage
from kronika.pagecache import tags as cache_tags

FEED_LENGTH = 20
ENCLOSURE_FILTER = "max-1200x1200|format-jpeg"
_RELATIVE = re.compile(r'((?:src|href)=")/(?!/)|((?:srcset)="[^"]*)')


@dataclass
class Picture:
    url: str
    size: int
    width: int
    height: int
    mime_type: str = "image/jpeg"


@dataclass
class Item:
    article: ArticlePage
    url: str
    section: SectionPage | None
    authors: list[tuple[str, str]] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    picture: Picture | None = None


def latest(queryset, count: int = FEED_LENGTH):
    return list(
        queryset.published()
        .newest_first()
        .select_related("hero_image")
        .prefetch_related(
            Prefetch("article_authors", queryset=ArticleAuthor.objects.select_related("author")),
            "tags",
            "hero_image__renditions",
        )[:count]
    )


def items_for(request, articles) -> list[Item]:
    cache_tags.depends_on_articles(request, articles)
    parents = {
        section.path: section
        for section in SectionPage.objects.filter(
            path__in={article.path[: -ArticlePage.steplen] for article in articles}
        )
    }
    items = []
    for article in articles:
        seen = {}
        for link in article.article_authors.all():
            seen.setdefault(
                link.author_id,
                (link.author.name, request.build_absolute_uri(link.author.get_absolute_url())),
            )
        items.append(
            Item(
                article=article,
                url=request.build_absolute_uri(article.get_url(request)),
                section=parents.get(article.path[: -ArticlePage.steplen]),
                authors=list(seen.values()),
                tags=[tag.name for tag in article.tags.all()],
                picture=picture(request, article.hero_image) if article.hero_image else None,
            )
        )
    return items


def absolute_html(request, html: str) -> str:
    """Make the site's own links and image addresses absolute, for readers elsewhere."""
    root = request.build_absolute_uri("/")[:-1]

    def fix(match):
        if match.group(1):
            return f"{match.group(1)}{root}/"
        return re.sub(r"(^|,\s*|=\")/(?!/)", lambda m: f"{m.group(1)}{root}/", match.group(2))

    return _RELATIVE.sub(fix, html)


def full_text(request, article) -> str:
    return absolute_html(request, str(article.body))


def picture(request, image) -> Picture:
    """The hero image as a file a feed reader can fetch: its address, size and type."""
    rendition = image.get_rendition(ENCLOSURE_FILTER)
    try:
        size = rendition.file.size
    except OSError:
        size = 0
    return Picture(
        request.build_absolute_uri(rendition.url), size, rendition.width, rendition.height
    )
