from django.db.models import Max
from taggit.models import Tag

from kronika.base.languages import in_language
from kronika.news.models import ArticlePage, Author, SectionPage


def feed_last_modified(request, kind=None, slug=None, **kwargs):
    """When the feed's newest article was last published, or None if that cannot be said."""
    articles = ArticlePage.objects.published().in_language()
    if kind == "section":
        section = in_language(SectionPage.objects.live()).filter(slug=slug).first()
        if section is None:
            return None
        articles = articles.in_section(section)
    elif kind == "tag":
        tag = Tag.objects.filter(slug=slug).first()
        if tag is None:
            return None
        articles = articles.tagged(tag)
    elif kind == "author":
        author = Author.objects.filter(slug=slug).first()
        if author is None:
            return None
        articles = articles.by_author(author)
    return articles.aggregate(latest=Max("last_published_at"))["latest"]
