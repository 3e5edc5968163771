from django.contrib import admin
from django.urls import include, path

admin.site.site_header = "sciplain editors"
admin.site.site_title = "sciplain editors"

urlpatterns = [
    path("admin/", admin.site.urls),
    path("", include("sciplain.subscriptions.urls")),
    path("", include("sciplain.web.urls")),
]

handler404 = "sciplain.web.views.pages.not_found"
handler500 = "sciplain.web.views.pages.server_error"
