"""E-mails of the later stages, by real SMTP and in Korean (text and HTML): the call announced once to every
member representative in batches, results that say whether a group goes on, awards to winners, and answers to
objections."""

import datetime

import pytest
from django.urls import reverse

from alliance.core.delivery.progress import delivery_progress
from alliance.core.delivery.sending import send_delivery_run
from alliance.core.models import AuditEntry, Delivery
from alliance.core.roles import Role
from alliance.core.tests.confirming import post_confirmed
from alliance.core.tests.factories import UserFactory
from alliance.members.tests.factories import OrganisationFactory
from alliance.programs.models import Programme, ScreeningOutcome
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
    programme = Programme.objects.get()
    delivery = Delivery.objects.get()
    assert (programme.call_announced_at is not None, delivery.kind, delivery.target_id) == (
        True,
        call.CALL_MAILING,
        programme.pk,
    )
    assert list(
        AuditEntry.objects.filter(action__in=["programs.call.announced", "core.delivery.ordered", "core.delivery.sent"])
        .order_by("pk")
        .values_list("action", "after")
    ) == [
        (
            "programs.call.announced",
            {"call_announced_at": programme.call_announced_at.isoformat(), "recipients": 3},
        ),
        ("core.delivery.ordered", {"mailing": call.CALL_MAILING, "delivery": delivery.pk, "recipients": 3}),
        (
            "core.delivery.sent",
            {
                "mailing": call.CALL_MAILING,
                "delivery": delivery.pk,
                "sent": 3,
                "failed": 0,
                "deferred": 0,
                "withdrawn": 0,
                "batches": 1,
                "left": 0,
            },
        ),
    ]


def _announced(count: int) -> Delivery:
    programme = ProgrammeFactory(call_open=True)
    for n in range(count):
        representative(OrganisationFactory(), email=f"rep{n}@member.example.kr")
    # The test database never commits, so announcing queues no sending: each test sends by hand.
    call.announce_call(actor=None, programme=programme)
    return Delivery.objects.get(target_id=programme.pk, kind=call.CALL_MAILING)


def test_call_address_refused_for_good_is_listed_and_the_rest_still_sent(client, staff_user, smtp_server):
    delivery = _announced(3)
    smtp_server.refused = {"rep1@member.example.kr"}

    counts = send_delivery_run(delivery_id=delivery.pk)

    client.force_login(staff_user)
    page = client.get(reverse("programs:programme_detail", args=[delivery.target_id])).content.decode()
    assert [message.envelope_recipients[0] for message in smtp_server.messages] == [
        "rep0@member.example.kr",
        "rep2@member.example.kr",
    ]
    assert (counts.sent, counts.failed) == (2, 1)
    assert "3명 중 2명에게 발송했습니다." in page
    assert "rep1@member.example.kr · 550 5.1.1 mailbox unavailable" in page
    assert "나머지에게 보내기" not in page


def test_call_deferred_by_the_mail_server_is_sent_to_the_rest_only(
    client, staff_user, smtp_server, django_capture_on_commit_callbacks
):
    delivery = _announced(5)
    smtp_server.deferred = {"rep2@member.example.kr"}
    send_delivery_run(delivery_id=delivery.pk, batch_size=2)
    stopped = delivery_progress(delivery)
    smtp_server.deferred = set()
    client.force_login(staff_user)
    page = client.get(reverse("programs:programme_detail", args=[delivery.target_id])).content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("core:delivery_resume", args=[delivery.pk]))

    assert (stopped.sent, stopped.pending, stopped.resumable) == (4, 1, True)
    assert ("5명 중 4명에게 발송했습니다." in page, "나머지에게 보내기" in page) == (True, True)
    assert response["Location"] == reverse("programs:programme_detail", args=[delivery.target_id]) + "#call"
    assert [message.envelope_recipients[0] for message in smtp_server.messages] == [
        f"rep{n}@member.example.kr" for n in (0, 1, 3, 4, 2)
    ]
    assert (delivery_progress(delivery).sent, delivery_progress(delivery).status) == (5, "done")


def test_call_progress_is_shown_only_with_the_programme_pages_permission(client, staff_user, smtp_server):
    delivery = _announced(1)
    client.force_login(UserFactory(role=Role.MEMBER_REP, organisation=OrganisationFactory()))

    status = client.get(reverse("core:delivery_status", args=[delivery.pk]))
    resume = client.post(reverse("core:delivery_resume", args=[delivery.pk]))

    assert (status.status_code, resume.status_code, smtp_server.messages) == (404, 404, [])


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
