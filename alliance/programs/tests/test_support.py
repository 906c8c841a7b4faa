"""The post-award support record: the seed's benefits as data, granting them to every released winner in one
action, recording use, the bonus-point certificate (PDF, Korean font), the group's own page, the XLSX export."""

import datetime
import io
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from alliance.core.models import AuditEntry
from alliance.core.tests.confirming import post_confirmed
from alliance.core.tests.pdf_reading import font_names, page_count, shows
from alliance.programs import demo_judging, demo_support
from alliance.programs.models import SupportBenefit, SupportGrant, Winner
from alliance.programs.services import programme as programme_service
from alliance.programs.services import results as results_service
from alliance.programs.services import support as service
from alliance.programs.tests.factories import ProgrammeFactory, ProjectGroupFactory, representative
from alliance.programs.tests.factories_documents import judged_final

pytestmark = pytest.mark.django_db
ISSUED = datetime.date(2026, 11, 20)  # in the past: a use is recorded on or after it, never after today


@pytest.fixture
def programme():
    return ProgrammeFactory(year=2026, name="2026 메타버스 얼라이언스 프로젝트 그룹")


@pytest.fixture
def released(programme, staff_user):
    """SW: 메타랩 1st (대상), 가온XR 2nd (최우수상); HW: 한빛 1st (대상); results released."""
    metalab = ProjectGroupFactory(programme=programme, name="메타랩 컨소시엄")
    gaon = ProjectGroupFactory(programme=programme, name="가온XR 컨소시엄")
    hanbit = ProjectGroupFactory(programme=programme, name="한빛 하드웨어", track_code="HW")
    panel, _judges = judged_final(
        programme, staff_user, {metalab: (18, 17, 16, 15, 10), gaon: (19, 14, 14, 14, 12), hanbit: (10, 11, 12, 13, 14)}
    )
    return results_service.release_results(actor=staff_user, panel=panel, notify=False)


def benefits(programme, *codes):
    return list(SupportBenefit.objects.filter(programme=programme, code__in=codes).order_by("position"))


def test_a_new_programme_offers_the_seeds_benefits_as_data(programme):
    assert list(programme.benefits.values_list("kind", "code", "granting_body", "points").order_by("position")) == [
        ("bonus_points", "NIPA", "정보통신산업진흥원(NIPA)", Decimal("1.0")),
        ("bonus_points", "RAPA", "한국전파진흥협회(RAPA)", Decimal("1.0")),
        ("booth", "BOOTH", "메타버스 얼라이언스", None),
        ("talk", "TALK", "메타버스 얼라이언스", None),
        ("press", "PRESS", "메타버스 얼라이언스", None),
    ]


def test_copying_a_programme_copies_its_benefits(programme, staff_user):
    service.save_benefit(
        actor=staff_user,
        programme=programme,
        data={"kind": "bonus_points", "code": "IITP", "name": "IITP 가점", "granting_body": "IITP", "points": "0.5"},
    )

    copy = programme_service.copy_programme(actor=staff_user, source=programme, year=2027)

    assert list(copy.benefits.values_list("code", "points").order_by("position"))[-1] == ("IITP", Decimal("0.5"))
    assert copy.benefits.count() == 6


def test_granting_before_the_final_results_are_released_is_refused(programme, staff_user):
    group = ProjectGroupFactory(programme=programme)
    panel, _judges = judged_final(programme, staff_user, {group: (18, 17, 16, 15, 10)})

    with pytest.raises(ValidationError):
        service.grant_to_winners(actor=staff_user, panel=panel, benefits=benefits(programme, "NIPA"))

    assert SupportGrant.objects.count() == 0


