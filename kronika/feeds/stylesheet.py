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

from datetime import date

from django.shortcuts import render
from django.utils.formats import date_format
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

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
        {
            "month_patterns": month_patterns(),
            # The feed's title, which only the stylesheet knows, where a sentence names it.
            "feed_title": mark_safe('<xsl:value-of select="$title"/>'),
        },
        content_type=f"{STYLESHEET_TYPE}; charset=utf-8",
    )


def month_patterns() -> str:
    """Each month's date as the site writes it in the active language, as "|…|…|".

    XSLT 1.0 has no dates: the stylesheet puts a story's day and year where
    {D} and {Y} stand in its month's pattern. The day and year are made out
    of digits no date format writes otherwise (28 and 1999), and the format is
    the site's own ("j F Y", translated: in Lithuanian "Y \\m. E j \\d.").
    """
    patterns = (
        date_format(date(1999, month, 28), _("j F Y")).replace("28", "{D}").replace("1999", "{Y}")
        for month in range(1, 13)
    )
    return "|" + "|".join(patterns) + "|"
