"""The XSL stylesheet that turns a feed into a page a browser can show.

A reader who follows the RSS link gets the feed itself; the browser applies
this stylesheet to it and shows the paper's name, what a feed is, how to
subscribe (the feed's own address, to copy) and the latest stories. News
readers ignore it and keep reading the XML.

It is a view, not a static file: browsers apply only a stylesheet from the
feed's own origin, and static files may be served from a CDN; the view also
names the site's stylesheets by their hashed names and the paper by its name.
The page it makes has no inline style or script, which the site's
Content-Security-Policy would block in the feed's document.
"""

from django.shortcuts import render

from kronika.pagecache import tags as cache_tags

# What Django's syndication framework and every browser expect; the registered
# type, application/xslt+xml, is still not understood by all of them.
STYLESHEET_TYPE = "text/xsl"


def feed_stylesheet(request):
    # It changes only with the paper's settings, which render every cached page afresh.
    cache_tags.depends_on(request)
    return render(
        request,
        "feeds/feed.xsl",
        content_type=f"{STYLESHEET_TYPE}; charset=utf-8",
    )
