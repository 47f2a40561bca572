from django.apps import AppConfig


class SecurityConfig(AppConfig):
    name = "kronika.security"
    label = "security"
    verbose_name = "Security"

    def ready(self):
        from wagtail.admin.views.account import AvatarSettingsPanel

        from kronika.security.forms import AvatarForm

        # Wagtail has no setting for the profile picture's form, and its own
        # keeps a small picture exactly as it was sent.
        AvatarSettingsPanel.form_class = AvatarForm
