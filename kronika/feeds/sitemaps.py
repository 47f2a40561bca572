"""The sitemap index, its sitemaps, and the Google News sitemap.

Django's sitemap framework splits every sitemap into pages of 50,000 addresses
and lists each page in the index with its lastmod. Addresses come from the
pages' url_path, so listing 100,000 articles costs one query per page of the
sitemap, not one per article.

A paper in several languages lists every page in each, and names each page's
translations beside it (<xhtml:link rel="alternate" hreflang>, x-default the
first language's or the first there is), as its own <head> does: one more
query per page of the sitemap.
"""

from collections import defaultdict
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.db.models import Max
from django.urls import reverse
from django.utils import timezone, translation
from taggit.models import Tag
from wagtail.models import Page

from kronika.base.languages import locale_ids, multilingual
from kronika.base.page_urls import home_address
from kronika.news.models import ArticlePage, Author, HomePage, SectionPage

NEWS_WINDOW = timedelta(days=2)
NEWS_LIMIT = 1000
SECTION_FIELDS = (
    "url_path",
    "last_published_at",
    "first_published_at",
    "locale_id",
    "translation_key",
)


@dataclass(frozen=True)
class Root:
    """Where a language's pages are: its home page's url_path, and its address."""

    code: str
    url_path: str
    address: str


def language_roots() -> dict[int, Root]:
    """Each configured language's home page, by locale id."""
    codes = {locale_id: code for code, locale_id in locale_ids().items()}
    roots = {}
    for home in HomePage.objects.filter(locale_id__in=codes).only("url_path", "locale_id"):
        code = codes[home.locale_id]
        roots[home.locale_id] = Root(code, home.url_path, home_address(code))
    return roots


def page_path(page, root: Root) -> str:
    """A page's address on the default site, from its url_path."""
    return root.address + page.url_path[len(root.url_path) :]


class PageSitemap(Sitemap):
    def roots(self) -> dict[int, Root]:
        if not hasattr(self, "_roots"):
            self._roots = language_roots()
        return self._roots

    def location(self, page):
        return page_path(page, self.roots()[page.locale_id])

    def readable(self):
        """The pages a translation named beside a page may be: those readers may see."""
        return Page.objects.live().public()

    def lastmod(self, page):
        return page.last_published_at or page.first_published_at

    def get_urls(self, page=1, site=None, protocol=None):
        urls = super().get_urls(page, site, protocol)
        if multilingual():
            self._add_alternates(urls, f"{self.get_protocol(protocol)}://{self.get_domain(site)}")
        return urls

    def _add_alternates(self, urls, origin: str) -> None:
        roots = self.roots()
        order = {code: place for place, code in enumerate(settings.KRONIKA_LANGUAGES)}
        versions = defaultdict(list)
        keys = {url["item"].translation_key for url in urls}
        for version in (
            self.readable()
            .filter(translation_key__in=keys, locale_id__in=roots)
            .only("url_path", "locale_id", "translation_key")
        ):
            versions[version.translation_key].append(version)
        for url in urls:
            found = sorted(
                versions[url["item"].translation_key], key=lambda v: order[roots[v.locale_id].code]
            )
            if len(found) < 2:
                continue
            url["alternates"] = [
                {"lang_code": roots[v.locale_id].code, "location": origin + self.location(v)}
                for v in found
            ] + [{"lang_code": "x-default", "location": origin + self.location(found[0])}]


class ArticleSitemap(PageSitemap):
    def readable(self):
        return ArticlePage.objects.published()

    def items(self):
        return (
            ArticlePage.objects.published()
            .filter(locale_id__in=self.roots())
            .order_by("first_published_at", "pk")
            .only(
                "url_path",
                "first_published_at",
                "last_published_at",
                "locale_id",
                "translation_key",
            )
        )

    def get_latest_lastmod(self):
        return ArticlePage.objects.published().aggregate(latest=Max("last_published_at"))["latest"]


class NewsSitemap(ArticleSitemap):
    """Articles of the last two days, newest first, for Google News."""

    limit = NEWS_LIMIT

    def items(self):
        roots = self.roots()
        articles = list(
            ArticlePage.objects.published()
            .filter(first_published_at__gte=timezone.now() - NEWS_WINDOW, locale_id__in=roots)
            .newest_first()
            .only("title", "url_path", "first_published_at", "last_published_at", "locale_id")[
                :NEWS_LIMIT
            ]
        )
        for article in articles:
            # Google News names each article's language (news_sitemap.xml).
            article.language_code = roots[article.locale_id].code
        return articles


class SectionSitemap(PageSitemap):
    def items(self):
        return [
            *HomePage.objects.live().filter(locale_id__in=self.roots()).only(*SECTION_FIELDS),
            *SectionPage.objects.live()
            .filter(locale_id__in=self.roots())
            .order_by("path")
            .only(*SECTION_FIELDS),
        ]

    def lastmod(self, page):
        return None


class InEachLanguage(Sitemap):
    """Tags or authors, each in every language it has published articles in."""

    def items(self):
        listed = []
        for code in settings.KRONIKA_LANGUAGES:
            live = ArticlePage.objects.published().in_language(code).values("pk")
            listed += [(code, found) for found in self.having(live)]
        return listed

    def location(self, item):
        code, found = item
        with translation.override(code):
            return self.address(found)

    def lastmod(self, item):
        return item[1].latest


class TagSitemap(InEachLanguage):
    def having(self, live):
        return (
            Tag.objects.filter(news_articletag_items__content_object__in=live)
            .annotate(latest=Max("news_articletag_items__content_object__last_published_at"))
            .order_by("slug")
        )

    def address(self, tag):
        return reverse("news:tag", args=[tag.slug])


class AuthorSitemap(InEachLanguage):
    def having(self, live):
        return (
            Author.objects.filter(article_links__page__in=live)
            .annotate(latest=Max("article_links__page__last_published_at"))
            .order_by("slug")
        )

    def address(self, author):
        return author.get_absolute_url()


SITEMAPS = {
    "articles": ArticleSitemap,
    "sections": SectionSitemap,
    "tags": TagSitemap,
    "authors": AuthorSitemap,
    "news": NewsSitemap,
}
