from django.urls import path

from alliance.members.views import (
    census,
    census_confirm,
    directory,
    exports,
    imports,
    logos,
    profile,
    registry,
    statistics,
    vocabulary,
)

app_name = "members"
urlpatterns = [
    # Public directory: one page per company, its URL the company name (as the current homepage has).
    path("member_companies", directory.directory, name="directory"),
    path("member_companies/export/<str:fmt>", exports.directory_export, name="directory_export"),
    path("member_companies/<str:name>", directory.company_page, name="company"),
    # Organisation logos where `logo.url` points (MEDIA_URL + logos/): no other file under MEDIA_ROOT is served.
    path("media/logos/<str:logo_name>", logos.logo_file, name="logo_file"),
    # A member representative's own organisation.
    path("my/organisation/", profile.my_organisation, name="my_organisation"),
    path("members/organisations/<id:pk>/edit/", profile.organisation_edit, name="organisation_edit"),
    # Secretariat.
    path("members/registry/", registry.registry, name="registry"),
    path("members/registry/new/", registry.organisation_create, name="organisation_create"),
    path("members/registry/export/<str:fmt>", exports.registry_export, name="registry_export"),
    path("members/registry/stale/", census.stale_confirmations, name="stale_confirmations"),
    path("members/organisations/<id:pk>/", registry.organisation_detail, name="organisation_detail"),
    path("members/imports/", imports.imports, name="imports"),
    path("members/imports/template.xlsx", imports.import_template, name="import_template"),
    path("members/imports/<id:pk>/", imports.import_detail, name="import_detail"),
    path("members/imports/<id:pk>/progress/", imports.import_progress, name="import_progress"),
    path("members/imports/<id:pk>/report/", imports.import_report, name="import_report"),
    path("members/imports/<id:pk>/import/", imports.import_apply, name="import_apply"),
    path("members/vocabulary/", vocabulary.vocabulary, name="vocabulary"),
    path("members/vocabulary/<id:pk>/", vocabulary.vocabulary_term, name="vocabulary_term"),
    path("members/vocabulary/<id:pk>/merge/", vocabulary.vocabulary_merge, name="vocabulary_merge"),
    path("members/vocabulary/proposals/<id:pk>/", vocabulary.field_proposal_review, name="field_proposal_review"),
    path("members/statistics/", statistics.statistics, name="statistics"),
    path("members/statistics/export/", statistics.statistics_export, name="statistics_export"),
    path("members/census/", census.census_rounds, name="census_rounds"),
    path("members/census/new/", census.census_round_create, name="census_round_create"),
    path("members/census/<id:pk>/", census.census_round_detail, name="census_round_detail"),
    path("members/census/<id:pk>/remind/", census.census_remind, name="census_remind"),
    path("members/census/<id:pk>/remind/preview/", census_confirm.census_remind_preview, name="census_remind_preview"),
    path("members/census/new/preview/", census_confirm.census_open_preview, name="census_open_preview"),
    path("members/census/responses/<id:pk>/", census.census_response_review, name="census_response_review"),
    # The personal link a member representative receives by e-mail; no account needed.
    path("census/<str:token>/", census.census_respond, name="census_respond"),
]
