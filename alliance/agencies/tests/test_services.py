import datetime

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from alliance.agencies import queries
from alliance.agencies.models import Heading, LinkagePlan, QuarterDeadline, default_deadline
from alliance.agencies.services import plans, reports
from alliance.agencies.services.agencies import add_liaison
from alliance.agencies.tests.factories import (
    AgencyFactory,
    EntryFactory,
    LiaisonFactory,
    PlanItemFactory,
    ReportFactory,
)
from alliance.core.models import AuditEntry, ReviewStatus
from alliance.core.roles import Role
from alliance.core.tests.factories import UserFactory

pytestmark = pytest.mark.django_db
ITEM = {"heading": Heading.INFORMATION, "text": "R&D 투자 방향 설명", "start_month": 6, "end_month": 12}
PDF = b"%PDF-1.4\n%%EOF\n"


def _actions(target) -> list[str]:
    return list(AuditEntry.objects.filter(target_id=str(target.pk)).order_by("id").values_list("action", flat=True))


def test_period_reads_as_in_the_steering_papers():
    item = PlanItemFactory(start_month=6, end_month=12)
    single = PlanItemFactory(plan=item.plan, start_month=10, end_month=10)

    assert (item.period, single.period) == ("'26.6~12", "'26.10")


def test_liaison_drafts_and_submits_the_plan_then_only_staff_may_change_it(staff_user):
    liaison = LiaisonFactory()
    item = plans.add_plan_item(actor=liaison.user, agency=liaison.agency, year=2026, **ITEM, link_url="", link_label="")
    plans.submit_plan(actor=liaison.user, plan=item.plan)

    with pytest.raises(ValidationError):
        plans.add_plan_item(actor=liaison.user, agency=liaison.agency, year=2026, **ITEM, link_url="", link_label="")
    plans.update_plan_item(actor=staff_user, item=item, **(ITEM | {"text": "수정됨"}), link_url="", link_label="")

    item.refresh_from_db()
    assert (item.text, item.plan.status) == ("수정됨", LinkagePlan.Status.SUBMITTED)
    assert _actions(item.plan) == ["agencies.plan.item_added", "agencies.plan.submitted", "agencies.plan.item_changed"]


def test_an_empty_plan_is_not_submitted():
    plan = PlanItemFactory().plan
    plan.items.all().delete()

    with pytest.raises(ValidationError):
        plans.submit_plan(actor=None, plan=plan)


def test_an_item_already_reported_on_is_not_deleted():
    entry = EntryFactory()

    with pytest.raises(ValidationError):
        plans.delete_plan_item(actor=None, item=entry.plan_item)


def test_report_is_returned_with_comments_resubmitted_and_accepted(staff_user):
    liaison = LiaisonFactory()
    item = PlanItemFactory(plan__agency=liaison.agency)
    entries = {item.pk: {"text": "설명회 개최", "figures": "12개 기관 참여"}}
    report = reports.save_report(actor=liaison.user, agency=liaison.agency, year=2026, quarter=3, entries=entries)
    reports.submit_report(actor=liaison.user, report=report)
    first = report.__class__.objects.get(pk=report.pk).first_submitted_at

    with pytest.raises(ValidationError):
        reports.review_report(actor=staff_user, report=report, decision="return", note="")
    reports.review_report(actor=staff_user, report=report, decision="return", note="사진을 붙여 주세요")
    reports.add_report_file(
        actor=liaison.user,
        agency=liaison.agency,
        year=2026,
        quarter=3,
        item_id=item.pk,
        upload=SimpleUploadedFile("결과.pdf", PDF),
    )
    reports.submit_report(actor=liaison.user, report=report)
    reports.review_report(actor=staff_user, report=report, decision="accept")

    report.refresh_from_db()
    assert (report.status, report.first_submitted_at, report.review_note) == (ReviewStatus.APPLIED, first, "")
    assert _actions(report) == [
        "agencies.report.saved",
        "agencies.report.submitted",
        "agencies.report.returned",
        "agencies.report.file_added",
        "agencies.report.submitted",
        "agencies.report.accepted",
    ]
    assert list(queries.accepted_reports(2026, 3)) == [report]
    assert list(queries.accepted_reports(2026, 2)) == []


def test_a_submitted_report_is_not_changed_and_a_draft_is_not_reviewed(staff_user):
    entry = EntryFactory()
    report = entry.report

    with pytest.raises(ValidationError):
        reports.review_report(actor=staff_user, report=report, decision="accept")
    reports.submit_report(actor=None, report=report)
    with pytest.raises(ValidationError):
        reports.save_report(actor=None, agency=report.agency, year=2026, quarter=1, entries={})