def test_grant_to_winners_numbers_each_certificate_and_is_audited(released, programme, staff_user):
    count = service.grant_to_winners(
        actor=staff_user, panel=released, benefits=benefits(programme, "NIPA", "BOOTH"), issued_on=ISSUED
    )

    assert count == 6
    assert list(
        SupportGrant.objects.order_by("number").values_list("number", "winner__group__name", "issued_on", "use")
    ) == [
        ("2026-BOOTH-001", "메타랩 컨소시엄", ISSUED, "pending"),
        ("2026-BOOTH-002", "가온XR 컨소시엄", ISSUED, "pending"),
        ("2026-BOOTH-003", "한빛 하드웨어", ISSUED, "pending"),
        ("2026-NIPA-001", "메타랩 컨소시엄", ISSUED, "pending"),
        ("2026-NIPA-002", "가온XR 컨소시엄", ISSUED, "pending"),
        ("2026-NIPA-003", "한빛 하드웨어", ISSUED, "pending"),
    ]
    entry = AuditEntry.objects.get(action="programs.support.granted")
    assert entry.after["numbers"] == [
        "2026-NIPA-001",
        "2026-NIPA-002",
        "2026-NIPA-003",
        "2026-BOOTH-001",
        "2026-BOOTH-002",
        "2026-BOOTH-003",
    ]


def test_granting_again_issues_only_what_is_missing(released, programme, staff_user):
    service.grant_to_winners(actor=staff_user, panel=released, benefits=benefits(programme, "NIPA"))

    count = service.grant_to_winners(actor=staff_user, panel=released, benefits=benefits(programme, "NIPA", "RAPA"))

    assert count == 3
    assert SupportGrant.objects.filter(benefit__code="NIPA").count() == 3
    assert sorted(SupportGrant.objects.filter(benefit__code="RAPA").values_list("number", flat=True)) == [
        "2026-RAPA-001",
        "2026-RAPA-002",
        "2026-RAPA-003",
    ]


def test_record_use_needs_the_date_and_where_and_keeps_the_change_in_the_audit(released, programme, staff_user):
    today = timezone.localdate()
    issued_on, used_on = today - datetime.timedelta(days=90), today - datetime.timedelta(days=10)
    service.grant_to_winners(
        actor=staff_user, panel=released, benefits=benefits(programme, "NIPA"), issued_on=issued_on
    )
    grant = SupportGrant.objects.get(number="2026-NIPA-001")

    with pytest.raises(ValidationError):
        service.record_use(actor=staff_user, grant=grant, use="used", used_on=used_on)
    service.record_use(
        actor=staff_user, grant=grant, use="used", used_on=used_on, used_for="2027 NIPA 가상융합 플래그십 주관기업 신청"
    )

    grant.refresh_from_db()
    assert (grant.use, grant.used_on, grant.used_for, grant.use_recorded_by) == (
        "used",
        used_on,
        "2027 NIPA 가상융합 플래그십 주관기업 신청",
        staff_user,
    )
    entry = AuditEntry.objects.get(action="programs.support.use_recorded")
    assert (entry.before["use"], entry.after["use"], entry.after["used_on"]) == ("pending", "used", used_on.isoformat())


@pytest.mark.parametrize(
    ("days_after_issue", "refusal"),
    [
        (-1, "활용일은 확인서 발급일(2026. 9. 4.)보다 앞설 수 없습니다."),
        (91, "활용일은 미래일 수 없습니다. 활용한 뒤에 기록하세요."),
    ],
)
def test_record_use_refuses_a_date_before_issue_or_in_the_future(released, programme, staff_user, days_after_issue,
                                                                 refusal):  # fmt: skip
    issued_on = datetime.date(2026, 9, 4)
    today = timezone.localdate()
    service.grant_to_winners(
        actor=staff_user, panel=released, benefits=benefits(programme, "NIPA"), issued_on=issued_on
    )
    grant = SupportGrant.objects.get(number="2026-NIPA-001")
    used_on = (
        issued_on + datetime.timedelta(days=days_after_issue)
        if days_after_issue < 0
        else today + datetime.timedelta(days=1)
    )

    with pytest.raises(ValidationError) as error:
        service.record_use(actor=staff_user, grant=grant, use="used", used_on=used_on, used_for="신청")

    assert (error.value.messages, SupportGrant.objects.get(pk=grant.pk).use) == ([refusal], "pending")


