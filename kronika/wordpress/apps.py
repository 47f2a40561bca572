from django.apps import AppConfig


class WordPressConfig(AppConfig):
    name = "kronika.wordpress"
    label = "wordpress"
    verbose_name = "WordPress import"
