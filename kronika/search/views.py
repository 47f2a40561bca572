from django.conf import settings
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.shortcuts import render

from kronika.base.languages import in_language
from kronika.base.reader_methods import only_get_and_head
from kronika.base.stemming import stem, words
from kronika.news.models import ArticlePage, SectionPage
from kronika.search import dates, fts, tsvector
from kronika.search.snippets import snippet

MAX_QUERY = 200
MAX_TERMS = 12
# What a result shows: a page row has dozens of columns, which cost more to load than to find.
SHOWN = ("title", "url_path", "first_published_at", "standfirst", "body")


@only_get_and_head
def search(request):
    """Search the live articles in the page's language; every query gets a page, never an error."""
    raw = request.GET.get("q", "")
    query = raw[:MAX_QUERY].strip()
    terms = [term for term in words(query) if len(term) > 1][:MAX_TERMS]
    sections = list(
        in_language(SectionPage.objects.live()).order_by("path").only("title", "slug", "path")
    )
    section = next((s for s in sections if s.slug == request.GET.get("section")), None)
    # A date that cannot be read is shown with the form, and left out of the search.
    published = dates.read(request.GET)

    page = None
    capped = False
    if terms:
        # Kronika's own tiers on SQLite and PostgreSQL; Wagtail's backend elsewhere.
        tiered = fts.available() or tsvector.available()
        if tiered:
            articles = ArticlePage.objects.published().in_language()
        else:
            articles = ArticlePage.objects.published_for_search_backend().in_language()
        if section is not None:
            articles = articles.descendant_of(section)
        articles = dates.published_within(articles, published)
        groups = [[term, *({stem(term)} - {None, term})] for term in terms]
        narrow = bool(published.start or published.end)
        if fts.available():
            results, capped = fts.tiered_ids(articles, groups, narrow=narrow)
        elif tsvector.available():
            filtered = narrow or section is not None
            results, capped = tsvector.tiered_ids(articles, groups, filtered=filtered)
        else:
            forms = sorted({form for group in groups for form in group})
            results = articles.search(" ".join(forms), operator="or")
        paginator = Paginator(results, settings.KRONIKA_PAGE_SIZE)
        try:
            page = paginator.page(request.GET.get("page", 1))
        except (EmptyPage, PageNotAnInteger):
            page = paginator.page(1)
        if tiered:
            found = ArticlePage.objects.only(*SHOWN).in_bulk(page.object_list)
            page.object_list = [found[pk] for pk in page.object_list if pk in found]
        for article in page.object_list:
            article.snippet = snippet(article, terms)

    return render(
        request,
        "search/search.html",
        {
            "query": query,
            "truncated": len(raw.strip()) > MAX_QUERY,
            "terms": terms,
            "results": page,
            "more_than": capped,
            "sections": sections,
            "section": section,
            "start": published.start,
            "end": published.end,
            "date_errors": published.errors,
            "dates_swapped": published.swapped,
        },
    )
