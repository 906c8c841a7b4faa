"""The project's URLs. There is no `admin/`: staff pages replace the Django admin (see settings.INSTALLED_APPS)."""

from django.urls import include, path

urlpatterns = [
    path("", include("alliance.portal.urls")),
    path("", include("alliance.core.urls")),
    path("", include("alliance.members.urls")),
    path("", include("alliance.ecosystem.urls")),
    path("", include("alliance.programs.urls")),
    path("", include("alliance.agencies.urls")),
    path("", include("alliance.governance.urls")),
    path("", include("alliance.info.urls")),
    path("", include("alliance.regulation.urls")),
    path("", include("alliance.events.urls")),
    path("", include("alliance.reports.urls")),
]