@pytest.mark.parametrize(
    ("data", "refusal"),
    [
        ({"kind": "bonus_points", "code": "IITP", "name": "IITP 가점", "granting_body": "IITP"}, "가점"),
        ({"kind": "booth", "code": "NIPA", "name": "중복 코드"}, "NIPA"),
    ],
)
def test_save_benefit_refuses_bonus_points_without_points_and_a_code_in_use(programme, staff_user, data, refusal):
    with pytest.raises(ValidationError) as refused:
        service.save_benefit(actor=staff_user, programme=programme, data=data)

    assert refusal in refused.value.messages[0]
    assert programme.benefits.count() == 5


def test_staff_grant_every_winner_in_one_action_and_record_use_from_the_pages(client, released, programme, staff_user):
    client.force_login(staff_user)
    nipa, booth = benefits(programme, "NIPA", "BOOTH")

    url = reverse("programs:support_record", args=[programme.pk])
    body = {"action": "grant", "grant-benefits": [nipa.pk, booth.pk], "grant-issued_on": "2026-11-20"}
    first = client.post(url, body)
    assert (SupportGrant.objects.count(), AuditEntry.objects.filter(action="programs.support.granted").count()) == (
        0,
        0,
    )
    assert "6건" in first.content.decode()
    post_confirmed(client, url, body)
    grant = SupportGrant.objects.get(number="2026-BOOTH-003")
    client.post(
        reverse("programs:support_grant", args=[grant.pk]),
        {"use": "not_used", "used_on": "", "used_for": "해외 전시와 일정 중복"},
    )
    page = client.get(reverse("programs:support_record", args=[programme.pk])).content.decode()

    grant.refresh_from_db()
    assert SupportGrant.objects.count() == 6
    assert (grant.use, grant.used_for) == ("not_used", "해외 전시와 일정 중복")
    assert "2026-NIPA-003" in page
    assert "해외 전시와 일정 중복" in page


def test_support_page_query_count_does_not_grow_with_grants(client, released, programme, staff_user):
    client.force_login(staff_user)
    url = reverse("programs:support_record", args=[programme.pk])
    service.grant_to_winners(actor=staff_user, panel=released, benefits=benefits(programme, "NIPA"))
    client.get(url)
    with CaptureQueriesContext(connection) as one:
        client.get(url)

    service.grant_to_winners(actor=staff_user, panel=released, benefits=benefits(programme, "RAPA", "TALK", "PRESS"))
    with CaptureQueriesContext(connection) as more:
        client.get(url)

    assert len(more.captured_queries) == len(one.captured_queries)


def test_the_group_sees_its_benefits_and_downloads_its_certificate(client, released, programme, staff_user):
    service.grant_to_winners(actor=staff_user, panel=released, benefits=benefits(programme, "NIPA", "PRESS"))
    winner = Winner.objects.get(group__name="메타랩 컨소시엄")
    rep = representative(winner.group.lead)
    client.force_login(rep)
    nipa = SupportGrant.objects.get(winner=winner, benefit__code="NIPA")
    press = SupportGrant.objects.get(winner=winner, benefit__code="PRESS")

    page = client.get(reverse("programs:group_detail", args=[winner.group_id])).content.decode()
    certificate = client.get(reverse("programs:support_certificate", args=[nipa.pk]))
    not_a_certificate = client.get(reverse("programs:support_certificate", args=[press.pk]))

    assert "2026-NIPA-001" in page
    assert "수상 보도자료 배포" in page
    assert reverse("programs:support_certificate", args=[nipa.pk]) in page
    assert reverse("programs:support_certificate", args=[press.pk]) not in page
    assert certificate["Content-Type"] == "application/pdf"
    assert not_a_certificate.status_code == 404


