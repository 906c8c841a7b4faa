from django.urls import path

from alliance.events.views import awards, coverage, door

app_name = "events"
urlpatterns: list = [
    # ---- the door (staff) ----
    path("events/door/", door.door_index, name="door"),
    path("events/manage/<id:pk>/check-in/", door.check_in_page, name="check_in"),
    path("events/manage/<id:pk>/check-in/scan/", door.check_in_scan, name="check_in_scan"),
    path("events/manage/<id:pk>/check-in/search/", door.guest_search, name="guest_search"),
    path("events/manage/<id:pk>/check-in/counter/", door.arrival_counter, name="arrival_counter"),
    path("events/manage/<id:pk>/check-in/guest/<id:registration>/", door.check_in_guest, name="check_in_guest"),
    path("events/manage/<id:pk>/walk-in/", door.walk_in, name="walk_in"),
    path("events/manage/<id:pk>/attendance/", door.attendance, name="attendance"),
    path("events/manage/<id:pk>/attendance.xlsx", door.attendance_xlsx, name="attendance_xlsx"),
    path("events/manage/<id:pk>/badges.pdf", door.badges_pdf, name="badges_pdf"),
    # ---- the results-sharing day: awards and IR pitching (staff) ----
    path("events/manage/<id:pk>/awards/", awards.award_list, name="awards"),
    path("events/manage/<id:pk>/awards/import/", awards.import_winners, name="award_import"),
    path("events/manage/<id:pk>/awards/<id:award>/remove/", awards.remove_award, name="award_remove"),
    path("events/manage/<id:pk>/pitching/", awards.pitching, name="pitching"),
    # ---- after the event: press coverage (staff; the public list of a published event) ----
    path("events/manage/<id:pk>/press/", coverage.press_staff, name="press_staff"),
    path("events/manage/<id:pk>/press/<id:article>/remove/", coverage.press_remove, name="press_remove"),
    path("events/<id:pk>/press/", coverage.press_public, name="press_public"),
]
