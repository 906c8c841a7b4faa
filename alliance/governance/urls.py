from django.urls import path

from alliance.governance.views import bodies, participation

app_name = "governance"
urlpatterns = [
    # ---- govbase: the year's bodies, seats, participation --------------------------------------------------
    path("governance/", bodies.home, name="home"),
    path("governance/bodies/new/", bodies.body_create, name="body_create"),
    path("governance/bodies/<id:pk>/", bodies.body_detail, name="body_detail"),
    path("governance/bodies/<id:pk>/edit/", bodies.body_edit, name="body_edit"),
    path("governance/bodies/<id:pk>/seats/new/", bodies.seat_create, name="seat_create"),
    path("governance/bodies/<id:pk>/join/", participation.join, name="join"),
    path("governance/bodies/<id:pk>/leave/", participation.leave, name="leave"),
    path("governance/seats/<id:pk>/edit/", bodies.seat_edit, name="seat_edit"),
    path("governance/seats/<id:pk>/end/", bodies.seat_end, name="seat_end"),
    path("governance/<year:body_year>/copy/", bodies.year_copy, name="year_copy"),
    path("governance/my/", participation.my_bodies, name="my_bodies"),
    path("governance/subcommittees/", participation.open_subcommittees, name="open_subcommittees"),
]
