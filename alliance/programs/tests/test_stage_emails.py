"""E-mails of the later stages, by real SMTP and in Korean (text and HTML): the call announced once to every
member representative in batches, results that say whether a group goes on, awards to winners, and answers to
objections."""

import datetime
from smtplib import SMTPDataError

import pytest
from django.urls import reverse
from django.utils import timezone

from alliance.core.models import AuditEntry
from alliance.core.roles import Role
from alliance.core.tests.confirming import post_confirmed
from alliance.core.tests.factories import UserFactory
from alliance.members.tests.factories import OrganisationFactory
from alliance.programs.models import CallRecipient, Programme, ScreeningOutcome
from alliance.programs.services import assignment as assignment_service
from alliance.programs.services import call
from alliance.programs.services import objections as objection_service
from alliance.programs.services import panels as panel_service
from alliance.programs.services import results as results_service
from alliance.programs.tests.factories import ProgrammeFactory, ProjectGroupFactory, representative
from alliance.programs.tests.factories_judging import fill_scores, final_panel, ready_judge, screening_panel

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def korean(settings):
    settings.LANGUAGE_CODE = "ko"


def texts(smtp_server) -> dict[str, list[str]]:
    """Recipient → plain texts of the e-mails each received (every e-mail also has an HTML part)."""
    received: dict[str, list[str]] = {}
    for message in smtp_server.messages:
        assert message.get_body(("html",)) is not None
        for recipient in message.envelope_recipients:
            received.setdefault(recipient, []).append(message.get_body(("plain",)).get_content())
    return received


def test_staff_announce_the_call_once_to_every_current_members_representative(
    client, staff_user, smtp_server, django_capture_on_commit_callbacks
):
    programme = ProgrammeFactory(year=2026, name="2026 프로젝트 그룹", call_open=True)
    for n in range(3):
        representative(OrganisationFactory(), email=f"rep{n}@member.example.kr")
    representative(OrganisationFactory(withdrawn_on=datetime.date(2025, 1, 1)), email="gone@former.example.kr")
    UserFactory(
        role=Role.MEMBER_REP, organisation=OrganisationFactory(), email="off@member.example.kr", is_active=False
    )
    client.force_login(staff_user)
    url = reverse("programs:call_announce", args=[programme.pk])

    with django_capture_on_commit_callbacks(execute=True):
        post_confirmed(client, url)
    with django_capture_on_commit_callbacks(execute=True):
        again = client.post(url, follow=True)

    assert [message.envelope_recipients for message in smtp_server.messages] == [
        ["rep0@member.example.kr"],
        ["rep1@member.example.kr"],
        ["rep2@member.example.kr"],
    ]
    message = smtp_server.messages[0]
    assert message["Subject"].strip() == "[메타버스 얼라이언스] 2026 프로젝트 그룹: 프로젝트 그룹 참여 모집 안내"
    assert "/programs/2026/apply/" in message.get_body(("plain",)).get_content()
    assert "한 번만 보냅니다" in again.content.decode()
    assert Programme.objects.get().call_announced_at is not None
    assert list(
        AuditEntry.objects.filter(action__startswith="programs.call.").order_by("pk").values_list("action", "after")
    ) == [
        (
            "programs.call.announced",
            {"call_announced_at": Programme.objects.get().call_announced_at.isoformat(), "recipients": 3},
        ),
        ("programs.call.announcement_sent", {"sent": 3, "refused": 0, "batches": 1, "left": 0}),
    ]


def _announced(count: int) -> Programme:
    programme = ProgrammeFactory(call_open=True)
    for n in range(count):
        representative(OrganisationFactory(), email=f"rep{n}@member.example.kr")
    # The test database never commits, so announcing queues no sending: each test sends by hand.
    call.announce_call(actor=None, programme=programme)
    return programme


def test_call_announcement_is_sent_in_batches(smtp_server):
    programme = _announced(5)

    sent = call.send_call_announcement(programme=programme, batch_size=2)

    assert (sent, len(smtp_server.messages)) == (5, 5)
    assert AuditEntry.objects.get(action="programs.call.announcement_sent").after == {
        "sent": 5,
        "refused": 0,
        "batches": 3,
        "left": 0,
    }


def test_call_address_refused_for_good_is_listed_and_the_rest_still_sent(client, staff_user, smtp_server):
    programme = _announced(3)
    smtp_server.refused = {"rep1@member.example.kr"}

    sent = call.send_call_announcement(programme=programme)

    client.force_login(staff_user)
    page = client.get(reverse("programs:programme_detail", args=[programme.pk])).content.decode()
    assert [message.envelope_recipients[0] for message in smtp_server.messages] == [
        "rep0@member.example.kr",
        "rep2@member.example.kr",
    ]
    assert (sent, call.call_progress(programme)) == (2, call.CallProgress(total=3, sent=2, refused=1, sending=False))
    assert "rep1@member.example.kr · 550 5.1.1 mailbox unavailable" in page
    assert "미발송 대상에게 보내기" not in page


