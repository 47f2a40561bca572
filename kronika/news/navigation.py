from wagtail.models import Site

from kronika.news.sitewide import footer_pages, navigation_sections


def _of_requested_site(request, kept) -> tuple | list:
    site = Site.find_for_request(request)
    if site is None:
        return []
    return kept(request, site)


def sections_for_navigation(request):
    return _of_requested_site(request, navigation_sections)


def pages_for_footer(request):
    return _of_requested_site(request, footer_pages)
