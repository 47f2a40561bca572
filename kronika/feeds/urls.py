from django.contrib.sitemaps import views as sitemap_views
from django.urls import path
from django.views.decorators.http import condition

from kronika.base.reader_methods import only_get_and_head
from kronika.feeds.feeds import ArticleFeed, AtomArticleFeed
from kronika.feeds.json_feed import json_feed
from kronika.feeds.last_modified import feed_last_modified
from kronika.feeds.robots import robots_txt
from kronika.feeds.sitemaps import SITEMAPS
from kronika.feeds.stylesheet import feed_stylesheet
from kronika.feeds.subscribe import subscribe_page
from kronika.pagecache import tags as cache_tags

app_name = "feeds"


def reader_path(route, view, *args, **kwargs):
    """An address readers only read: GET and HEAD, and a 405 page to any other method."""
    return path(route, only_get_and_head(view), *args, **kwargs)


def conditional(view):
    """Last-Modified from the newest change in the feed; the ETag comes from the middleware."""
    return condition(last_modified_func=feed_last_modified)(view)


def cached(view):
    """Let the page cache keep the view's answers until any article changes.

    Sitemaps list every article with its last change, so any change is theirs.
    """

    def cached_view(request, *args, **kwargs):
        cache_tags.depends_on(request, cache_tags.ARTICLES)
        return view(request, *args, **kwargs)

    return cached_view


def per_request(feed_class):
    """A fresh feed object for each request: feeds keep the request on themselves."""

    def view(request, *args, **kwargs):
        return feed_class()(request, *args, **kwargs)

    return view


rss = conditional(per_request(ArticleFeed))
atom = conditional(per_request(AtomArticleFeed))

urlpatterns = [
    reader_path("robots.txt", cached(robots_txt), name="robots"),
    reader_path(
        "sitemap.xml",
        cached(sitemap_views.index),
        {"sitemaps": SITEMAPS, "sitemap_url_name": "feeds:sitemap"},
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
    reader_path("feeds/", subscribe_page, name="subscribe"),
    reader_path("feeds/rss/", rss, name="rss"),
    reader_path("feeds/atom/", atom, name="atom"),
    reader_path("feeds/feed.json", conditional(json_feed), name="json"),
    reader_path("feeds/feed.xsl", feed_stylesheet, name="stylesheet"),
]
for kind in ("section", "tag", "author"):
    urlpatterns += [
        reader_path(f"feeds/{kind}s/<str:slug>/rss/", rss, {"kind": kind}, name=f"{kind}_rss"),
        reader_path(f"feeds/{kind}s/<str:slug>/atom/", atom, {"kind": kind}, name=f"{kind}_atom"),
    ]
