from django.urls import path

from alliance.reports.views import briefing, indicators, plan

BRIEFING = "reports/briefings/<id:pk>/"

app_name = "reports"
urlpatterns: list = [
    # ---- the yearly plan (추진 일정) ----------------------------------------------------------------------------
    path("reports/plan/", plan.plan_current, name="plan_current"),
    path("reports/plan/<year:year>/", plan.plan, name="plan"),
    path("reports/plan/<year:year>/schedule.pdf", plan.plan_pdf, name="plan_pdf"),
    path("reports/plan/<year:year>/schedule.docx", plan.plan_docx_download, name="plan_docx"),
    path("reports/plan/items/<id:pk>/", plan.plan_item_edit, name="plan_item_edit"),
    path("reports/plan/items/<id:pk>/delete/", plan.plan_item_delete, name="plan_item_delete"),
    # ---- indicators (추진계획 및 성과지표) --------------------------------------------------------------------
    path("reports/indicators/", indicators.indicators_current, name="indicators_current"),
    path("reports/indicators/<year:year>/", indicators.indicators, name="indicators"),
    path("reports/indicators/<year:year>/indicators.xlsx", indicators.indicators_xlsx, name="indicators_xlsx"),
    path(
        "reports/indicators/<year:year>/defaults/", indicators.indicators_load_defaults, name="indicators_load_defaults"
    ),
    path("reports/indicators/<id:pk>/<year:year>/", indicators.indicator_detail, name="indicator_detail"),
    path("reports/indicators/evidence/<id:pk>/", indicators.indicator_evidence, name="indicator_evidence"),
    # ---- the quarterly steering-committee briefing (운영위원회 자료) ------------------------------------------------
    path("reports/briefings/", briefing.briefing_list, name="briefing_list"),
    path("reports/briefings/generate/", briefing.briefing_generate, name="briefing_generate"),
    path(BRIEFING, briefing.briefing, name="briefing"),
    path(BRIEFING + "regenerate/", briefing.briefing_regenerate, name="briefing_regenerate"),
    path(BRIEFING + "sections/<slug:section_key>/", briefing.briefing_section, name="briefing_section"),
    path(BRIEFING + "freeze/", briefing.briefing_freeze, name="briefing_freeze"),
    path(BRIEFING + "download/<slug:file_format>/", briefing.briefing_download, name="briefing_download"),
]
