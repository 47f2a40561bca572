"""Pages' addresses, reversed once per address rather than once per link.

Wagtail reverses the "wagtail_serve" pattern for every link to a page: a
regular expression matched against the address and a quoting pass, about
16 µs of CPU where a kept address costs 8, and an article page links some
thirty pages (menus, footer, its own address in its metadata and share links,
neighbours, teasers). What a path
reverses to depends only on the URL configuration, the script prefix and the
language, so it is kept, for the most recently asked addresses.
"""

from functools import lru_cache

from django.conf import settings
from django.urls import NoReverseMatch, get_script_prefix, get_urlconf, reverse
from django.utils import translation
from wagtail.coreutils import WAGTAIL_APPEND_SLASH

KEPT = 4096  # addresses; a few hundred kilobytes


@lru_cache(maxsize=KEPT)
def _served_at(urlconf, prefix: str, language: str, path: str) -> str | None:
    try:
        with translation.override(language):
            return reverse("wagtail_serve", urlconf=urlconf, args=(path,))
    except NoReverseMatch:
        return None


def served_at(path: str, language: str | None = None) -> str | None:
    """What reverse("wagtail_serve", args=(path,)) answers in `language`, or None.

    None where it has no match. The address has the language's prefix
    ("/lt/…"), none for the paper's first; `language` defaults to the active one.
    """
    return _served_at(
        get_urlconf() or settings.ROOT_URLCONF,
        get_script_prefix(),
        language or translation.get_language() or settings.LANGUAGE_CODE,
        path,
    )


def home_address(language: str | None = None) -> str:
    """The home page's address in `language` ("/", "/lt/"), by default the active one."""
    return served_at("", language) or "/"


def url_parts(page, request, wagtails_own):
    """Page.get_url_parts, with the address reversed once; `wagtails_own()` where it differs.

    Wagtail's own chooses among several sites, serves a page in a variant of
    its language ("en-gb" for "en") when that is active, and trims the slash
    when WAGTAIL_APPEND_SLASH is off: none of which this paper does. Each
    language's home is a root of its own, so a page is under one of them.
    """
    possible_sites = page._get_relevant_site_root_paths(request)
    if len(possible_sites) != 1 or not WAGTAIL_APPEND_SLASH:
        return wagtails_own()
    site_id, root_path, root_url, language = possible_sites[0]
    page_path = served_at(page.url_path[len(root_path) :], language)
    if page_path is None:
        return (site_id, None, None)
    return (site_id, root_url, page_path)
