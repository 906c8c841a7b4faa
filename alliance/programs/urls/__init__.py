from django.urls import path

from alliance.programs.urls.documents import urlpatterns as documents_urlpatterns
from alliance.programs.urls.investment import urlpatterns as investment_urlpatterns
from alliance.programs.urls.judging import urlpatterns as judging_urlpatterns
from alliance.programs.urls.support import urlpatterns as support_urlpatterns
from alliance.programs.views import applications, mentoring, programme

app_name = "programs"
urlpatterns = [
    # Programme set-up (staff).
    path("programs/manage/", programme.programme_list, name="programme_list"),
    path("programs/manage/new/", programme.programme_create, name="programme_create"),
    path("programs/manage/<id:pk>/", programme.programme_detail, name="programme_detail"),
    path("programs/manage/<id:pk>/rules/", programme.programme_rules, name="programme_rules"),
    path("programs/manage/<id:pk>/stages/", programme.programme_stages, name="programme_stages"),
    path("programs/manage/<id:pk>/announce/", programme.call_announce, name="call_announce"),
    path("programs/manage/<id:pk>/announce/preview/", programme.call_preview, name="call_preview"),
    path("programs/manage/<id:pk>/tracks/new/", programme.track_create, name="track_create"),
    path("programs/manage/tracks/<id:pk>/", programme.track_edit, name="track_edit"),
    path("programs/manage/<id:pk>/groups/", applications.group_list, name="group_list"),
    path("programs/manage/groups/<id:pk>/extension/", applications.extension_grant, name="extension_grant"),
    # Applying (member representatives).
    path("programs/my/groups/", applications.my_groups, name="my_groups"),
    path("programs/<year:year>/apply/", applications.apply_home, name="apply_home"),
    path("programs/<year:year>/apply/new/", applications.group_create, name="group_create"),
    path("programs/groups/<id:pk>/", applications.group_detail, name="group_detail"),
    path("programs/groups/<id:pk>/proposal/", applications.proposal_edit, name="proposal_edit"),
    path("programs/groups/<id:pk>/partners/", applications.partner_add, name="partner_add"),
    path(
        "programs/groups/<id:pk>/partners/<id:member_pk>/remove/",
        applications.partner_remove,
        name="partner_remove",
    ),
    path("programs/groups/<id:pk>/confirm/", applications.partner_confirm, name="partner_confirm"),
    path("programs/groups/<id:pk>/attachments/", applications.attachment_add, name="attachment_add"),
    path("programs/groups/<id:pk>/submit/", applications.proposal_submit, name="proposal_submit"),
    path("programs/attachments/<id:pk>/", applications.attachment_download, name="attachment_download"),
    path("programs/attachments/<id:pk>/remove/", applications.attachment_remove, name="attachment_remove"),
    # Mentoring.
    path("programs/manage/<id:pk>/mentors/", mentoring.mentor_pool, name="mentor_pool"),
    path("programs/manage/<id:pk>/mentoring/<id:round_number>/", mentoring.mentoring_round, name="mentoring_round"),
    path(
        "programs/manage/<id:pk>/mentoring/<id:round_number>/sessions.xlsx",
        mentoring.mentoring_round_xlsx,
        name="mentoring_round_xlsx",
    ),
    path("programs/mentoring/sessions/<id:pk>/", mentoring.session_detail, name="session_detail"),
    path("programs/mentoring/my/", mentoring.my_sessions, name="my_sessions"),
    path("programs/groups/<id:pk>/interim/", mentoring.interim_upload, name="interim_upload"),
    path("programs/interim/<id:pk>/", mentoring.interim_download, name="interim_download"),
]
urlpatterns += judging_urlpatterns
urlpatterns += investment_urlpatterns
urlpatterns += documents_urlpatterns
urlpatterns += support_urlpatterns
