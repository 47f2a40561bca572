"""The addresses crawlers read, one for the whole site in every language.

robots.txt and the sitemaps sit outside the language prefixes: a crawler looks
for robots.txt at the root only, and the sitemaps list each article with its
translations as alternates (kronika.feeds.sitemaps).
"""

from django.contrib.sitemaps import views as sitemap_views

from kronika.feeds.robots import robots_txt
from kronika.feeds.sitemaps import SITEMAPS
from kronika.feeds.urls import reader_path
from kronika.pagecache import tags as cache_tags

app_name = "crawlers"


def cached(view):
    """Let the page cache keep the view's answers until any article changes.

    Sitemaps list every article with its last change, so any change is theirs.
    """

    def cached_view(request, *args, **kwargs):
        cache_tags.depends_on(request, cache_tags.ARTICLES)
        return view(request, *args, **kwargs)

    return cached_view


urlpatterns = [
    reader_path("robots.txt", cached(robots_txt), name="robots"),
    reader_path(
        "sitemap.xml",
        cached(sitemap_views.index),
        {"sitemaps": SITEMAPS, "sitemap_url_name": "crawlers:sitemap"},
        name="sitemap_index",
    ),
    reader_path(
        "sitemap-news.xml",
        cached(sitemap_views.sitemap),
        {"sitemaps": {"news": SITEMAPS["news"]}, "template_name": "feeds/news_sitemap.xml"},
        name="news_sitemap",
    ),
    reader_path(
        "sitemap-<slug:section>.xml",
        cached(sitemap_views.sitemap),
        {"sitemaps": SITEMAPS},
        name="sitemap",
    ),
]
