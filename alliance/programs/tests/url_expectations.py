"""Who may open the programs app's URLs (see alliance/core/tests/url_matrix.py).

Shared by the programs helpers: add your rows to EXPECTED/PK_OF/PATH_VALUES/COUNTED_MODELS and your
objects in `build_world` (the 2026 programme `world["programme"]` and org A's group `world["group"]`
are there already).
"""

from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile

from alliance.core.tests.url_matrix import everyone, no_body, only, staff_only
from alliance.members.tests.factories import OrganisationFactory
from alliance.programs.models import (
    Assignment,
    Attachment,
    Criterion,
    DeadlineExtension,
    GroupMember,
    Objection,
    Panel,
    Programme,
    ProjectGroup,
    Proposal,
    Score,
    Track,
    Winner,
)
from alliance.programs.tests.factories import ProgrammeFactory, ProjectGroupFactory
from alliance.programs.tests.world_investment import (
    INVESTMENT_COUNTED,
    INVESTMENT_EXPECTED,
    INVESTMENT_PK_OF,
    build_investment_world,
)
from alliance.programs.tests.world_judging import build_judging_world
from alliance.programs.tests.world_mentoring import (
    MENTORING_COUNTED,
    MENTORING_EXPECTED,
    MENTORING_PATH_VALUES,
    MENTORING_PK_OF,
    build_mentoring_world,
)
from alliance.programs.tests.world_posts import (
    POST_BODIES,
    POST_BODIES_AS,
    POST_BODIES_SETUP,
    build_post_world,
)
from alliance.programs.tests.world_support import (
    SUPPORT_COUNTED,
    SUPPORT_EXPECTED,
    SUPPORT_PK_OF,
    build_support_world,
)

# Member representatives only; anyone else signed in is told nothing exists.
REPRESENTATIVES = only({"rep_a": 200, "rep_b": 200})
# Org A's group: its representative and staff.
GROUP_A = only({"staff": 200, "rep_a": 200})

EXPECTED = {
    # Programme set-up (P1).
    "programs:programme_list": staff_only(),
    "programs:programme_create": staff_only(),
    "programs:programme_detail": staff_only(),
    "programs:programme_rules": staff_only(),
    "programs:programme_stages": staff_only(),
    "programs:track_create": staff_only(),
    "programs:track_edit": staff_only(),
    "programs:group_list": staff_only(),
    "programs:extension_grant": staff_only(),
    "programs:call_announce": staff_only(405),  # POST only
    "programs:call_preview": staff_only(),
    # Applying (P1).
    "programs:my_groups": REPRESENTATIVES,
    "programs:apply_home": REPRESENTATIVES,
    "programs:group_create": REPRESENTATIVES,
    "programs:group_detail": GROUP_A,
    "programs:proposal_edit": only({"rep_a": 200}),  # only the lead writes; staff grant extensions instead
    "programs:attachment_download": GROUP_A,
    # POST only: the object (the group) is checked before the method, so a GET answers 404 outside the group
    # and 405 only to whoever may act on it: its lead's representative (a partner confirms: staff can see it).
    "programs:partner_add": only({"rep_a": 405}),
    "programs:partner_remove": only({"rep_a": 405}),
    "programs:partner_confirm": only({"staff": 405, "rep_a": 405}),
    "programs:attachment_add": only({"rep_a": 405}),
    "programs:attachment_remove": only({"rep_a": 405}),
    "programs:proposal_submit": only({"rep_a": 405}),
    # Judging (P2): evaluators see only their own panels and assignments.
    "programs:judging_home": only({"evaluator": 200, "evaluator_b": 200, "mentor_b": 200}),
    "programs:judging_pledge": only({"evaluator": 200, "evaluator_b": 200}),  # the panel's evaluators
    "programs:judging_assignment": only({"evaluator": 200}),  # evaluator A's own: 404 to evaluator B
    "programs:judging_score": only({"evaluator": 405}),  # POST only; evaluator A's own assignment
    "programs:judging_attachment": only({"evaluator": 200}),
    "programs:judging_programme": staff_only(),
    "programs:panel_detail": staff_only(),
    "programs:panel_order": staff_only(),
    "programs:panel_timer": staff_only(),
    "programs:panel_results": staff_only(),
    # Nothing is ranked in the world, so there is no result e-mail to preview: 404 to staff too (the preview
    # with scores is tested in test_judging_confirmation.py).
    "programs:panel_results_preview": staff_only(404),
    "programs:panel_objections": staff_only(),
    "programs:group_result": GROUP_A,
    "programs:public_results": everyone(),
    "programs:latest_results": everyone("302 → /programs/2026/results/"),  # the newest programme
    # Documents (P3): staff downloads; a judge's own score sheet for that judge only.
    "programs:programme_documents": staff_only(),
    "programs:applications_xlsx": staff_only(),
    "programs:evaluation_summary_pdf": staff_only(),
    "programs:result_sheet_pdf": staff_only(),
    "programs:results_xlsx": staff_only(),
    "programs:certificates_pdf": staff_only(),
    "programs:judge_scores_xlsx": staff_only(),
    "programs:my_scores_xlsx": only({"evaluator": 200, "evaluator_b": 200}),  # each judge's own sheet
}
EXPECTED |= INVESTMENT_EXPECTED  # P4
EXPECTED |= MENTORING_EXPECTED  # P1
EXPECTED |= SUPPORT_EXPECTED

