"""The analytics area's URLs (included by alliance/info/urls/__init__.py)."""

from django.urls import path

from alliance.info.views import analytics

urlpatterns: list = [
    path("info/analytics/", analytics.analytics, name="analytics"),
    path("info/analytics/export/", analytics.analytics_export, name="analytics_export"),
]
