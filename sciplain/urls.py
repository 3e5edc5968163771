from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path

from sciplain.web.api import api
from sciplain.web.health import healthz
from sciplain.web.sitemaps import SITEMAPS
from sciplain.web.views.discovery import robots_txt

admin.site.site_header = "sciplain editors"
admin.site.site_title = "sciplain editors"

urlpatterns = [
    path("admin/", admin.site.urls),
    path("healthz", healthz, name="healthz"),
    path("sitemap.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap"),
    path("robots.txt", robots_txt, name="robots"),
    path("", include("sciplain.subscriptions.urls")),
    path("", include("sciplain.web.urls")),
    path("api/v1/", api.urls),  # after web.urls, which serves the docs page at api/v1/ itself
]

handler404 = "sciplain.web.views.pages.not_found"
handler500 = "sciplain.web.views.pages.server_error"
