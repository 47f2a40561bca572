from django.apps import AppConfig


class CommentsConfig(AppConfig):
    name = "kronika.comments"
    label = "comments"
    verbose_name = "Reader comments"

    def ready(self):
        from kronika.comments import counting, invalidation  # noqa: F401
