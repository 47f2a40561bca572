from django.apps import AppConfig


class FeedsConfig(AppConfig):
    name = "kronika.feeds"
    label = "feeds"
    verbose_name = "Feeds and sitemaps"