def test_call_stopped_by_the_mail_server_resumes_for_the_rest_only(
    client, staff_user, smtp_server, django_capture_on_commit_callbacks
):
    programme = _announced(5)
    smtp_server.deferred = {"rep2@member.example.kr"}
    with pytest.raises(SMTPDataError):
        call.send_call_announcement(programme=programme, batch_size=2)
    stopped = call.call_progress(programme)
    smtp_server.deferred = set()
    client.force_login(staff_user)
    page = client.get(reverse("programs:programme_detail", args=[programme.pk])).content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("programs:call_resume", args=[programme.pk]))

    assert (stopped.sent, stopped.pending, stopped.resumable) == (2, 3, True)
    assert ("5명 중 2명에게 발송했습니다." in page, "미발송 대상에게 보내기" in page) == (True, True)
    assert [message.envelope_recipients[0] for message in smtp_server.messages] == [
        f"rep{n}@member.example.kr" for n in range(5)
    ]
    assert call.call_progress(programme) == call.CallProgress(total=5, sent=5, refused=0, sending=False)
    assert list(
        AuditEntry.objects.filter(action__in=["programs.call.announcement_sent", "programs.call.resumed"])
        .order_by("pk")
        .values_list("action", "after")
    ) == [
        ("programs.call.announcement_sent", {"sent": 2, "refused": 0, "batches": 2, "left": 3}),
        ("programs.call.resumed", {"pending": 3}),
        ("programs.call.announcement_sent", {"sent": 3, "refused": 0, "batches": 1, "left": 0}),
    ]


@pytest.mark.parametrize(("claimed_minutes_ago", "sent_to"), [(1, [1, 2]), (11, [0, 1, 2])])
def test_call_rows_claimed_by_another_run_are_left_to_it_until_the_claim_lapses(
    smtp_server, claimed_minutes_ago, sent_to
):
    programme = _announced(3)
    claimed_at = timezone.now() - datetime.timedelta(minutes=claimed_minutes_ago)
    CallRecipient.objects.filter(email="rep0@member.example.kr").update(claimed_by="other-run", claimed_at=claimed_at)

    sent = call.send_call_announcement(programme=programme)

    assert [message.envelope_recipients[0] for message in smtp_server.messages] == [
        f"rep{n}@member.example.kr" for n in sent_to
    ]
    assert (sent, call.call_progress(programme).sending) == (len(sent_to), claimed_minutes_ago < 10)


def test_call_resume_refused_while_nothing_is_left(client, staff_user, smtp_server):
    programme = _announced(1)
    call.send_call_announcement(programme=programme)
    client.force_login(staff_user)

    response = client.post(reverse("programs:call_resume", args=[programme.pk]), follow=True)

    assert "보낼 대상이 남아 있지 않거나 지금 발송 중입니다." in response.content.decode()
    assert len(smtp_server.messages) == 1


def _closed_screening(programme, staff_user):
    kept = ProjectGroupFactory(programme=programme, name="통과 컨소시엄")
    dropped = ProjectGroupFactory(programme=programme, name="탈락 컨소시엄")
    representative(kept.lead, email="kept@member.example.kr")
    representative(dropped.lead, email="dropped@member.example.kr")
    panel = screening_panel(programme)
    judges = [ready_judge(panel) for _ in range(3)]
    for group in (kept, dropped):
        for judge in judges:
            assignment_service.assign_evaluator(actor=staff_user, panel=panel, user=judge, group=group)
    fill_scores(panel, {(judge, kept): 15 for judge in judges} | {(judge, dropped): 10 for judge in judges})
    panel_service.close_panel(actor=staff_user, panel=panel)
    return panel, kept, dropped


def test_screening_release_e_mail_says_whether_the_group_goes_on(
    staff_user, smtp_server, django_capture_on_commit_callbacks
):
    programme = ProgrammeFactory(year=2026)
    programme.screening_value = 1
    programme.save()
    panel, _kept, _dropped = _closed_screening(programme, staff_user)
    results_service.decide_screening(actor=staff_user, panel=panel)

    with django_capture_on_commit_callbacks(execute=True):
        results_service.release_results(actor=staff_user, panel=panel)

    received = texts(smtp_server)
    assert "다음 단계(멘토링, 투자 상담회, 최종 발표 평가)에 진출합니다" in received["kept@member.example.kr"][0]
    assert "다음 단계에 진출하지 못했습니다" in received["dropped@member.example.kr"][0]
    assert "진출합니다" not in received["dropped@member.example.kr"][0]


