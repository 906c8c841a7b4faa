from django.urls import path

from alliance.ecosystem.views import api as api_views
from alliance.ecosystem.views import exports as export_views
from alliance.ecosystem.views import landscape_yml as landscape_views
from alliance.ecosystem.views import logos as logo_views
from alliance.ecosystem.views import map as map_views
from alliance.ecosystem.views import players as player_views
from alliance.ecosystem.views import quality as quality_views
from alliance.ecosystem.views import snapshots as snapshot_views
from alliance.ecosystem.views import suggestions as suggestion_views
from alliance.ecosystem.views import survey as survey_views
from alliance.ecosystem.views import taxonomy as taxonomy_views

app_name = "ecosystem"
urlpatterns = []

# The public map, its chart, statistics and exports; logo files, the logo queue and data quality (E3).
urlpatterns += [
    path("ecosystem/", map_views.latest, name="latest"),
    path("ecosystem/<year:year>/", map_views.landscape, name="landscape"),
    path("ecosystem/<year:year>/search.json", map_views.landscape_search, name="landscape_search"),
    path("ecosystem/<year:year>/players/<id:pk>/", map_views.player_card, name="player_card"),
    path("ecosystem/<year:year>/chart/", map_views.chart, name="chart"),
    path("ecosystem/<year:year>/statistics/", map_views.statistics, name="statistics"),
    path("ecosystem/<year:year>/statistics.xlsx", export_views.statistics_xlsx, name="statistics_xlsx"),
    path("ecosystem/<year:year>/landscape.svg", export_views.landscape_svg, name="landscape_svg"),
    path("ecosystem/<year:year>/chart.svg", export_views.chart_svg, name="chart_svg"),
    path("ecosystem/<year:year>/poster.pdf", export_views.poster, name="poster"),
    path("ecosystem/<year:year>/placements.xlsx", export_views.placements_xlsx, name="placements_xlsx"),
    path("ecosystem/<year:year>/categories/<id:pk>/embed/", export_views.embed, name="embed"),
    path("ecosystem/<year:year>/categories/<id:pk>/share/", export_views.embed_code, name="embed_code"),
    path("ecosystem/logos/<str:filename>", logo_views.logo_file, name="logo_file"),
    path("ecosystem/players/<id:pk>/logo/", logo_views.logo_upload, name="logo_upload"),
    path("ecosystem/manage/logos/", logo_views.logo_queue, name="logo_queue"),
    path("ecosystem/manage/logos/<id:pk>/review/", logo_views.logo_review, name="logo_review"),
    path("ecosystem/manage/quality/<year:year>/", quality_views.data_quality, name="data_quality"),
]

# Taxonomy editor, players and placements, snapshots and their JSON API (E1).
urlpatterns += [
    path("ecosystem/score/", taxonomy_views.score_formula, name="score_formula"),
    path("ecosystem/snapshots/", snapshot_views.snapshots, name="snapshots"),
    path("ecosystem/snapshots/compare/", snapshot_views.snapshot_compare, name="snapshot_compare"),
    path("ecosystem/snapshots/<slug:slug>/", snapshot_views.snapshot_detail, name="snapshot"),
    path("api/ecosystem/snapshots.json", api_views.snapshot_index_json, name="snapshot_api_index"),
    path("api/ecosystem/snapshots/<slug:slug>.json", api_views.snapshot_json, name="snapshot_api"),
    path("ecosystem/manage/", taxonomy_views.manage_index, name="manage"),
    path("ecosystem/manage/taxonomies/new/", taxonomy_views.taxonomy_create, name="taxonomy_create"),
    path("ecosystem/manage/<year:year>/taxonomy/", taxonomy_views.taxonomy_tree, name="taxonomy"),
    path("ecosystem/manage/<year:year>/taxonomy/add/", taxonomy_views.node_add, name="node_add"),
    path("ecosystem/manage/<year:year>/facets/", taxonomy_views.facets, name="facets"),
    path("ecosystem/manage/<year:year>/landscape/", landscape_views.landscape_import, name="landscape_import"),
    path("ecosystem/manage/<year:year>/landscape/match/", landscape_views.landscape_match, name="landscape_match"),
    path("ecosystem/<year:year>/landscape.yml", landscape_views.landscape_yml, name="landscape_yml"),
    path(
        "ecosystem/manage/<year:year>/facets/<str:kind>/<id:pk>/delete/",
        taxonomy_views.facet_delete,
        name="facet_delete",
    ),
    path("ecosystem/manage/nodes/<id:pk>/", taxonomy_views.node_edit, name="node_edit"),
    path("ecosystem/manage/nodes/<id:pk>/move/", taxonomy_views.node_move, name="node_move"),
    path("ecosystem/manage/nodes/<id:pk>/delete/", taxonomy_views.node_delete, name="node_delete"),
    path("ecosystem/manage/<year:year>/players/", player_views.players, name="players"),
    path("ecosystem/manage/players/new/", player_views.player_create, name="player_create"),
    path("ecosystem/manage/players/sync/", player_views.players_sync, name="players_sync"),
    path("ecosystem/manage/players/<id:pk>/", player_views.player_detail, name="player_detail"),
    path("ecosystem/manage/<year:year>/players/<id:pk>/placement/", player_views.placement_edit, name="placement_edit"),
    path("ecosystem/manage/placements/<id:pk>/confirm/", player_views.placement_confirm, name="placement_confirm"),
    path(
        "ecosystem/manage/<year:year>/placements/confirm/", player_views.placements_confirm, name="placements_confirm"
    ),
    path("ecosystem/manage/snapshots/", snapshot_views.snapshots_manage, name="snapshots_manage"),
    path("ecosystem/manage/snapshots/<year:year>/freeze/", snapshot_views.snapshot_freeze, name="snapshot_freeze"),
    path("ecosystem/manage/surveys/", survey_views.surveys, name="surveys"),
    path("ecosystem/manage/surveys/preview/", survey_views.survey_open_preview, name="survey_open_preview"),
    path("ecosystem/manage/surveys/<id:pk>/", survey_views.survey_detail, name="survey_detail"),
    path(
        "ecosystem/manage/survey-answers/<id:pk>/",
        survey_views.survey_response_review,
        name="survey_response_review",
    ),
    # The personal link a member company receives by e-mail; no account needed.
    path("ecosystem/survey/<str:survey_token>/", survey_views.survey_respond, name="survey_respond"),
]

# Suggested placements and their review (E2).
urlpatterns += [
    path("ecosystem/manage/suggestions/", suggestion_views.suggestions, name="suggestions"),
    path("ecosystem/manage/suggestions/review/", suggestion_views.suggestions_review, name="suggestions_review"),
    path("ecosystem/manage/suggestions/generate/", suggestion_views.suggestions_generate, name="suggestions_generate"),
]
