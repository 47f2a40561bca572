"""The newspaper: a home page, sections, articles, their authors and tags."""

import copy
from datetime import timedelta

from django.db import models
from django.db.models import Q, prefetch_related_objects
from django.http import Http404
from django.utils import timezone
from django.utils.functional import cached_property
from modelcluster.contrib.taggit import ClusterTaggableManager
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index
from wagtail.url_routing import RouteResult

from kronika.base.blocks import BodyBlock
from kronika.base.editing import FirstDraftTitlePanel, PageForm
from kronika.base.models import BasePage, KronikaImage, PaperSettings
from kronika.base.stemming import stems_of
from kronika.base.text import plain_text
from kronika.news import sitewide

# The app's other models live beside what they serve; importing them here
# registers them with Django, and keeps `kronika.news.models` their address.
from kronika.news.addresses import RESERVED_SLUGS
from kronika.news.bylines import ArticleAuthor, ArticleTag, Author  # noqa: F401
from kronika.news.editing import HEADLINE_HELP, ArticlePageForm
from kronika.news.editor_panels import SETTINGS_PANELS, FeaturePanels
from kronika.news.front_page import FrontPage, build_front_page, next_midnight
from kronika.news.listing import kept_ids, kept_teasers, page_of_articles
from kronika.news.neighbours import neighbours
from kronika.news.privacy import RestrictionsKeptInMemory
from kronika.news.queries import ArticlePageManager
from kronika.news.related_lists import ArticleTerm, RelatedArticle  # noqa: F401
from kronika.pagecache import tags as cache_tags


class SectionPageForm(PageForm):
    def clean(self):
        cleaned_data = super().clean()
        slug = cleaned_data.get("slug")
        if slug in RESERVED_SLUGS and self.parent_page.specific_class is HomePage:
            self.add_error("slug", f"“{slug}” is an address the site itself uses.")
        return cleaned_data


class HomePage(RestrictionsKeptInMemory, BasePage):
    lead_article = models.ForeignKey(
        "news.ArticlePage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The top story. Defaults to the newest article with a picture.",
    )
    tagline = models.CharField(
        max_length=255,
        blank=True,
        help_text=(
            "The paper's tagline in this edition's language, where readers see the "
            "tagline. Leave it empty to show the one in the paper settings."
        ),
    )

    content_panels = [
        FirstDraftTitlePanel("title"),
        FieldPanel("tagline"),
        FieldPanel("lead_article"),
    ]
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["news.SectionPage", "base.StandardPage"]
    max_count = 1
    template = "news/home_page.html"

    @property
    def localized(self):
        # kronika.news.sitewide roots each request's Site at the home page in
        # the request's language, marked so: it is its own translation, with no
        # query for the active locale.
        return self if getattr(self, "language_is_active", False) else super().localized

    def route(self, request, path_components):
        # The home page is not published in the address's language ("/lt/…"
        # before the paper has a Lithuanian edition): no page there is either,
        # rather than the first language's pages at a second address.
        if getattr(self, "language_is_active", True) is False:
            raise Http404
        # Most of the paper's addresses are articles. One query on the indexed
        # slug finds one, where Wagtail would walk down the tree with two
        # queries per level; anything else is routed by Wagtail as usual.
        address = f"{self.url_path}{'/'.join(path_components)}/"
        # Every section is kept in memory behind SITE, which any change to one
        # bumps: a section page is routed without the two queries of a tree walk.
        section = sitewide.section_at_address(request, address) if path_components else None
        if section is not None and section.live:
            return RouteResult(copy.copy(section))
        if len(path_components) > 1:
            article = (
                ArticlePage.objects.live()
                .filter(slug=path_components[-1], url_path=address)
                .select_related("hero_image")
                .first()
            )
            if article is not None:
                return RouteResult(article)
        return super().route(request, path_components)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        front = kept_teasers(
            request,
            f"front:{self.pk}",
            cache_tags.listing(),
            self._front_page,
            FrontPage.articles,
        )
        cache_tags.depends_on(request, cache_tags.listing(), until=next_midnight())
        cache_tags.depends_on_articles(request, front.articles())
        context.update(front=front, today=timezone.localdate())
        return context

    def _front_page(self) -> FrontPage:
        return build_front_page(
            ArticlePage.objects.published().in_language_of(self).newest_first().teasers(),
            self.lead_article_id,
            SectionPage.objects.live().child_of(self).order_by("path"),
        )