def test_group_result_page_says_whether_the_group_goes_on(client, staff_user):
    programme = ProgrammeFactory(year=2026)
    programme.screening_value = 1
    programme.save()
    panel, _kept, dropped = _closed_screening(programme, staff_user)
    results_service.decide_screening(actor=staff_user, panel=panel)
    results_service.release_results(actor=staff_user, panel=panel, notify=False)
    client.force_login(representative(dropped.lead))

    page = client.get(reverse("programs:group_result", args=[dropped.pk])).content.decode()

    assert ScreeningOutcome.objects.get(group=dropped).advances is False
    assert "다음 단계에 진출하지 못했습니다" in page
    assert "진출합니다" not in page


def test_final_release_e_mails_each_winner_its_award(staff_user, smtp_server, django_capture_on_commit_callbacks):
    programme = ProgrammeFactory(year=2026, name="2026 프로젝트 그룹")
    groups = [ProjectGroupFactory(programme=programme, name=f"그룹 {n}") for n in range(6)]
    for n, group in enumerate(groups):
        representative(group.lead, email=f"lead{n}@member.example.kr")
    panel = final_panel(programme)
    judges = [ready_judge(panel) for _ in range(3)]
    assignment_service.seat_final_panel(actor=staff_user, panel=panel)
    fill_scores(panel, {(judge, group): 20 - n for n, group in enumerate(groups) for judge in judges})
    panel_service.close_panel(actor=staff_user, panel=panel)
    results_service.choose_winners(actor=staff_user, panel=panel)

    with django_capture_on_commit_callbacks(execute=True):
        results_service.release_results(actor=staff_user, panel=panel)

    received = texts(smtp_server)
    assert len(received["lead0@member.example.kr"]) == 2  # the result, then the award
    assert "그룹 0의 2026 프로젝트 그룹 SW부문 대상 수상을 축하드립니다" in received["lead0@member.example.kr"][1]
    assert "과학기술정보통신부 장관상" in received["lead0@member.example.kr"][1]
    assert len(received["lead5@member.example.kr"]) == 1  # sixth: not a winner


def test_answering_an_objection_e_mails_the_group(staff_user, smtp_server, django_capture_on_commit_callbacks):
    programme = ProgrammeFactory(year=2026)
    group = ProjectGroupFactory(programme=programme, name="이의 컨소시엄")
    rep = representative(group.lead, email="rep@member.example.kr")
    partner_rep = representative(group.members.get(role="partner").organisation, email="partner@member.example.kr")
    panel = final_panel(programme)
    judges = [ready_judge(panel) for _ in range(3)]
    assignment_service.seat_final_panel(actor=staff_user, panel=panel)
    fill_scores(panel, {(judge, group): 15 for judge in judges})
    panel_service.close_panel(actor=staff_user, panel=panel)
    results_service.release_results(actor=staff_user, panel=panel, notify=False)
    objection = objection_service.lodge_objection(user=rep, panel=panel, group=group, text="합산 확인 요청")

    with django_capture_on_commit_callbacks(execute=True):
        objection_service.answer_objection(actor=staff_user, objection=objection, answer="재확인 결과 이상 없음")
    with django_capture_on_commit_callbacks(execute=True):
        objection_service.answer_objection(actor=staff_user, objection=objection, answer="재확인 결과 이상 없음")

    (message,) = smtp_server.messages
    assert message.envelope_recipients == [rep.email, partner_rep.email]
    assert "재확인 결과 이상 없음" in message.get_body(("plain",)).get_content()
    assert (
        message["Subject"].strip()
        == "[메타버스 얼라이언스] 2026 메타버스 얼라이언스 프로젝트 그룹: 이의 컨소시엄 이의신청 답변"
    )


def test_group_result_page_leaves_out_a_panel_that_did_not_judge_the_group(client, staff_user):
    programme = ProgrammeFactory(year=2026)
    programme.screening_value = 1
    programme.save()
    screening, _kept, dropped = _closed_screening(programme, staff_user)
    results_service.decide_screening(actor=staff_user, panel=screening)
    results_service.release_results(actor=staff_user, panel=screening, notify=False)
    final = final_panel(programme)
    assignment_service.seat_final_panel(actor=staff_user, panel=final)
    fill_scores(final, {(seat.evaluator, seat.group): 15 for seat in final.assignments.select_related("evaluator")})
    panel_service.close_panel(actor=staff_user, panel=final)
    results_service.release_results(actor=staff_user, panel=final, notify=False)
    client.force_login(representative(dropped.lead))

    response = client.get(reverse("programs:group_result", args=[dropped.pk]))

    assert [entry["panel"].kind for entry in response.context["released"]] == ["screening"]
