from django.apps import AppConfig


class BaseConfig(AppConfig):
    name = "kronika.base"
    label = "base"
    verbose_name = "Kronika"