class SectionPage(RestrictionsKeptInMemory, BasePage):
    intro = models.TextField(blank=True, max_length=500)

    content_panels = [FirstDraftTitlePanel("title"), FieldPanel("intro")]
    parent_page_types = ["news.HomePage", "news.SectionPage"]
    subpage_types = ["news.ArticlePage", "news.SectionPage"]
    template = "news/section_page.html"

    search_fields = [*Page.search_fields, index.SearchField("intro")]
    base_form_class = SectionPageForm

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Positions are kept per section: a deep page is a slice of them and a
        # look-up by key, where OFFSET would walk past every newer article.
        page = page_of_articles(request, self.article_ids(request), ArticlePage.objects)
        context["articles"] = page
        cache_tags.depends_on(request, cache_tags.listing("section", self.pk))
        cache_tags.depends_on_articles(request, page.object_list)
        return context

    def article_ids(self, request) -> tuple[int, ...]:
        """The section's published articles, newest first, by id: kept until its list changes."""
        return kept_ids(
            request,
            f"section-articles:{self.pk}",
            cache_tags.listing("section", self.pk),
            ArticlePage.objects.published().in_section(self).newest_first(),
        )

    def newest(self, request, count: int):
        """The section's newest teasers, kept until its list or one of their cards changes."""

        def build():
            teasers = list(
                ArticlePage.objects.published().in_section(self).newest_first().teasers()[:count]
            )
            prefetch_related_objects(teasers, "hero_image__renditions")
            return teasers

        key = f"section-newest:{self.pk}:{count}"
        return kept_teasers(request, key, cache_tags.listing("section", self.pk), build)


