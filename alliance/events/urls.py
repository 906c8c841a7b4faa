from django.urls import path

from alliance.events.views import awards, coverage, door, public, staff, survey, tickets

app_name = "events"
MANAGE = "events/manage/"
urlpatterns = [
    # ---- events, programme, registration and tickets ----
    path("events/", public.event_list, name="public_list"),
    path("events/<id:pk>/", public.event_detail, name="public_detail"),
    path("events/<id:pk>/register/", public.register_member, name="register_member"),
    path("events/<id:pk>/cancel/", public.cancel_member, name="cancel_member"),
    path("events/<id:pk>/register/public/", public.register_public, name="register_public"),
    path("events/<id:pk>/programme/", public.programme_print, name="programme_print"),
    path("events/<id:pk>/programme.pdf", public.programme_pdf, name="programme_pdf"),
    path("events/ticket/<str:ticket_token>/", tickets.ticket, name="ticket"),
    path("events/ticket/<str:ticket_token>/qr.png", tickets.ticket_qr, name="ticket_qr"),
    path("events/invitation/<str:guest_token>/", tickets.guest, name="guest"),
    # ---- events: the secretariat's pages ----
    path(MANAGE, staff.event_list, name="staff_list"),
    path(MANAGE + "new/", staff.event_create, name="staff_create"),
    path(MANAGE + "<id:pk>/", staff.event_edit, name="staff_edit"),
    path(MANAGE + "<id:pk>/publish/", staff.event_publish, name="staff_publish"),
    path(MANAGE + "<id:pk>/programme/", staff.programme, name="staff_programme"),
    path(MANAGE + "rows/<id:pk>/", staff.programme_row, name="staff_row"),
    path(MANAGE + "rows/<id:pk>/delete/", staff.programme_row_delete, name="staff_row_delete"),
    path(MANAGE + "speakers/<id:pk>/delete/", staff.speaker_delete, name="staff_speaker_delete"),
    path(MANAGE + "<id:pk>/questions/", staff.questions, name="staff_questions"),
    path(MANAGE + "questions/<id:pk>/delete/", staff.question_delete, name="staff_question_delete"),
    path(MANAGE + "<id:pk>/registrations/", staff.registrations, name="staff_registrations"),
    path(MANAGE + "registrations/<id:pk>/cancel/", staff.registration_cancel, name="staff_registration_cancel"),
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
    path("events/manage/<id:pk>/photos/", coverage.photos_staff, name="photos_staff"),
    path("events/manage/<id:pk>/photos/<id:photo>/remove/", coverage.photo_remove, name="photo_remove"),
    path("events/<id:pk>/photos/<id:photo>/", coverage.photo_file, name="photo_file"),
    # ---- after the event: the satisfaction survey (staff; the attendee's personal link) ----
    path("events/manage/<id:pk>/survey/", survey.survey_results, name="survey_results"),
    path("events/manage/<id:pk>/survey/send/", survey.survey_send, name="survey_send"),
    path("events/manage/<id:pk>/survey/preview/", survey.survey_preview, name="survey_preview"),
    path("events/survey/<str:answer_token>/", survey.survey_answer, name="survey"),
]
