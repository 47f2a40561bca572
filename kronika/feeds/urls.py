from django.urls import path
from django.views.decorators.http import condition

from kronika.feeds.feeds import ArticleFeed, AtomArticleFeed
from kronika.feeds.json_feed import json_feed
from kronika.feeds.last_modified import feed_last_modified

app_name = "feeds"


def conditional(view):
    """Last-Modified from the newest change in the feed; the ETag comes from the middleware."""
    return condition(last_modified_func=feed_last_modified)(view)


rss, atom = conditional(ArticleFeed()), conditional(AtomArticleFeed())

urlpatterns = [
    path("feeds/rss/", rss, name="rss"),
    path("feeds/atom/", atom, name="atom"),
    path("feeds/feed.json", conditional(json_feed), name="json"),
]
for kind in ("section", "tag", "author"):
    urlpatterns += [
        path(f"feeds/{kind}s/<str:slug>/rss/", rss, {"kind": kind}, name=f"{kind}_rss"),
        path(f"feeds/{kind}s/<str:slug>/atom/", atom, {"kind": kind}, name=f"{kind}_atom"),
    ]
