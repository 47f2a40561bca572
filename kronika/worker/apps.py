from django.apps import AppConfig


class WorkerConfig(AppConfig):
    name = "kronika.worker"
    label = "worker"
    verbose_name = "Task workers"
