from django.http import Http404
from django.shortcuts import get_object_or_404, render
from taggit.models import Tag

from kronika.base.reader_methods import only_get_and_head
from kronika.news.listing import kept_ids, page_of_articles
from kronika.news.models import ArticlePage, Author
from kronika.pagecache import tags as cache_tags


@only_get_and_head
def author_detail(request, slug):
    author = get_object_or_404(Author.objects.select_related("photo"), slug=slug)
    ids = kept_ids(
        request,
        f"author-articles:{author.pk}",
        cache_tags.listing("author", author.pk),
        ArticlePage.objects.published().by_author(author).newest_first(),
    )
    articles = page_of_articles(request, ids, ArticlePage.objects)
    cache_tags.depends_on(request, cache_tags.listing("author", author.pk))
    cache_tags.depends_on_articles(request, articles.object_list)
    return render(request, "news/author_page.html", {"author": author, "articles": articles})


@only_get_and_head
def tag_detail(request, slug):
    tag = get_object_or_404(Tag, slug=slug)
    ids = kept_ids(
        request,
        f"tag-articles:{tag.pk}",
        cache_tags.listing("tag", tag.pk),
        ArticlePage.objects.published().tagged(tag).newest_first(),
    )
    if not ids:
        # A tag used only on drafts must not reveal that those drafts exist.
        raise Http404("No published article has this tag.")
    page = page_of_articles(request, ids, ArticlePage.objects)
    cache_tags.depends_on(request, cache_tags.listing("tag", tag.pk))
    cache_tags.depends_on_articles(request, page.object_list)
    return render(request, "news/tag_page.html", {"tag": tag, "articles": page})
