from django.utils.functional import SimpleLazyObject

from kronika.news.navigation import pages_for_footer, sections_for_navigation


def paper(request):
    """The sections and the footer's pages, each looked up only if a template uses them."""
    return {
        "nav_sections": SimpleLazyObject(lambda: sections_for_navigation(request)),
        "footer_pages": SimpleLazyObject(lambda: pages_for_footer(request)),
    }
