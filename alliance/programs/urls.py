from django.urls import path  # noqa: F401  the app adds its routes here

app_name = "programs"
urlpatterns = []
