from wagtail.models import Site

from kronika.news.sitewide import navigation_sections


def sections_for_navigation(request):
    site = Site.find_for_request(request)
    if site is None:
        return []
    return navigation_sections(request, site)
