from django.urls import path

from alliance.governance.views import (
    agenda,
    attendance,
    bodies,
    contracts,
    invitations,
    meetings,
    minutes,
    participation,
    proposals,
    replies,
)
from alliance.governance.views import documents as minutes_documents

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
    # ---- proposals: policy proposals, agencies' answers, subcommittees' obligations ---------------------------
    path("governance/proposals/", proposals.proposal_list, name="proposal_list"),
    path("governance/bodies/<id:pk>/proposals/new/", proposals.proposal_create, name="proposal_create"),
    path("governance/proposals/<id:pk>/", proposals.proposal_detail, name="proposal_detail"),
    path("governance/proposals/<id:pk>/edit/", proposals.proposal_edit, name="proposal_edit"),
    path("governance/proposals/<id:pk>/move/", proposals.proposal_move, name="proposal_move"),
    path("governance/proposals/versions/<id:pk>/", proposals.proposal_version, name="proposal_version"),
    path("governance/proposals/answers/<id:pk>/", proposals.proposal_answer, name="proposal_answer"),
    path("governance/obligations/", proposals.obligations, name="obligations"),
]

# ---- meetings: preparation, agenda and papers, invitations and replies, attendance and decisions ---------------
urlpatterns += [
    path("governance/meetings/", meetings.meeting_list, name="meeting_list"),
    path("governance/bodies/<id:pk>/meetings/new/", meetings.meeting_create, name="meeting_create"),
    path("governance/meetings/<id:pk>/", meetings.meeting_detail, name="meeting_detail"),
    path("governance/meetings/<id:pk>/edit/", meetings.meeting_edit, name="meeting_edit"),
    path("governance/meetings/<id:pk>/agenda/add/", agenda.agenda_item_add, name="agenda_item_add"),
    path("governance/agenda/<id:pk>/edit/", agenda.agenda_item_edit, name="agenda_item_edit"),
    path("governance/agenda/<id:pk>/move/", agenda.agenda_item_move, name="agenda_item_move"),
    path("governance/agenda/<id:pk>/remove/", agenda.agenda_item_remove, name="agenda_item_remove"),
    path("governance/agenda/<id:pk>/papers/add/", agenda.paper_add, name="paper_add"),
    path("governance/papers/<id:pk>/", agenda.paper_download, name="paper_download"),
    path("governance/papers/<id:pk>/remove/", agenda.paper_remove, name="paper_remove"),
    path("governance/meetings/<id:pk>/invite/", invitations.meeting_invite, name="meeting_invite"),
    path(
        "governance/meetings/<id:pk>/invite/preview/",
        invitations.meeting_invite_preview,
        name="meeting_invite_preview",
    ),
    path("governance/meetings/<id:pk>/remind/", invitations.meeting_remind, name="meeting_remind"),
    path("governance/meetings/<id:pk>/reply/", replies.meeting_reply, name="meeting_reply"),
    path("governance/meetings/answer/<str:reply_token>/", replies.meeting_reply_link, name="meeting_reply_link"),
    path("governance/meetings/mine/", replies.my_meetings, name="my_meetings"),
    path("governance/calendar/<str:feed_token>.ics", replies.calendar_feed, name="calendar_feed"),
    path("governance/meetings/<id:pk>/attendance/", attendance.meeting_attendance, name="meeting_attendance"),
    path("governance/meetings/<id:pk>/decisions/add/", attendance.decision_add, name="decision_add"),
]

# ---- contracts: the standard-contract revision (신구조문대비표) and the operating rules (운영규정) ------------------
urlpatterns += [
    path("governance/bodies/<id:pk>/contracts/", contracts.contract_list, name="contract_list"),
    path("governance/contracts/<id:pk>/", contracts.contract_detail, name="contract_detail"),
    path("governance/contracts/<id:pk>/amendment-table.docx", contracts.contract_table, name="contract_table"),
    path("governance/contracts/clauses/<id:pk>/comment/", contracts.clause_comment, name="clause_comment"),
    path("governance/contracts/clauses/<id:pk>/amend/", contracts.clause_amend, name="clause_amend"),
    path("governance/contracts/comments/<id:pk>/dispose/", contracts.comment_dispose, name="comment_dispose"),
    path("governance/rules/", contracts.rules_current, name="rules_current"),
    path("governance/rules/amend/", contracts.rules_amend, name="rules_amend"),
]

# ---------------------------------------------------------------- minutes and documents (the `minutes` area)
urlpatterns += [
    path("governance/minutes/", minutes.minutes_list, name="minutes_list"),
    path("governance/meetings/<id:pk>/minutes/", minutes.minutes_detail, name="minutes_detail"),
    path("governance/meetings/<id:pk>/minutes/v<id:version_number>/", minutes.minutes_version, name="minutes_version"),
    path("governance/meetings/<id:pk>/minutes/manage/", minutes.minutes_manage, name="minutes_manage"),
    path("governance/meetings/<id:pk>/minutes/comment/", minutes.minutes_comment, name="minutes_comment"),
    path("governance/minutes/items/<id:pk>/edit/", minutes.minutes_item_edit, name="minutes_item_edit"),
    path("governance/minutes/comment/<str:minutes_token>/", minutes.minutes_comment_link, name="minutes_comment_link"),
    path("governance/minutes/files/<id:pk>/", minutes_documents.minutes_file, name="minutes_file"),
    path(
        "governance/meetings/<id:pk>/minutes.<str:document_format>",
        minutes_documents.minutes_download,
        name="minutes_download",
    ),
    path(
        "governance/meetings/<id:pk>/pack.<str:document_format>",
        minutes_documents.meeting_pack_download,
        name="meeting_pack_download",
    ),
    path(
        "governance/bodies/<id:pk>/minutes.docx", minutes_documents.body_minutes_download, name="body_minutes_download"
    ),
]
