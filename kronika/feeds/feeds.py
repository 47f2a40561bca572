"""RSS 2.0 and Atom 1.0 feeds of the paper, a section, a tag or an author.

Django's syndication framework writes the feeds; the generators below add what
news readers expect on top: every author, the full text, and the picture. Each
feed names the paper's XSL stylesheet (`stylesheet.py`), so that a browser
shows a reader who follows the RSS link a page that says how to subscribe;
news readers skip the instruction.
"""

from django.contrib.syndication.views import Feed
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import (
    Atom1Feed,
    Enclosure,
    Rss201rev2Feed,
    Stylesheet,
    rfc3339_date,
)
from django.utils.html import escape
from django.utils.translation import get_language, gettext
from django.utils.xmlutils import SimplerXMLGenerator
from taggit.models import Tag

from kronika.base.languages import in_language
from kronika.base.models import PaperSettings
from kronika.feeds import content
from kronika.feeds.models import FeedSettings
from kronika.feeds.stylesheet import STYLESHEET_TYPE
from kronika.feeds.xml import xml_text
from kronika.news.models import ArticlePage, Author, SectionPage
from kronika.pagecache import tags as cache_tags


class RssFeed(Rss201rev2Feed):
    def rss_attributes(self):
        return {
            **super().rss_attributes(),
            "xmlns:content": "http://purl.org/rss/1.0/modules/content/",
            "xmlns:dc": "http://purl.org/dc/elements/1.1/",
            "xmlns:dcterms": "http://purl.org/dc/terms/",
            "xmlns:media": "http://search.yahoo.com/mrss/",
        }

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        for name, _url in item["authors"]:
            handler.addQuickElement("dc:creator", name)
        if item.get("updateddate"):
            # RSS has no update time of its own; Dublin Core's is the one readers know.
            handler.addQuickElement("dcterms:modified", rfc3339_date(item["updateddate"]))
        if item.get("content_html"):
            handler.addQuickElement("content:encoded", item["content_html"])
        if item.get("media"):
            handler.addQuickElement("media:content", "", item["media"])


class AtomFeed(Atom1Feed):
    def write(self, outfile, encoding):
        # Django 5.2 writes `stylesheets` into RSS only; the processing
        # instruction must come before the root element, so Atom's write is
        # Django's with that one step added (as RssFeed.write has it).
        handler = SimplerXMLGenerator(outfile, encoding, short_empty_elements=True)
        handler.startDocument()
        for stylesheet in self.feed["stylesheets"] or []:
            handler.processingInstruction("xml-stylesheet", stylesheet)
        handler.startElement("feed", self.root_attributes())
        self.add_root_elements(handler)
        self.write_items(handler)
        handler.endElement("feed")

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        for name, url in item["authors"]:
            handler.startElement("author", {})
            handler.addQuickElement("name", name)
            handler.addQuickElement("uri", url)
            handler.endElement("author")
        if item.get("content_html"):
            handler.addQuickElement("content", item["content_html"], {"type": "html"})