PK_OF = {
    "programs:programme_detail": "programme",
    "programs:programme_rules": "programme",
    "programs:programme_stages": "programme",
    "programs:call_announce": "programme",
    "programs:call_preview": "programme",
    "programs:track_create": "programme",
    "programs:track_edit": "track",
    "programs:group_list": "programme",
    "programs:extension_grant": "group",
    "programs:group_detail": "group",
    "programs:proposal_edit": "group",
    "programs:attachment_download": "attachment",
    "programs:partner_add": "group",
    "programs:partner_remove": "group",
    "programs:partner_confirm": "group",
    "programs:attachment_add": "group",
    "programs:attachment_remove": "attachment",
    "programs:proposal_submit": "group",
    "programs:judging_pledge": "judging_panel",
    "programs:judging_assignment": "judging_assignment",
    "programs:judging_score": "judging_assignment",
    "programs:judging_attachment": "judging_assignment",
    "programs:judging_programme": "programme",
    "programs:panel_detail": "judging_panel",
    "programs:panel_order": "judging_panel",
    "programs:panel_timer": "judging_panel",
    "programs:panel_results": "judging_panel",
    "programs:panel_results_preview": "judging_panel",
    "programs:panel_objections": "judging_panel",
    "programs:group_result": "group",
    "programs:programme_documents": "programme",
    "programs:applications_xlsx": "programme",
    "programs:evaluation_summary_pdf": "programme",
    "programs:result_sheet_pdf": "judging_panel",
    "programs:results_xlsx": "judging_panel",
    "programs:certificates_pdf": "judging_panel",
    "programs:judge_scores_xlsx": "judging_panel",
    "programs:my_scores_xlsx": "judging_panel",
}
PK_OF |= INVESTMENT_PK_OF
PK_OF |= MENTORING_PK_OF
PK_OF |= SUPPORT_PK_OF

PATH_VALUES = {
    "year": lambda world: world["programme"].year,
    "member_pk": lambda world: world["group_partner"].pk,
    "attachment_pk": lambda world: world["attachment"].pk,
    "judge": lambda world: world["users"]["evaluator"].pk,
}
PATH_VALUES |= MENTORING_PATH_VALUES

COUNTED_MODELS = (
    Programme,
    Track,
    Criterion,
    ProjectGroup,
    GroupMember,
    Proposal,
    Attachment,
    DeadlineExtension,
    Assignment,
    Panel,
    Score,
    Objection,
    Winner,
)

COUNTED_MODELS += INVESTMENT_COUNTED
COUNTED_MODELS += MENTORING_COUNTED
COUNTED_MODELS += SUPPORT_COUNTED


def build_world(world) -> dict:
    programme = ProgrammeFactory(year=2026, call_open=True)
    group = ProjectGroupFactory(
        programme=programme, name="젠 컨소시엄", lead=world["org_a"], partners=[OrganisationFactory()], submitted=False
    )
    attachment = Attachment(proposal=group.proposal, original_name="제안서.pdf", size=9)
    attachment.file.save("제안서.pdf", ContentFile(b"%PDF-1.7\n"), save=False)
    attachment.save()
    built = {
        "programme": programme,
        "track": programme.tracks.get(code="SW"),
        "group": group,
        "group_partner": group.members.get(role=GroupMember.Role.PARTNER),
        "attachment": attachment,
    }
    built |= build_judging_world(world | built)  # P2
    built |= build_investment_world(world | built)  # P4
    built |= build_mentoring_world(world | built)  # P1
    built |= build_support_world(world | built)
    built |= build_post_world(world | built)
    return built


def pdf_upload(name: str = "계획서.pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, b"%PDF-1.7\n%%EOF\n", content_type="application/pdf")


def score_body(criterion) -> dict:
    return {"criterion": criterion.pk, f"c{criterion.pk}-points": "1", f"c{criterion.pk}-comment": "근거가 충실함"}


# A valid body for each POST URL (see url_matrix.py): refused roles post exactly this.
POST_DATA = {
    "programs:call_announce": no_body,
    "programs:proposal_submit": no_body,
    "programs:partner_remove": no_body,
    "programs:attachment_remove": no_body,
    "programs:investment_schedule": no_body,
    "programs:investment_send": no_body,
    "programs:partner_add": lambda world: {"company_name": world["org_b"].name},
    "programs:attachment_add": lambda world: {"file": pdf_upload()},
    "programs:interim_upload": lambda world: {"round_number": "2", "file": pdf_upload("중간결과.pdf")},
    "programs:judging_score": lambda world: score_body(world["group"].track.criteria.order_by("pk").first()),
    "programs:session_detail": lambda world: {
        "part": "schedule",
        "starts_at": "2026-09-01T14:00",
        "place": "판교 회의실",
    },
    "programs:my_meeting_interest": lambda world: {"interest": "high", "note": "후속 미팅 예정"},
    "programs:my_investment_requests": lambda world: {"choice_1": str(world["investment_desk"].pk)},
    "programs:my_investment_declines": lambda world: {"declined": [str(world["investment_other_company"].pk)]},
    "programs:support_grant": lambda world: {"use": "not_used", "used_on": "", "used_for": "신청 과제 없음"},
    "programs:investment_desk_add": lambda world: {"kind": "vc", "firm": "한빛인베스트먼트", "person": "", "user": ""},
    "programs:investment_company_add": lambda world: {"organisation": world["org_b"].pk},
}
# Who posts the valid body when it is not the first role that may open the URL.
POST_AS = {
    "programs:judging_score": "evaluator",
    "programs:partner_add": "rep_a",
    "programs:attachment_add": "rep_a",
    "programs:proposal_submit": "rep_a",
    "programs:partner_remove": "rep_a",
    "programs:attachment_remove": "rep_a",
    "programs:interim_upload": "rep_a",
}
POST_DATA |= POST_BODIES
POST_AS |= POST_BODIES_AS
POST_SETUP = POST_BODIES_SETUP
