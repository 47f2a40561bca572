from django.http import HttpResponse
from django.urls import reverse

DISALLOWED = ["/admin/", "/search/", "/comments/", "/ratings/", "/documents/"]


def robots_txt(request):
    lines = ["User-agent: *", *(f"Disallow: {path}" for path in DISALLOWED), ""]
    for name in ("crawlers:sitemap_index", "crawlers:news_sitemap"):
        lines.append(f"Sitemap: {request.build_absolute_uri(reverse(name))}")
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
