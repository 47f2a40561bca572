from django.apps import AppConfig


class BaseConfig(AppConfig):
    name = "kronika.base"
    label = "base"
    verbose_name = "Kronika"

    def ready(self):
        from django.db.models.signals import post_migrate

        from kronika.base import invalidation  # noqa: F401
        from kronika.base.languages import ensure_locales

        post_migrate.connect(ensure_locales, sender=self)
