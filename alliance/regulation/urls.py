from django.urls import path

from alliance.regulation.views import checklist, filings, selfcheck

app_name = "regulation"
urlpatterns = [
    path("regulation/ethics/", selfcheck.selfcheck, name="selfcheck"),
    path("regulation/ethics/results/<id:pk>/", selfcheck.selfcheck_result, name="selfcheck_result"),
    path("regulation/ethics/results/<id:pk>/pdf/", selfcheck.selfcheck_pdf, name="selfcheck_pdf"),
    path("regulation/checklists/", checklist.checklists, name="checklists"),
    path("regulation/checklists/<id:pk>/", checklist.checklist, name="checklist"),
    path("regulation/checklists/<id:pk>/publish/", checklist.checklist_publish, name="checklist_publish"),
    path("regulation/ethics/statistics/<year:year>/", checklist.statistics, name="statistics"),
    path("regulation/filings/", filings.my_filings, name="my_filings"),
    path("regulation/filings/new/", filings.filing_new, name="filing_new"),
    path("regulation/filings/<id:pk>/", filings.filing, name="filing"),
    path("regulation/filings/<id:pk>/edit/", filings.filing_edit, name="filing_edit"),
    path("regulation/filings/<id:pk>/submit/", filings.filing_submit, name="filing_submit"),
    path("regulation/filings/<id:pk>/review/", filings.filing_review, name="filing_review"),
    path("regulation/filings/<id:pk>/certificate/", filings.filing_certificate, name="filing_certificate"),
    path("regulation/filings/<id:pk>/evidence/", filings.filing_evidence, name="filing_evidence"),
    path("regulation/filings/all/", filings.filing_list, name="filing_list"),
    path("regulation/filings/all/xlsx/", filings.filing_xlsx, name="filing_xlsx"),
    path("regulation/check/<str:check_key>/", filings.filing_check, name="filing_check"),
]
