from django.apps import AppConfig


class CommentsConfig(AppConfig):
    name = "kronika.comments"
    label = "comments"
    verbose_name = "Reader comments"
