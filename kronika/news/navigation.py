from wagtail.models import Site


def sections_for_navigation(request):
    from kronika.news.models import SectionPage

    site = Site.find_for_request(request)
    if site is None:
        return []
    return list(
        SectionPage.objects.live()
        .in_menu()
        .child_of(site.root_page)
        .only("title", "url_path", "slug")
    )
