from django.apps import AppConfig


class DemoConfig(AppConfig):
    name = "kronika.demo"
    label = "demo"
    verbose_name = "Demo content"
