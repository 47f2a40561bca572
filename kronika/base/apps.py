from django.apps import AppConfig


class BaseConfig(AppConfig):
    name = "kronika.base"
    label = "base"
    verbose_name = "Kronika"

    def ready(self):
        from kronika.base import invalidation  # noqa: F401
