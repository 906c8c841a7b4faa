from django.urls import path

from alliance.ecosystem.views import exports as export_views
from alliance.ecosystem.views import logos as logo_views
from alliance.ecosystem.views import map as map_views
from alliance.ecosystem.views import quality as quality_views

app_name = "ecosystem"
urlpatterns = []

# The public map, its chart, statistics and exports; logo files, the logo queue and data quality (E3).
urlpatterns += [
    path("ecosystem/<int:year>/", map_views.landscape, name="landscape"),
    path("ecosystem/<int:year>/search.json", map_views.landscape_search, name="landscape_search"),
    path("ecosystem/<int:year>/players/<int:pk>/", map_views.player_card, name="player_card"),
    path("ecosystem/<int:year>/chart/", map_views.chart, name="chart"),
    path("ecosystem/<int:year>/statistics/", map_views.statistics, name="statistics"),
    path("ecosystem/<int:year>/landscape.svg", export_views.landscape_svg, name="landscape_svg"),
    path("ecosystem/<int:year>/chart.svg", export_views.chart_svg, name="chart_svg"),
    path("ecosystem/<int:year>/poster.pdf", export_views.poster, name="poster"),
    path("ecosystem/<int:year>/placements.xlsx", export_views.placements_xlsx, name="placements_xlsx"),
    path("ecosystem/<int:year>/categories/<int:pk>/embed/", export_views.embed, name="embed"),
    path("ecosystem/<int:year>/categories/<int:pk>/share/", export_views.embed_code, name="embed_code"),
    path("ecosystem/logos/<str:filename>", logo_views.logo_file, name="logo_file"),
    path("ecosystem/players/<int:pk>/logo/", logo_views.logo_upload, name="logo_upload"),
    path("ecosystem/manage/logos/", logo_views.logo_queue, name="logo_queue"),
    path("ecosystem/manage/logos/<int:pk>/review/", logo_views.logo_review, name="logo_review"),
    path("ecosystem/manage/quality/<int:year>/", quality_views.data_quality, name="data_quality"),
]
