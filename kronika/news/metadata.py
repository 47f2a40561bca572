"""What a page tells search engines and social networks about itself.

One dictionary per page: the canonical address, OpenGraph and Twitter tags, and
schema.org JSON-LD (NewsArticle and BreadcrumbList for articles, WebSite for
the front page, CollectionPage for sections), rendered by includes/metadata.html.
"""

import json

from django.utils.translation import get_language, gettext

from kronika.base import languages, share_image
from kronika.base.page_urls import home_address

SHARE_FILTER = "fill-1200x630"
JSONLD_IMAGES = ("fill-1200x675", "fill-1200x900", "fill-1200x1200")  # 16:9, 4:3, 1:1
LOGO_FILTER = "max-600x60|format-png"


def metadata(request, paper, page=None, title="", description="") -> dict:
    from kronika.news.models import ArticlePage, HomePage, SectionPage

    absolute = request.build_absolute_uri
    canonical = absolute(request.path)
    page_number = request.GET.get("page", "")
    if page_number.isdigit() and int(page_number) > 1:
        canonical += f"?page={int(page_number)}"
    specific = page.specific if page is not None else None
    if isinstance(specific, HomePage):
        # The front page's own title ("Home") names it in the admin's page
        # tree; a link to the paper is shared under the paper's name.
        title = paper.name
    else:
        title = (getattr(specific, "seo_title", "") or getattr(specific, "title", "")) or title
    description = (
        getattr(specific, "search_description", "")
        or getattr(specific, "standfirst", "")
        or getattr(specific, "intro", "")
        or description
        or paper.tagline
    )
    data = {
        "canonical": canonical,
        "og": [
            ("og:site_name", paper.name),
            ("og:title", title),
            ("og:description", description),
            ("og:url", canonical),
            ("og:type", "article" if isinstance(specific, ArticlePage) else "website"),
            ("og:locale", languages.og_locale(get_language())),
            *(
                ("og:locale:alternate", languages.og_locale(version.code))
                for version in languages.versions(request, page)
                if not version.current
            ),
        ],
        "twitter": [("twitter:title", title), ("twitter:description", description)],
        "jsonld": [],
    }

    image = getattr(specific, "social_image", None) or getattr(specific, "hero_image", None)
    # A page without a picture of its own (the front page, a section, a tag or
    # an author, an article without a hero) is shared with the paper's picture.
    shared = image or paper.share_image
    if shared is not None:
        share = shared.get_rendition(SHARE_FILTER)
        data["og"] += [
            ("og:image", absolute(share.url)),
            ("og:image:width", str(share.width)),
            ("og:image:height", str(share.height)),
            ("og:image:alt", shared.alt_text),
        ]
        data["twitter"] += [("twitter:image", absolute(share.url))]
    else:
        # The paper's mark, so that a link to any page still has a large preview.
        fallback = absolute(share_image.url(paper))
        data["og"] += [
            ("og:image", fallback),
            ("og:image:width", str(share_image.WIDTH)),
            ("og:image:height", str(share_image.HEIGHT)),
            ("og:image:alt", paper.name),
        ]
        data["twitter"] += [("twitter:image", fallback)]
    data["twitter_card"] = "summary_large_image"

    publisher = _publisher(request, paper)
    if isinstance(specific, ArticlePage):
        keywords = [tag.name for tag in specific.tag_list]
        data["og"] += _article_tags(specific, keywords)
        data["jsonld"] += [
            _news_article(
                request, paper, specific, canonical, description, image, publisher, keywords
            ),
            _breadcrumbs(request, [specific.section, specific]),
        ]
    elif isinstance(specific, HomePage):
        data["jsonld"].append(
            {
                "@context": "https://schema.org",
                "@type": "WebSite",
                "name": paper.name,
                "description": paper.tagline,
                "url": absolute(home_address()),
                "inLanguage": get_language(),
                "publisher": publisher,
            }
        )
    elif isinstance(specific, SectionPage):
        data["jsonld"] += [
            {
                "@context": "https://schema.org",
                "@type": "CollectionPage",
                "name": specific.title,
                "description": description,
                "url": canonical,
                "inLanguage": get_language(),
                "isPartOf": {
                    "@type": "WebSite",
                    "name": paper.name,
                    "url": absolute(home_address()),
                },
            },
            _breadcrumbs(request, [specific]),
        ]
    return data


def _article_tags(article, keywords) -> list[tuple[str, str]]:
    tags = [("article:section", article.section.title)]
    # A draft that was never published has no times yet: the editor previewing it sees none.
    if article.first_published_at is not None:
        modified = article.updated_at or article.first_published_at
        tags[:0] = [
            ("article:published_time", article.first_published_at.isoformat()),
            ("article:modified_time", modified.isoformat()),
        ]
    tags += [("article:tag", keyword) for keyword in keywords]
    return tags


def _publisher(request, paper) -> dict:
    publisher = {
        "@type": "NewsMediaOrganization",
        "name": paper.name,
        "url": request.build_absolute_uri("/"),
    }
    if paper.logo is not None:
        logo = paper.logo.get_rendition(LOGO_FILTER)
        publisher["logo"] = {
            "@type": "ImageObject",
            "url": request.build_absolute_uri(logo.url),
            "width": logo.width,
            "height": logo.height,
        }
    return publisher


def _news_article(request, paper, article, url, description, image, publisher, keywords):
    absolute = request.build_absolute_uri
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": article.title,
        "description": description,
        "author": [
            {"@type": "Person", "name": author.name, "url": absolute(author.get_absolute_url())}
            for author in article.authors
        ],
        "publisher": publisher,
        "mainEntityOfPage": {"@type": "WebPage", "@id": url},
        "articleSection": article.section.title,
        "inLanguage": get_language(),
        "url": url,
    }
    if article.first_published_at is not None:
        modified = article.last_published_at or article.first_published_at
        data["datePublished"] = article.first_published_at.isoformat()
        data["dateModified"] = modified.isoformat()
    if image is not None:
        data["image"] = [absolute(image.get_rendition(spec).url) for spec in JSONLD_IMAGES]
    if keywords:
        data["keywords"] = keywords
    return data


def _breadcrumbs(request, pages) -> dict:
    trail = [(gettext("Home"), request.build_absolute_uri(home_address()))]
    trail += [(page.title, request.build_absolute_uri(page.url)) for page in pages]
    return {
        "@context": "https://schema.org",
        "@type": "BreadcrumbList",
        "itemListElement": [
            {"@type": "ListItem", "position": position, "name": name, "item": url}
            for position, (name, url) in enumerate(trail, start=1)
        ],
    }


def as_script_json(data: dict) -> str:
    """JSON that cannot end the <script> element it sits in."""
    text = json.dumps(data, ensure_ascii=False)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