def test_the_lead_representative_records_its_own_use_from_the_group_page(client, released, programme, staff_user):
    service.grant_to_winners(actor=staff_user, panel=released, benefits=benefits(programme, "NIPA"), issued_on=ISSUED)
    grant = SupportGrant.objects.get(winner__group__name="메타랩 컨소시엄")
    rep = representative(grant.winner.group.lead)
    client.force_login(rep)
    used_on = ISSUED + datetime.timedelta(days=1)

    page = client.get(reverse("programs:group_detail", args=[grant.winner.group_id])).content.decode()
    response = client.post(
        reverse("programs:support_grant", args=[grant.pk]),
        {"use": "used", "used_on": used_on.isoformat(), "used_for": "2027 XR 실증 지원사업 신청"},
    )

    grant.refresh_from_db()
    assert reverse("programs:support_grant", args=[grant.pk]) in page
    assert response.url == reverse("programs:group_detail", args=[grant.winner.group_id]) + "#support"
    assert (grant.use, grant.used_on, grant.used_for, grant.use_recorded_by) == (
        "used",
        used_on,
        "2027 XR 실증 지원사업 신청",
        rep,
    )
    assert AuditEntry.objects.filter(action="programs.support.use_recorded", actor=rep).count() == 1


def test_a_partner_or_another_group_cannot_record_a_groups_use(client, released, programme, staff_user):
    service.grant_to_winners(actor=staff_user, panel=released, benefits=benefits(programme, "NIPA"))
    grant = SupportGrant.objects.get(winner__group__name="메타랩 컨소시엄")
    other = representative(Winner.objects.get(group__name="한빛 하드웨어").group.lead)
    client.force_login(other)

    response = client.post(reverse("programs:support_grant", args=[grant.pk]), {"use": "not_used"})

    grant.refresh_from_db()
    assert (response.status_code, grant.use) == (404, "pending")


def test_another_groups_representative_gets_no_certificate(client, released, programme, staff_user):
    service.grant_to_winners(actor=staff_user, panel=released, benefits=benefits(programme, "NIPA"))
    grant = SupportGrant.objects.get(winner__group__name="메타랩 컨소시엄")
    client.force_login(representative(Winner.objects.get(group__name="한빛 하드웨어").group.lead))

    response = client.get(reverse("programs:support_certificate", args=[grant.pk]))

    assert response.status_code == 404


def test_bonus_certificate_pdf_names_group_body_points_in_korean(released, programme, staff_user):
    from alliance.programs.documents import pdfs

    service.grant_to_winners(actor=staff_user, panel=released, benefits=benefits(programme, "RAPA"), issued_on=ISSUED)
    grant = SupportGrant.objects.select_related("benefit__programme", "winner__track", "winner__group").get(
        winner__group__name="한빛 하드웨어"
    )
    context = pdfs.bonus_certificate_context(grant)

    pdf = pdfs.bonus_certificate_pdf(grant)

    assert page_count(pdf) == 1
    assert {"Noto-Sans-CJK-KR", "Noto-Sans-CJK-KR-Bold"} <= font_names(pdf)
    assert shows(pdf, "가점 확인서 한빛 하드웨어 한국전파진흥협회(RAPA) 2026-RAPA-001 2026. 11. 20.")
    assert shows(pdf, " ".join(context["companies"]))
    assert (context["points"], context["presented_by"]) == ("1", "과학기술정보통신부 장관상")


def test_support_xlsx_lists_every_grant_with_its_use(client, released, programme, staff_user):
    service.grant_to_winners(actor=staff_user, panel=released, benefits=benefits(programme, "NIPA"), issued_on=ISSUED)
    grant = SupportGrant.objects.get(number="2026-NIPA-002")
    service.record_use(actor=staff_user, grant=grant, use="used", used_on=ISSUED, used_for="NIPA 과제 신청")
    client.force_login(staff_user)

    response = client.get(reverse("programs:support_xlsx", args=[programme.pk]))

    rows = list(load_workbook(io.BytesIO(response.content)).active.iter_rows(values_only=True))
    assert rows[0][:4] == ("부문", "순위", "시상", "프로젝트 그룹")
    assert [(row[3], row[10], row[12], row[14]) for row in rows[1:]] == [
        ("메타랩 컨소시엄", "2026-NIPA-001", "미확인", None),
        ("가온XR 컨소시엄", "2026-NIPA-002", "활용", "NIPA 과제 신청"),
        ("한빛 하드웨어", "2026-NIPA-003", "미확인", None),
    ]


