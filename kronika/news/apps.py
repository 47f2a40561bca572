from django.apps import AppConfig


class NewsConfig(AppConfig):
    name = "kronika.news"
    label = "news"
    verbose_name = "News"

    def ready(self):
        from kronika.news import invalidation, signal_handlers  # noqa: F401
        from kronika.news.publishing import make_publishing_atomic

        make_publishing_atomic()
