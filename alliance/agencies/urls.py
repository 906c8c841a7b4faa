from django.urls import path

from alliance.agencies.views import home, plans, reports, staff

app_name = "agencies"
REPORT = "agencies/<id:pk>/reports/<year:year>/<id:quarter>/"
urlpatterns = [
    path("agencies/mine/", home.home, name="home"),
    path("agencies/<id:pk>/plans/<year:year>/", plans.plan_page, name="plan"),
    path("agencies/<id:pk>/plans/<year:year>/submit/", plans.plan_submit, name="plan_submit"),
    path("agencies/plan-items/<id:pk>/", plans.plan_item_edit, name="plan_item_edit"),
    path("agencies/plan-items/<id:pk>/delete/", plans.plan_item_delete, name="plan_item_delete"),
    path(REPORT, reports.report_page, name="report"),
    path(REPORT + "files/", reports.report_file_add, name="report_file_add"),
    path(REPORT + "submit/", reports.report_submit, name="report_submit"),
    path("agencies/report-files/<id:pk>/", reports.report_file, name="report_file"),
    path("agencies/report-files/<id:pk>/delete/", reports.report_file_delete, name="report_file_delete"),
    # The secretariat's pages.
    path("agencies/", staff.agency_list, name="agency_list"),
    path("agencies/<id:pk>/", staff.agency_detail, name="agency_detail"),
    path("agencies/reports/<year:year>/", staff.report_grid, name="report_grid"),
    path("agencies/reports/<year:year>/accepted.xlsx", staff.accepted_xlsx, name="accepted_xlsx"),
    path("agencies/reports/<id:pk>/review/", staff.report_review, name="report_review"),
    path("agencies/deadlines/<year:year>/", staff.deadlines, name="deadlines"),
]
