from django.apps import AppConfig


class MailConfig(AppConfig):
    name = "kronika.mail"
    label = "mail"
    verbose_name = "Mail"
