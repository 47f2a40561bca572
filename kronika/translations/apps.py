from django.apps import AppConfig


class TranslationsConfig(AppConfig):
    name = "kronika.translations"
    label = "translations"
    verbose_name = "Translations"

    def ready(self):
        # Before any URLconf is read: wagtail-localize's admin URLs are built from
        # the view classes its modules hold at that moment.
        from kronika.translations import rights

        rights.install()
