"""The paper as a JSON Feed 1.1 (https://jsonfeed.org/version/1.1)."""

from django.http import JsonResponse
from django.utils.translation import get_language

from kronika.base.models import PaperSettings
from kronika.feeds import content
from kronika.feeds.models import FeedSettings
from kronika.news.models import ArticlePage
from kronika.pagecache import tags as cache_tags


def json_feed(request):
    paper = PaperSettings.for_request(request)
    full_text = FeedSettings.for_request(request).full_text
    cache_tags.depends_on(request, cache_tags.listing())
    items = content.items_for(request, content.latest(ArticlePage.objects.in_language()))
    feed = {
        "version": "https://jsonfeed.org/version/1.1",
        "title": paper.name,
        "description": paper.tagline,
        "home_page_url": request.build_absolute_uri("/"),
        "feed_url": request.build_absolute_uri(),
        "language": get_language(),
        "items": [_item(request, full_text, item) for item in items],
    }
    return JsonResponse(
        feed,
        content_type="application/feed+json",
        json_dumps_params={"ensure_ascii": False, "indent": 1},
    )


def _item(request, full_text: bool, item) -> dict:
    article = item.article
    entry = {
        "id": f"{request.build_absolute_uri('/')}#article-{article.pk}",
        "url": item.url,
        "title": article.title,
        "summary": article.standfirst,
        "date_published": article.first_published_at.isoformat(),
        "date_modified": (article.last_published_at or article.first_published_at).isoformat(),
        "authors": [{"name": name, "url": url} for name, url in item.authors],
        "tags": [item.section.title, *item.tags] if item.section else item.tags,
    }
    if full_text:
        entry["content_html"] = content.full_text(request, article)
    else:
        entry["content_text"] = article.standfirst
    if item.picture:
        entry["image"] = item.picture.url
        entry["attachments"] = [
            {
                "url": item.picture.url,
                "mime_type": item.picture.mime_type,
                "size_in_bytes": item.picture.size,
            }
        ]
    return entry
