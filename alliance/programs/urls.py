from django.urls import path

from alliance.programs.urls_documents import urlpatterns as documents_urlpatterns
from alliance.programs.urls_investment import urlpatterns as investment_urlpatterns
from alliance.programs.urls_judging import urlpatterns as judging_urlpatterns
from alliance.programs.urls_support import urlpatterns as support_urlpatterns
from alliance.programs.views import applications, mentoring, programme

app_name = "programs"
urlpatterns = [
    # Programme set-up (staff).
    path("programs/manage/", programme.programme_list, name="programme_list"),
    path("programs/manage/new/", programme.programme_create, name="programme_create"),
    path("programs/manage/<int:pk>/", programme.programme_detail, name="programme_detail"),
    path("programs/manage/<int:pk>/rules/", programme.programme_rules, name="programme_rules"),
    path("programs/manage/<int:pk>/stages/", programme.programme_stages, name="programme_stages"),
    path("programs/manage/<int:pk>/announce/", programme.call_announce, name="call_announce"),
    path("programs/manage/<int:pk>/announce/resume/", programme.call_resume, name="call_resume"),
    path("programs/manage/<int:pk>/tracks/new/", programme.track_create, name="track_create"),
    path("programs/manage/tracks/<int:pk>/", programme.track_edit, name="track_edit"),
    path("programs/manage/<int:pk>/groups/", applications.group_list, name="group_list"),
    path("programs/manage/groups/<int:pk>/extension/", applications.extension_grant, name="extension_grant"),
    # Applying (member representatives).
    path("programs/my/groups/", applications.my_groups, name="my_groups"),
    path("programs/<int:year>/apply/", applications.apply_home, name="apply_home"),
    path("programs/<int:year>/apply/new/", applications.group_create, name="group_create"),
    path("programs/groups/<int:pk>/", applications.group_detail, name="group_detail"),
    path("programs/groups/<int:pk>/proposal/", applications.proposal_edit, name="proposal_edit"),
    path("programs/groups/<int:pk>/partners/", applications.partner_add, name="partner_add"),
    path(
        "programs/groups/<int:pk>/partners/<int:member_pk>/remove/",
        applications.partner_remove,
        name="partner_remove",
    ),
    path("programs/groups/<int:pk>/confirm/", applications.partner_confirm, name="partner_confirm"),
    path("programs/groups/<int:pk>/attachments/", applications.attachment_add, name="attachment_add"),
    path("programs/groups/<int:pk>/submit/", applications.proposal_submit, name="proposal_submit"),
    path("programs/attachments/<int:pk>/", applications.attachment_download, name="attachment_download"),
    path("programs/attachments/<int:pk>/remove/", applications.attachment_remove, name="attachment_remove"),
    # Mentoring.
    path("programs/manage/<int:pk>/mentors/", mentoring.mentor_pool, name="mentor_pool"),
    path("programs/manage/<int:pk>/mentoring/<int:round_number>/", mentoring.mentoring_round, name="mentoring_round"),
    path("programs/mentoring/sessions/<int:pk>/", mentoring.session_detail, name="session_detail"),
    path("programs/mentoring/my/", mentoring.my_sessions, name="my_sessions"),
    path("programs/groups/<int:pk>/interim/", mentoring.interim_upload, name="interim_upload"),
    path("programs/interim/<int:pk>/", mentoring.interim_download, name="interim_download"),
]
urlpatterns += judging_urlpatterns
urlpatterns += investment_urlpatterns
urlpatterns += documents_urlpatterns
urlpatterns += support_urlpatterns
