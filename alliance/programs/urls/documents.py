"""Routes of the programme's documents (included by urls.py into the `programs` namespace)."""

from django.urls import path

from alliance.programs.views import documents

urlpatterns = [
    path("programs/manage/<id:pk>/documents/", documents.programme_documents, name="programme_documents"),
    path("programs/manage/<id:pk>/applications.xlsx", documents.applications_xlsx, name="applications_xlsx"),
    path("programs/manage/<id:pk>/summary.pdf", documents.evaluation_summary_pdf, name="evaluation_summary_pdf"),
    path("programs/manage/panels/<id:pk>/result-sheet.pdf", documents.result_sheet_pdf, name="result_sheet_pdf"),
    path("programs/manage/panels/<id:pk>/results.xlsx", documents.results_xlsx, name="results_xlsx"),
    path("programs/manage/panels/<id:pk>/certificates.pdf", documents.certificates_pdf, name="certificates_pdf"),
    path(
        "programs/manage/panels/<id:pk>/judges/<id:judge>/scores.xlsx",
        documents.judge_scores_xlsx,
        name="judge_scores_xlsx",
    ),
    path("programs/judging/panels/<id:pk>/my-scores.xlsx", documents.my_scores_xlsx, name="my_scores_xlsx"),
]
