from django.apps import AppConfig


class PageCacheConfig(AppConfig):
    name = "kronika.pagecache"
    label = "pagecache"
    verbose_name = "Page cache"
