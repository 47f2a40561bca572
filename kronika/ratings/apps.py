from django.apps import AppConfig


class RatingsConfig(AppConfig):
    name = "kronika.ratings"
    label = "ratings"
    verbose_name = "Reader ratings"
