from django.apps import AppConfig


class RatingsConfig(AppConfig):
    name = "kronika.ratings"
    label = "ratings"
    verbose_name = "Reader ratings"

    def ready(self):
        from kronika.ratings import counting  # noqa: F401
