"""A page that says how to follow the paper in a news reader, with its feeds' addresses.

The site's footer links here rather than to the raw feed: browsers no longer
show a feed as a page. Chromium shows RSS and Atom (application/rss+xml,
application/atom+xml) as plain text without running their stylesheet, Firefox
downloads them, and Chromium runs XSLT only under a banner saying it is being
removed. Serving this page at the feeds' own addresses to browsers (by the
Accept header) would need the page cache, which keys by address alone, and
shared caches that ignore Vary to tell the two apart; a page of its own
needs neither, and news readers still find the feeds in its <link> tags.
"""

from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _

from kronika.news.navigation import sections_for_navigation
from kronika.pagecache import tags as cache_tags


def subscribe_page(request):
    # Sections, like every page's navigation, change the site tag every page depends on.
    cache_tags.depends_on(request)
    feeds = [
        (_("Every story, as RSS"), reverse("feeds:rss")),
        (_("Every story, as Atom"), reverse("feeds:atom")),
        (_("Every story, as JSON Feed"), reverse("feeds:json")),
    ]
    feeds += [
        (
            _("%(section)s, as RSS") % {"section": section.title},
            reverse("feeds:section_rss", args=[section.slug]),
        )
        for section in sections_for_navigation(request)
    ]
    addresses = [(label, request.build_absolute_uri(path)) for label, path in feeds]
    return render(request, "feeds/subscribe.html", {"feeds": addresses})
