"""The archive area's URLs (included by alliance/info/urls/__init__.py)."""

urlpatterns: list = []