def test_demo_support_grants_every_benefit_and_records_some_used_and_some_not():
    programme = ProgrammeFactory(year=2026)
    for index in range(15):
        ProjectGroupFactory(programme=programme, track_code="SW" if index % 2 else "HW")
    demo_judging.load(programme=programme, seed=7)

    summary = demo_support.load(programme=programme, seed=7)

    grants = SupportGrant.objects.filter(benefit__programme=programme)
    assert grants.count() == 10 * 5
    assert set(grants.values_list("use", flat=True)) == {"used", "not_used", "pending"}
    assert grants.filter(benefit__code="PRESS", use="used").count() == 10
    assert summary.startswith("수상 후속 지원: 50건 발급, 활용 ")


def test_bonus_certificate_chooses_the_particle_after_the_award(released, programme, staff_user):
    from django.utils import translation

    from alliance.core.pdf import document_html
    from alliance.programs.documents import pdfs

    service.grant_to_winners(actor=staff_user, panel=released, benefits=benefits(programme, "NIPA"), issued_on=ISSUED)
    grants = SupportGrant.objects.select_related("winner").order_by("number")

    with translation.override("ko"):
        pages = [document_html(pdfs.BONUS_CERTIFICATE, pdfs.bonus_certificate_context(grant)) for grant in grants]

    assert [grant.winner.award_name for grant in grants] == ["대상", "최우수상", "대상"]
    assert ["대상을 수상하였으므로" in pages[0], "최우수상을 수상하였으므로" in pages[1]] == [True, True]
    assert [page for page in pages if "(를)" in page] == []


def test_granting_again_when_every_winner_holds_the_benefit_is_refused(client, released, programme, staff_user):
    client.force_login(staff_user)
    (nipa,) = benefits(programme, "NIPA")
    url = reverse("programs:support_record", args=[programme.pk])
    body = {"action": "grant", "grant-benefits": [nipa.pk], "grant-issued_on": "2026-11-20"}
    post_confirmed(client, url, body)

    again = client.post(url, body).content.decode()

    assert 'name="confirmed"' not in again
    assert "이미" in again
    assert SupportGrant.objects.count() == 3


def test_a_use_recorded_meanwhile_refuses_the_later_record(released, programme, staff_user):
    from django.test import Client

    from alliance.core.tests.editing import posted

    service.grant_to_winners(actor=staff_user, panel=released, benefits=benefits(programme, "NIPA"), issued_on=ISSUED)
    grant = SupportGrant.objects.get(winner__group__name="메타랩 컨소시엄")
    url = reverse("programs:support_grant", args=[grant.pk])
    staff, rep = Client(), Client()
    staff.force_login(staff_user)
    rep.force_login(representative(grant.winner.group.lead))
    staff_form, rep_form = posted(staff.get(url).context["form"]), posted(rep.get(url).context["form"])
    used_on = (ISSUED + datetime.timedelta(days=1)).isoformat()

    assert staff.post(url, staff_form | {"use": "not_used", "used_for": "일정이 맞지 않음"}).status_code == 302
    response = rep.post(url, rep_form | {"use": "used", "used_on": used_on, "used_for": "2027 XR 실증 지원사업"})

    assert response.status_code == 200
    assert response.context["form"].stale_changes == [
        {"label": "활용 여부", "theirs": "미활용", "yours": "활용"},
        {"label": "활용처와 용도(미활용 시 사유)", "theirs": "일정이 맞지 않음", "yours": "2027 XR 실증 지원사업"},
    ]
    grant.refresh_from_db()
    assert (grant.use, grant.used_for) == ("not_used", "일정이 맞지 않음")

    retry = rep.post(url, posted(response.context["form"]))

    assert retry.status_code == 302
    grant.refresh_from_db()
    assert (grant.use, grant.used_for) == ("used", "2027 XR 실증 지원사업")
