from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.utils.translation import get_language
from taggit.models import Tag

from kronika.base import languages
from kronika.base.reader_methods import only_get_and_head
from kronika.news.listing import kept_ids, page_of_articles
from kronika.news.models import ArticlePage, Author
from kronika.pagecache import tags as cache_tags
from kronika.pagecache.fragments import remember


@only_get_and_head
def author_detail(request, slug):
    author = get_object_or_404(Author.objects.select_related("photo"), slug=slug)
    ids = kept_ids(
        request,
        f"author-articles:{author.pk}:{get_language()}",
        cache_tags.listing("author", author.pk),
        ArticlePage.objects.published().in_language().by_author(author).newest_first(),
    )
    articles = page_of_articles(request, ids, ArticlePage.objects)
    cache_tags.depends_on(request, cache_tags.listing("author", author.pk))
    cache_tags.depends_on_articles(request, articles.object_list)
    return render(request, "news/author_page.html", {"author": author, "articles": articles})


def tag_languages(request, tag) -> frozenset[str]:
    """The languages the tag has published articles in, kept until its lists change."""

    def build():
        published = ArticlePage.objects.published().tagged(tag).order_by()
        found = published.values_list("locale_id", flat=True).distinct()
        return frozenset(languages.languages_of(found))

    key = f"tag-languages:{tag.pk}"
    return remember(request, key, [cache_tags.listing("tag", tag.pk)], build)


@only_get_and_head
def tag_detail(request, slug):
    tag = get_object_or_404(Tag, slug=slug)
    ids = kept_ids(
        request,
        f"tag-articles:{tag.pk}:{get_language()}",
        cache_tags.listing("tag", tag.pk),
        ArticlePage.objects.published().in_language().tagged(tag).newest_first(),
    )
    if not ids:
        # A tag used only on drafts must not reveal that those drafts exist; one
        # used only in other languages has no page in this one.
        raise Http404("No published article has this tag.")
    # Its page in the other languages exists where it has articles in them.
    request.kronika_translations = languages.address_translations(
        request, tag_languages(request, tag)
    )
    page = page_of_articles(request, ids, ArticlePage.objects)
    cache_tags.depends_on(request, cache_tags.listing("tag", tag.pk))
    cache_tags.depends_on_articles(request, page.object_list)
    return render(request, "news/tag_page.html", {"tag": tag, "articles": page})
