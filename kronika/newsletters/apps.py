from django.apps import AppConfig


class NewslettersConfig(AppConfig):
    name = "kronika.newsletters"
    label = "newsletters"
    verbose_name = "Newsletters"

    def ready(self):
        from kronika.newsletters import invalidation  # noqa: F401
