import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kronika.settings")

django_application = get_wsgi_application()

from kronika.pagecache.serving import PageCacheApplication  # noqa: E402 - needs settings
from kronika.static_files import with_static_files  # noqa: E402 - needs settings

# Static files first (a dictionary look-up for any other address), then cached
# pages, both before Django's request cycle; everything else is Django's.
application = with_static_files(PageCacheApplication(django_application))
