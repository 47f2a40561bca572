from django.apps import AppConfig


class SecurityConfig(AppConfig):
    name = "kronika.security"
    label = "security"
    verbose_name = "Security"

    def ready(self):
        from wagtail.admin.views.account import AvatarSettingsPanel
        from wagtail.documents import get_document_model

        from kronika.security.forms import AvatarForm
        from kronika.security.uploads import give_documents_unique_names

        # Wagtail has no setting for the profile picture's form, and its own
        # keeps a small picture exactly as it was sent.
        AvatarSettingsPanel.form_class = AvatarForm
        give_documents_unique_names(get_document_model())