class ArticlePage(RestrictionsKeptInMemory, BasePage):
    standfirst = models.TextField(
        max_length=600,
        help_text="One or two sentences under the headline that tell the story. "
        "Search engines show about 160 characters of it.",
    )
    hero_image = models.ForeignKey(
        KronikaImage, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    hero_caption = models.CharField(
        max_length=500, blank=True, help_text="Defaults to the image's description."
    )
    body = StreamField(BodyBlock())
    dateline = models.CharField(
        max_length=120,
        blank=True,
        help_text="The place the story was reported from, as printed in the byline: “Vilnius”.",
    )
    tags = ClusterTaggableManager(through=ArticleTag, blank=True)
    # Counts kept by the comments and ratings apps as their rows change, so that
    # the page shows them without counting; never part of a revision (below).
    comment_count = models.PositiveIntegerField(default=0, editable=False)
    rating_count = models.PositiveIntegerField(default=0, editable=False)
    rating_stars = models.PositiveIntegerField(default=0, editable=False)

    objects = ArticlePageManager()

    content_panels = [
        FirstDraftTitlePanel("title", heading="Headline", help_text=HEADLINE_HELP),
        FieldPanel("standfirst"),
        MultiFieldPanel([FieldPanel("hero_image"), FieldPanel("hero_caption")], "Picture"),
        FieldPanel("body"),
        MultiFieldPanel(
            [InlinePanel("article_authors", label="Author", min_num=1), FieldPanel("dateline")],
            "Byline",
        ),
        FieldPanel("tags"),
    ]
    # What features keep per article (comments, Telegram) comes from their apps.
    settings_panels = [*BasePage.settings_panels, FeaturePanels(SETTINGS_PANELS)]
    base_form_class = ArticlePageForm

    parent_page_types = ["news.SectionPage"]
    subpage_types = []
    template = "news/article_page.html"

    search_fields = [
        *Page.search_fields,
        index.SearchField("standfirst"),
        index.SearchField("body"),
        index.RelatedFields("tags", [index.SearchField("name")]),
        index.RelatedFields(
            "article_authors", [index.RelatedFields("author", [index.SearchField("name")])]
        ),
        index.SearchField("search_stems"),
        index.FilterField("first_published_at"),
        index.FilterField("expire_at"),
    ]

    class Meta:
        verbose_name = "article"

    COUNTS = ("comment_count", "rating_count", "rating_stars")
    exclude_fields_in_copy = list(COUNTS)

    def with_content_json(self, content):
        # A revision carries the counts of when it was saved; publishing it must
        # keep today's.
        page = super().with_content_json(content)
        for name in self.COUNTS:
            setattr(page, name, getattr(self, name))
        return page

    def serve(self, request, *args, **kwargs):
        # Between an expiry time and the worker unpublishing the article, it must
        # already be gone for readers.
        if self.expire_at and self.expire_at <= timezone.now():
            raise Http404
        return super().serve(request, *args, **kwargs)

    @cached_property
    def section(self):
        # Articles live only in sections, so the parent can be read as one in one query.
        return SectionPage.objects.get(path=self.parent_path)

    @property
    def parent_path(self) -> str:
        return self.path[: -self.steplen]

    @cached_property
    def authors(self) -> list[Author]:
        # No unique constraint backs this up: modelcluster saves a re-added author
        # before deleting the old row, so duplicates are dropped here instead.
        links = getattr(self, "prefetched_author_links", None)
        if links is None:
            links = self.article_authors.select_related("author")
        return list({link.author_id: link.author for link in links}.values())

    @cached_property
    def tag_list(self):
        """The article's tags, read once however many parts of the page show them."""
        return list(self.tags.all())

    @property
    def search_stems(self) -> str:
        """Stems of the article's words, so inflected forms find it (see kronika.search)."""
        # From the stored blocks, like search snippets: rendering the body and
        # stripping its tags took minutes for a quote of "<a<a<a…" a megabyte long.
        return stems_of(f"{self.title} {plain_text(self)}")

    @property
    def hero_alt(self) -> str:
        """The picture's alt text, unless the caption under it says the same.

        A screen reader would read it twice: the caption then describes the picture.
        """
        if self.hero_image is None:
            return ""
        alt = self.hero_image.alt_text
        return "" if alt == (self.hero_caption or self.hero_image.description) else alt

    WORDS_READ_A_MINUTE = 230

    @cached_property
    def reading_minutes(self) -> int:
        """How long the text takes to read at an adult's usual silent pace, at least a minute."""
        words = len(f"{self.standfirst} {plain_text(self)}".split())
        return max(1, round(words / self.WORDS_READ_A_MINUTE))

    @property
    def updated_at(self):
        """When the article was last republished, if that was after its first publication."""
        first, last = self.first_published_at, self.last_published_at
        if first and last and last - first > timedelta(minutes=1):
            return last
        return None

    def _neighbour(self, *, newer: bool):
        if self.first_published_at is None:
            return None
        moment, pk = self.first_published_at, self.pk
        # A range on first_published_at alone lets the database walk its index from
        # this article outwards; an OR of two ranges made it scan from the far end.
        if newer:
            after = Q(first_published_at__gte=moment) & ~Q(first_published_at=moment, pk__lte=pk)
            order = ("first_published_at", "pk")
        else:
            after = Q(first_published_at__lte=moment) & ~Q(first_published_at=moment, pk__gte=pk)
            order = ("-first_published_at", "-pk")
        # The article's own bound comes first: SQLite seeks its index with the
        # first of two upper bounds on a column, and published()'s "until now"
        # made it walk down from today to an old article's previous one
        # (6 ms at 100,000 articles; 1 ms from the article).
        return (
            ArticlePage.objects.filter(after)
            .published()
            .in_language_of(self)
            .order_by(*order)
            .only("title", "url_path", "expire_at")
            .first()
        )

    @cached_property
    def previous_article(self):
        """The article published just before this one, anywhere in the paper in its language."""
        return self._neighbour(newer=False)

    @cached_property
    def next_article(self):
        return self._neighbour(newer=True)

    def more_in_section(self, request, count: int = 4):
        # One more than shown, so that the list is the same for every article of
        # the section, and kept once for all of them.
        newest = self.section.newest(request, count + 1)
        return [article for article in newest if article.pk != self.pk][:count]

    RELATED_SHOWN = 4

    def related_articles(self, count: int = RELATED_SHOWN):
        """The stored "You may also like" list, skipping anything no longer published."""
        return list(
            ArticlePage.objects.published()
            .in_language_of(self)
            .filter(related_to__article=self)
            .order_by("related_to__rank")
            .teasers()[:count]
        )

    def get_context(self, request, *args, **kwargs):
        if "section" not in self.__dict__:
            section = sitewide.section_at(request, self.parent_path)
            if section is not None:
                self.section = section
        if "previous_article" not in self.__dict__:
            found = neighbours(request, self, ArticlePage.objects)
            self.previous_article, self.next_article = found
        context = super().get_context(request, *args, **kwargs)
        paper = PaperSettings.for_request(request)
        context["paper"] = paper
        context["related"] = self.related_articles()
        context["more_in_section"] = self.more_in_section(request)
        cache_tags.depends_on(
            request, cache_tags.listing("section", self.section.pk), until=self.expire_at
        )
        cache_tags.depends_on_articles(
            request,
            [
                self.previous_article,
                self.next_article,
                *context["related"],
                *context["more_in_section"],
            ],
        )
        return context
