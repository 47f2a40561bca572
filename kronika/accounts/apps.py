from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "kronika.accounts"
    label = "accounts"
    verbose_name = "Staff accounts"

    def ready(self):
        # Connect the receivers that log account events and renew sessions.
        from kronika.accounts import events, sessions  # noqa: F401