class ArticleFeed(Feed):
    """The latest live articles of the paper, or of one section, tag or author."""

    feed_type = RssFeed
    kinds = {"section", "tag", "author"}

    def __call__(self, request, *args, **kwargs):
        self.request = request
        self.paper = PaperSettings.for_request(request)
        self.full_text = FeedSettings.for_request(request).full_text
        # Django reads the language as a plain attribute, not a method. Each
        # language has feeds of its own, at its own prefix ("/lt/feeds/rss/").
        self.language = get_language()
        return super().__call__(request, *args, **kwargs)

    def get_feed(self, obj, request):
        feed = super().get_feed(obj, request)
        # Django refuses to write a control character, which XML cannot hold:
        # one pasted into a headline would take the whole feed down.
        feed.feed = xml_text(feed.feed)
        feed.items = [xml_text(item) for item in feed.items]
        return feed

    def stylesheets(self):
        # A path, not an address: browsers apply only a stylesheet of the
        # feed's own origin. No media, so that printing the page prints it too.
        return [Stylesheet(reverse("feeds:stylesheet"), mimetype=STYLESHEET_TYPE, media=None)]

    def get_object(self, request, kind=None, slug=None):
        if kind is None:
            return None
        if kind == "section":
            return get_object_or_404(in_language(SectionPage.objects.live()), slug=slug)
        if kind == "tag":
            tag = get_object_or_404(Tag, slug=slug)
            if not ArticlePage.objects.published().in_language().tagged(tag).exists():
                raise Http404("No published article has this tag.")
            return tag
        if kind == "author":
            return get_object_or_404(Author, slug=slug)
        raise Http404

    def articles(self, obj):
        articles = ArticlePage.objects.in_language()
        if isinstance(obj, SectionPage):
            return articles.in_section(obj)
        if isinstance(obj, Tag):
            return articles.tagged(obj)
        if isinstance(obj, Author):
            return articles.by_author(obj)
        return articles

    def title(self, obj):
        name = self.paper.name
        if isinstance(obj, SectionPage):
            return f"{obj.title} | {name}"
        if isinstance(obj, Tag):
            tagged = gettext("Tagged “%(name)s”") % {"name": obj.name}
            return f"{tagged} | {name}"
        if isinstance(obj, Author):
            return f"{obj.name} | {name}"
        return name

    def link(self, obj):
        if isinstance(obj, SectionPage):
            return obj.get_url(self.request)
        if isinstance(obj, Tag):
            return reverse("news:tag", args=[obj.slug])
        if isinstance(obj, Author):
            return obj.get_absolute_url()
        return "/"

    def description(self, obj):
        # Readers show RSS descriptions (and Atom's type="html" summaries) as
        # HTML, so plain text goes in escaped, or a standfirst's "<svg onload>"
        # would become markup in every reader.
        return escape(self.plain_description())

    def plain_description(self):
        return self.paper.tagline or self.paper.name

    def items(self, obj):
        cache_tags.depends_on(self.request, self.listing(obj))
        return content.items_for(self.request, content.latest(self.articles(obj)))

    @staticmethod
    def listing(obj) -> str:
        if isinstance(obj, SectionPage):
            return cache_tags.listing("section", obj.pk)
        if isinstance(obj, Tag):
            return cache_tags.listing("tag", obj.pk)
        if isinstance(obj, Author):
            return cache_tags.listing("author", obj.pk)
        return cache_tags.listing()

    def item_title(self, item):
        return item.article.title

    def item_description(self, item):
        return escape(item.article.standfirst)

    def item_link(self, item):
        return item.url

    def item_guid(self, item):
        # The id, not the address: a changed slug or section must not look like a new story.
        return f"{self.request.build_absolute_uri('/')}#article-{item.article.pk}"

    item_guid_is_permalink = False

    def item_pubdate(self, item):
        return item.article.first_published_at

    def item_updateddate(self, item):
        return item.article.last_published_at or item.article.first_published_at

    def item_categories(self, item):
        return [item.section.title, *item.tags] if item.section else item.tags

    def item_enclosures(self, item):
        if item.picture is None:
            return []
        return [Enclosure(item.picture.url, str(item.picture.size), item.picture.mime_type)]

    def item_extra_kwargs(self, item):
        extra = {"authors": item.authors}
        if self.full_text:
            extra["content_html"] = content.full_text(self.request, item.article)
        if item.picture is not None:
            extra["media"] = {
                "url": item.picture.url,
                "type": item.picture.mime_type,
                "medium": "image",
                "width": str(item.picture.width),
                "height": str(item.picture.height),
                "fileSize": str(item.picture.size),
            }
        return extra


class AtomArticleFeed(ArticleFeed):
    feed_type = AtomFeed

    def subtitle(self, obj):
        # Atom's subtitle is plain text.
        return self.plain_description()
