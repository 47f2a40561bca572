from django.apps import apps
from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from kronika.base import share_image
from kronika.base import views as base_views
from kronika.base.media_files import media_file
from kronika.news import urls as news_urls

# Addresses outside any language: the admin (in each editor's own language),
# uploads, health checks and what crawlers read site-wide.
urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("healthz", base_views.healthz, name="healthz"),
    path("readyz", base_views.readyz, name="readyz"),
    path("share-image.png", share_image.view, name="share-image"),
]
if apps.is_installed("kronika.feeds"):
    urlpatterns += [path("", include("kronika.feeds.crawler_urls"))]

# Uploaded media on local disk, with the headers that keep them from acting as
# pages; nginx serves them itself where it is in front (deploy/nginx.conf).
urlpatterns += [re_path(rf"^{settings.MEDIA_URL.strip('/')}/(?P<path>.+)$", media_file)]

# What readers read and send, in each of the paper's languages: the first at "/",
# the others under their code ("/lt/search/"). Only the installed features have
# addresses (KRONIKA_FEATURES); named as strings, so that a feature left out is
# never imported.
urlpatterns += i18n_patterns(
    path("", include(news_urls)),
    *(
        path("", include(f"kronika.{feature}.urls"))
        for feature in ("comments", "feeds", "newsletters", "ratings", "search")
        if apps.is_installed(f"kronika.{feature}")
    ),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)

handler400 = "kronika.base.views.bad_request"
handler403 = "kronika.base.views.permission_denied"
handler404 = "kronika.base.views.page_not_found"
handler500 = "kronika.base.views.server_error"
