from django.urls import path
from django.views.decorators.http import condition

from kronika.base.reader_methods import only_get_and_head
from kronika.feeds.feeds import ArticleFeed, AtomArticleFeed
from kronika.feeds.json_feed import json_feed
from kronika.feeds.last_modified import feed_last_modified
from kronika.feeds.stylesheet import feed_stylesheet
from kronika.feeds.subscribe import subscribe_page

app_name = "feeds"

# Each language's feeds, under its prefix (kronika.urls); robots.txt and the
# sitemaps, one for the whole site, are in kronika.feeds.crawler_urls.


def reader_path(route, view, *args, **kwargs):
    """An address readers only read: GET and HEAD, and a 405 page to any other method."""
    return path(route, only_get_and_head(view), *args, **kwargs)


def conditional(view):
    """Last-Modified from the newest change in the feed; the ETag comes from the middleware."""
    return condition(last_modified_func=feed_last_modified)(view)


def per_request(feed_class):
    """A fresh feed object for each request: feeds keep the request on themselves."""

    def view(request, *args, **kwargs):
        return feed_class()(request, *args, **kwargs)

    return view


rss = conditional(per_request(ArticleFeed))
atom = conditional(per_request(AtomArticleFeed))

urlpatterns = [
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
