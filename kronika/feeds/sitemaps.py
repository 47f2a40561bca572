"""The sitemap index, its sitemaps, and the Google News sitemap.

Django's sitemap framework splits every sitemap into pages of 50,000 addresses
and lists each page in the index with its lastmod. Addresses come from the
pages' url_path, so listing 100,000 articles costs one query per page of the
sitemap, not one per article.
"""

from datetime import timedelta

from django.contrib.sitemaps import Sitemap
from django.db.models import Max
from django.urls import reverse
from django.utils import timezone
from taggit.models import Tag

from kronika.news.models import ArticlePage, Author, HomePage, SectionPage

NEWS_WINDOW = timedelta(days=2)
NEWS_LIMIT = 1000


def _root_path() -> str:
    home = HomePage.objects.only("url_path").first()
    return home.url_path if home else "/"


def page_path(page, root: str) -> str:
    """A page's address on the default site, from its url_path."""
    return "/" + page.url_path[len(root) :]


class PageSitemap(Sitemap):
    def location(self, page):
        if not hasattr(self, "_root"):
            self._root = _root_path()
        return page_path(page, self._root)

    def lastmod(self, page):
        return page.last_published_at or page.first_published_at


class ArticleSitemap(PageSitemap):
    def items(self):
        return (
            ArticlePage.objects.published()
            .order_by("first_published_at", "pk")
            .only("url_path", "first_published_at", "last_published_at")
        )

    def get_latest_lastmod(self):
        return ArticlePage.objects.published().aggregate(latest=Max("last_published_at"))["latest"]


class NewsSitemap(ArticleSitemap):
    """Articles of the last two days, newest first, for Google News."""

    limit = NEWS_LIMIT

    def items(self):
        return (
            ArticlePage.objects.published()
            .filter(first_published_at__gte=timezone.now() - NEWS_WINDOW)
            .newest_first()
            .only("title", "url_path", "first_published_at", "last_published_at")[:NEWS_LIMIT]
        )


class SectionSitemap(PageSitemap):
    def items(self):
        return [
            *HomePage.objects.live().only("url_path", "last_published_at", "first_published_at"),
            *SectionPage.objects.live()
            .order_by("path")
            .only("url_path", "last_published_at", "first_published_at"),
        ]

    def lastmod(self, page):
        return None


class TagSitemap(Sitemap):
    def items(self):
        live = ArticlePage.objects.published().values("pk")
        return (
            Tag.objects.filter(news_articletag_items__content_object__in=live)
            .annotate(latest=Max("news_articletag_items__content_object__last_published_at"))
            .order_by("slug")
        )

    def location(self, tag):
        return reverse("news:tag", args=[tag.slug])

    def lastmod(self, tag):
        return tag.latest


class AuthorSitemap(Sitemap):
    def items(self):
        live = ArticlePage.objects.published().values("pk")
        return (
            Author.objects.filter(article_links__page__in=live)
            .annotate(latest=Max("article_links__page__last_published_at"))
            .order_by("slug")
        )

    def location(self, author):
        return author.get_absolute_url()

    def lastmod(self, author):
        return author.latest


SITEMAPS = {
    "articles": ArticleSitemap,
    "sections": SectionSitemap,
    "tags": TagSitemap,
    "authors": AuthorSitemap,
    "news": NewsSitemap,
}
