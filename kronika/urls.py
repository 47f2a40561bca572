from django.conf import settings
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from kronika.base import views as base_views
from kronika.base.media_files import media_file
from kronika.comments import urls as comments_urls
from kronika.feeds import urls as feeds_urls
from kronika.news import urls as news_urls
from kronika.ratings import urls as ratings_urls
from kronika.search import urls as search_urls

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("healthz", base_views.healthz, name="healthz"),
    path("readyz", base_views.readyz, name="readyz"),
    path("", include(news_urls)),
    path("", include(comments_urls)),
    path("", include(feeds_urls)),
    path("", include(ratings_urls)),
    path("", include(search_urls)),
]

# Uploaded media on local disk, with the headers that keep them from acting as
# pages; nginx serves them itself where it is in front (deploy/nginx.conf).
urlpatterns += [re_path(rf"^{settings.MEDIA_URL.strip('/')}/(?P<path>.+)$", media_file)]

urlpatterns += [path("", include(wagtail_urls))]

handler400 = "kronika.base.views.bad_request"
handler403 = "kronika.base.views.permission_denied"
handler404 = "kronika.base.views.page_not_found"
handler500 = "kronika.base.views.server_error"
