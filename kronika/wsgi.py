import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kronika.settings")

django_application = get_wsgi_application()

from kronika.pagecache.serving import PageCacheApplication  # noqa: E402 - needs settings

# Cached pages are answered before Django's request cycle; everything else is Django's.
application = PageCacheApplication(django_application)
