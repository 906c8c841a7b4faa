from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("", include("alliance.portal.urls")),
    path("", include("alliance.core.urls")),
    path("", include("alliance.members.urls")),
    path("", include("alliance.ecosystem.urls")),
    path("", include("alliance.programs.urls")),
    path("admin/", admin.site.urls),
]
