from django.apps import AppConfig


class BackupsConfig(AppConfig):
    name = "kronika.backups"
    label = "backups"
    verbose_name = "Backups"
