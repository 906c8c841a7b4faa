"""The archive area's URLs (included by alliance/info/urls/__init__.py). The public list keeps the old site's
address, `/metabus_trends_reports`."""

from django.urls import path

from alliance.info.views import archive, archive_staff

PUBLIC = "metabus_trends_reports"
MANAGE = "info/archive"
urlpatterns = [
    path(PUBLIC, archive.archive_list, name="archive"),
    path(f"{PUBLIC}/export.xlsx", archive.archive_export, name="archive_export"),
    path(f"{PUBLIC}/<id:pk>", archive.archive_report, name="archive_report"),
    path(f"{PUBLIC}/files/<id:pk>", archive.archive_file, name="archive_file"),
    # The secretariat's pages.
    path(f"{MANAGE}/", archive_staff.manage_reports, name="archive_manage"),
    path(f"{MANAGE}/new/", archive_staff.report_create, name="archive_manage_create"),
    path(f"{MANAGE}/<id:pk>/", archive_staff.report_edit, name="archive_manage_report"),
    path(f"{MANAGE}/<id:pk>/files/", archive_staff.report_files_add, name="archive_manage_files_add"),
    path(f"{MANAGE}/<id:pk>/publication/", archive_staff.report_publication, name="archive_manage_publication"),
    path(f"{MANAGE}/<id:pk>/delete/", archive_staff.report_delete, name="archive_manage_delete"),
    path(f"{MANAGE}/files/<id:pk>/replace/", archive_staff.report_file_replace, name="archive_manage_file_replace"),
    path(f"{MANAGE}/files/<id:pk>/extract/", archive_staff.report_file_extract, name="archive_manage_file_extract"),
    path(f"{MANAGE}/publishers/", archive_staff.publishers, name="archive_publishers"),
    path(f"{MANAGE}/publishers/<id:pk>/", archive_staff.publisher_edit, name="archive_publisher"),
    path(
        f"{MANAGE}/spellings/<id:pk>/remove/",
        archive_staff.publisher_spelling_remove,
        name="archive_publisher_spelling_remove",
    ),
]