def test_a_report_without_text_is_not_submitted():
    report = ReportFactory()

    with pytest.raises(ValidationError):
        reports.submit_report(actor=None, report=report)


def test_an_item_of_another_agencys_plan_is_refused():
    report = ReportFactory()
    foreign = PlanItemFactory()

    with pytest.raises(ValidationError):
        reports.save_report(actor=None, agency=report.agency, year=2026, quarter=1, entries={foreign.pk: {"text": "x"}})


def test_a_photo_whose_content_is_not_an_image_is_refused():
    item = PlanItemFactory()

    with pytest.raises(ValidationError) as error:
        reports.add_report_file(
            actor=None,
            agency=item.plan.agency,
            year=2026,
            quarter=1,
            item_id=item.pk,
            upload=SimpleUploadedFile("행사.jpg", PDF),
        )
    assert error.value.messages == ["행사.jpg: 내용이 JPG 파일이 아닙니다. 파일 이름(확장자)과 내용이 일치해야 합니다."]


def test_default_deadline_is_the_tenth_of_the_month_after_the_quarter():
    assert [default_deadline(2026, quarter) for quarter in (1, 2, 3, 4)] == [
        datetime.date(2026, 4, 10),
        datetime.date(2026, 7, 10),
        datetime.date(2026, 10, 10),
        datetime.date(2027, 1, 10),
    ]


def test_staff_set_a_deadline_and_the_grid_uses_it(staff_user):
    reports.set_deadline(actor=staff_user, year=2026, quarter=2, due_on=datetime.date(2026, 7, 20))

    assert queries.deadline_for(2026, 2) == datetime.date(2026, 7, 20)
    with pytest.raises(ValidationError):
        reports.set_deadline(actor=staff_user, year=2026, quarter=3, due_on=datetime.date(2026, 6, 30))
    assert QuarterDeadline.objects.count() == 1


def _submitted_on(report, day: datetime.date):
    moment = timezone.make_aware(datetime.datetime.combine(day, datetime.time(15)))
    report.__class__.objects.filter(pk=report.pk).update(submitted_at=moment, first_submitted_at=moment)


def test_late_detection_as_of_a_date():
    on_time, late, missing = AgencyFactory(), AgencyFactory(), AgencyFactory()
    _submitted_on(EntryFactory(report__agency=on_time).report, datetime.date(2026, 4, 10))
    _submitted_on(EntryFactory(report__agency=late).report, datetime.date(2026, 4, 11))

    states = {
        agency.pk: (cells[0].state, cells[0].submitted_late)
        for agency, cells in queries.report_grid(2026, datetime.date(2026, 4, 11))
    }
    before = {agency.pk: cells[0].state for agency, cells in queries.report_grid(2026, datetime.date(2026, 4, 10))}

    assert states == {
        on_time.pk: ("submitted", False),
        late.pk: ("submitted", True),
        missing.pk: ("late", False),
    }
    assert before[missing.pk] == "not_due"
    assert queries.overdue_agencies(2026, 1, datetime.date(2026, 4, 11)) == [missing]
    assert queries.overdue_agencies(2026, 1, datetime.date(2026, 4, 10)) == []


def test_staff_add_a_liaison_account_linked_to_one_agency(staff_user):
    first, second = AgencyFactory(), AgencyFactory()
    user = add_liaison(actor=staff_user, agency=first, email="Kim@NIPA.example.kr", name="김연계")

    with pytest.raises(ValidationError):
        add_liaison(actor=staff_user, agency=second, email="kim@nipa.example.kr", name="김연계")
    with pytest.raises(ValidationError):
        add_liaison(actor=staff_user, agency=second, email=UserFactory(role=Role.MEMBER_REP).email, name="회원사")

    assert (user.email, user.roles, user.agency_liaison.agency, user.has_usable_password()) == (
        "kim@nipa.example.kr",
        {Role.AGENCY},
        first,
        False,
    )


def test_a_steering_member_who_also_holds_the_agency_role_can_be_a_liaison(staff_user):
    agency = AgencyFactory()
    member = UserFactory(roles=[Role.AGENCY, Role.STEERING], email="lee@rapa.example.kr")

    user = add_liaison(actor=staff_user, agency=agency, email="lee@rapa.example.kr", name="이연계")

    assert (user, user.roles, user.agency_liaison.agency) == (member, {Role.AGENCY, Role.STEERING}, agency)
