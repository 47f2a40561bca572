"""Site-wide data that changes a few times a day, kept in memory behind the SITE tag.

Every reader page needs the Site its host names, the home page that Site is
rooted at, the site's settings (the paper's, with its pictures, and those of the
features installed), the sections menu and the section an article is filed
in: six queries per request and one per feature, for data that only
editors change. Every such edit bumps SITE (kronika.base.invalidation for
settings, sites and pictures; kronika.news.invalidation for any page other
than an article published, unpublished, moved or deleted), so `fragments` keeps them until it does.

Instances kept are shared by every request of the process; a request gets
shallow copies of those that Wagtail or Django annotate (the Site, the home
page it routes through, the settings it hangs on the request).

The footer's pages (About, Contact…) are kept the same way: they are standard
pages, whose publication bumps SITE like any page that is not an article.
"""

import copy

from django.http.request import split_domain_port
from wagtail.contrib.settings.models import BaseSiteSetting
from wagtail.contrib.settings.registry import registry as settings_registry
from wagtail.models import Site
from wagtail.models.sites import get_site_for_hostname

from kronika.base.languages import active_locale_id
from kronika.base.models import PaperSettings, StandardPage
from kronika.pagecache.fragments import remember


def _load_site(hostname: str, port: int):
    try:
        site = get_site_for_hostname(hostname, port)
    except Site.DoesNotExist:
        return None
    root = site.root_page.specific
    # The home page in each language it is published in, by locale: the root
    # itself and its live translations (kronika.base.languages).
    homes = {root.locale_id: root} | {
        home.locale_id: home for home in root.get_translations().live().specific()
    }
    site_settings = [
        model.for_site(site) for model in settings_registry if issubclass(model, BaseSiteSetting)
    ]
    for kept in site_settings:
        if isinstance(kept, PaperSettings):
            kept.logo  # noqa: B018 - read now, so that no request reads them again
            kept.share_image  # noqa: B018
    return site, root, homes, site_settings


def site_for(request):
    """The request's Site, its home page, that page in each language, and the site's settings."""
    hostname = split_domain_port(request._get_raw_host())[0]
    port = request.get_port()
    return remember(request, f"site:{hostname}:{port}", (), lambda: _load_site(hostname, port))


class SiteWideDataMiddleware:
    """Hands Wagtail the request's Site and site settings from memory.

    Wagtail looks both up on the request before querying (`_wagtail_site`,
    and the settings' own attribute), and reaches the home page through the
    Site's root_page: the request's Site is rooted at the home page in the
    request's language, marked as such, so that Wagtail need not look for its
    translation (HomePage.localized), and an address in a language the home
    page is not published in is not found (HomePage.route).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        found = site_for(request)
        if found is not None:
            site, root, homes, site_settings = found
            language = active_locale_id(request)
            home = copy.copy(homes.get(language, root))
            home.language_is_active = home.locale_id == language
            site = copy.copy(site)
            site._state.fields_cache["root_page"] = home
            request._wagtail_site = site
            request._wagtail_cached_site_root_paths = remember(
                request, "site-root-paths", (), Site.get_site_root_paths
            )
            for kept in site_settings:
                kept = copy.copy(kept)
                tagline = getattr(home, "tagline", "")
                if isinstance(kept, PaperSettings) and tagline:
                    # Each edition's home page may say the tagline in its language
                    # (a site may be rooted at a page of another kind, without one).
                    kept.tagline = tagline
                kept._request = request
                setattr(request, kept.get_cache_attr_name(), kept)
        return self.get_response(request)


def navigation_sections(request, site) -> tuple:
    from kronika.news.models import SectionPage

    return remember(
        request,
        f"navigation:{site.pk}:{site.root_page.pk}",
        (),
        lambda: tuple(
            SectionPage.objects.live()
            .in_menu()
            .child_of(site.root_page)
            .only("title", "url_path", "slug")
        ),
    )


def footer_pages(request, site) -> tuple:
    """The standard pages right under the home page that editors show in menus.

    "Show in menus" is Wagtail's own flag, on each page's Promote tab: the
    footer links About, Contact, the masthead and the privacy notice by it,
    in the order of the pages in the tree.
    """
    return remember(
        request,
        f"footer-pages:{site.pk}:{site.root_page.pk}",
        (),
        lambda: tuple(
            StandardPage.objects.live()
            .in_menu()
            .child_of(site.root_page)
            .order_by("path")
            .only("title", "listing_title", "url_path", "slug")
        ),
    )


def _sections(request) -> dict:
    from kronika.news.models import SectionPage

    return remember(
        request,
        "sections",
        (),
        lambda: {section.path: section for section in SectionPage.objects.all()},
    )


def section_at(request, path: str):
    """The section whose tree path is `path`, or None; every section is kept, by path."""
    return _sections(request).get(path)


def section_at_address(request, url_path: str):
    """The section at this address (its url_path, such as "/home/news/"), or None."""
    return next(
        (section for section in _sections(request).values() if section.url_path == url_path),
        None,
    )
