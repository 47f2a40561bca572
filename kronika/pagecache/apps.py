from django.apps import AppConfig


class PageCacheConfig(AppConfig):
    name = "kronika.pagecache"
    label = "pagecache"
    verbose_name = "Page cache"

    def ready(self):
        from kronika.pagecache import invalidation  # noqa: F401
