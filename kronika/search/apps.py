from django.apps import AppConfig


class SiteSearchConfig(AppConfig):
    name = "kronika.search"
    # "search" alone reads like Wagtail's own search app.
    label = "site_search"
    verbose_name = "Site search"

    def ready(self):
        from kronika.search import publication_order  # noqa: F401
