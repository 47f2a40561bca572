from django.http import Http404
from django.shortcuts import get_object_or_404, render
from taggit.models import Tag

from kronika.news.models import ArticlePage, Author, paginate


def author_detail(request, slug):
    author = get_object_or_404(Author.objects.select_related("photo"), slug=slug)
    articles = ArticlePage.objects.published().by_author(author).newest_first().for_listing()
    return render(
        request,
        "news/author_page.html",
        {"author": author, "articles": paginate(request, articles)},
    )


def tag_detail(request, slug):
    tag = get_object_or_404(Tag, slug=slug)
    articles = ArticlePage.objects.published().tagged(tag).newest_first().for_listing()
    if not articles.exists():
        # A tag used only on drafts must not reveal that those drafts exist.
        raise Http404("No published article has this tag.")
    return render(
        request, "news/tag_page.html", {"tag": tag, "articles": paginate(request, articles)}
    )
