from django.apps import AppConfig


class TelegramConfig(AppConfig):
    name = "kronika.telegram"
    label = "telegram"
    verbose_name = "Telegram"

    def ready(self):
        from kronika.telegram import signal_handlers  # noqa: F401
