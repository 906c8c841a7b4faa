"""Routes of the post-award support record (included by urls.py into the `programs` namespace)."""

from django.urls import path

from alliance.programs.views import support

urlpatterns = [
    path("programs/manage/<id:pk>/support/", support.support_record, name="support_record"),
    path("programs/manage/<id:pk>/support.xlsx", support.support_xlsx, name="support_xlsx"),
    path("programs/manage/support/<id:pk>/", support.support_grant, name="support_grant"),
    path("programs/support/<id:pk>/certificate.pdf", support.support_certificate, name="support_certificate"),
]
