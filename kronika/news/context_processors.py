from django.utils.functional import SimpleLazyObject

from kronika.news.navigation import sections_for_navigation


def paper(request):
    """The sections for the site navigation, looked up only if a template uses them."""
    return {"nav_sections": SimpleLazyObject(lambda: sections_for_navigation(request))}
