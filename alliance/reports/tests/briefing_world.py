"""A small platform for the briefing tests: 2025 Q4 with members (one withdrawn), the steering committee's 4th
meeting (attendance recorded), a subcommittee meeting with confirmed minutes, an accepted and a pending agency
report, archive reports, newsletter editions, homepage visits, a published event with check-ins and its press."""

import datetime

from django.utils import timezone

from alliance.agencies.models import Heading
from alliance.agencies.tests.factories import EntryFactory, PlanItemFactory, ReportFactory
from alliance.core.models import ReviewStatus
from alliance.events.models import PressArticle, Registration
from alliance.events.tests.factories import EventFactory
from alliance.governance.models import Minutes, MinutesItem, MinutesState, MinutesVersion
from alliance.governance.tests.factories import AgendaItemFactory, MeetingFactory, SubcommitteeFactory
from alliance.governance.tests.factories_minutes import attended_meeting
from alliance.info.models import ImportedMonthlyVisits
from alliance.info.tests.factories_archive import ReportFactory as ArchiveReportFactory
from alliance.info.tests.factories_newsletter import EditionFactory
from alliance.members.models import MemberCategory, Organisation
from alliance.members.tests.factories import OrganisationFactory


def build_world():
    for category, joined in [
        (MemberCategory.LARGE, datetime.date(2024, 3, 1)),
        (MemberCategory.SMALL, datetime.date(2024, 3, 1)),
        (MemberCategory.SMALL, datetime.date(2025, 5, 1)),
        (MemberCategory.AGENCY, datetime.date(2025, 11, 1)),
        (MemberCategory.UNIVERSITY, datetime.date(2025, 2, 1)),
        (MemberCategory.MEDIUM, datetime.date(2026, 1, 5)),  # joined after the quarter
    ]:
        OrganisationFactory(category=category, joined_on=joined)
    withdrawn = OrganisationFactory(category=MemberCategory.NONPROFIT, joined_on=datetime.date(2024, 1, 1))
    Organisation.objects.filter(pk=withdrawn["pk"] if isinstance(withdrawn, dict) else withdrawn.pk).update(
        withdrawn_on=datetime.date(2025, 10, 1)
    )
    steering, _people = attended_meeting()
    subcommittee = SubcommitteeFactory(year=2025, name="미래전략분과")
    sub_meeting = MeetingFactory(body=subcommittee, number=3, date=datetime.date(2025, 10, 21), place="시어스랩")
    AgendaItemFactory(meeting=sub_meeting, order=1, title="산업용 메타버스 활용 우수 사례 공유")
    minutes = Minutes.objects.create(meeting=sub_meeting)
    version = MinutesVersion.objects.create(
        minutes=minutes, number=1, state=MinutesState.CONFIRMED, created_at=timezone.now(), confirmed_at=timezone.now()
    )
    MinutesItem.objects.create(
        version=version, order=1, title="우수 사례 발표", discussion="교육 분야 사례 공유\n제조 분야 사례 공유"
    )
    MeetingFactory(body=subcommittee, number=2, date=datetime.date(2025, 9, 23))  # Q3: not counted
    item = PlanItemFactory(
        plan__year=2025, plan__agency__name="한국전파진흥협회", plan__agency__short_name="RAPA", heading=Heading.POLICY
    )
    accepted = ReportFactory(
        agency=item.plan.agency, year=2025, quarter=4, status=ReviewStatus.APPLIED, reviewed_at=timezone.now()
    )
    EntryFactory(report=accepted, plan_item=item, text="프로젝트 그룹 최종심사 참여", figures="5개 그룹")
    ReportFactory(year=2025, quarter=4)  # a draft: not in the briefing
    for day in (datetime.date(2025, 3, 31), datetime.date(2025, 10, 13), datetime.date(2025, 11, 25)):
        ArchiveReportFactory(posted_on=day)
    for n in range(3):
        EditionFactory(
            publishing_date=datetime.date(2025, 10, 6) + datetime.timedelta(days=7 * n),
            state="sent",
            sent_at=timezone.now(),
        )
    for year, month, visits in [(2024, 10, 25673), (2025, 10, 106783), (2025, 11, 97648), (2025, 12, 50000)]:
        ImportedMonthlyVisits.objects.create(year=year, month=month, visits=visits)
    seminar = EventFactory(title="2025 분과통합 공개세미나", date=datetime.date(2025, 11, 13), sponsor="NIPA")
    for n, (kind, came) in enumerate([("company", True), ("company", True), ("university", True), ("company", False)]):
        Registration.objects.create(
            event=seminar,
            name=f"참석자{n}",
            organisation_type=kind,
            sequence=n + 1,
            checked_in_at=timezone.now() if came else None,
            expires_at=timezone.now(),
            token_hash=f"{n}" * 64,
        )
    EventFactory(title="비공개 행사", date=datetime.date(2025, 12, 2), published=False)  # not in the briefing
    for day in (datetime.date(2025, 11, 6), datetime.date(2025, 11, 7), datetime.date(2025, 9, 30)):
        PressArticle.objects.create(event=seminar, outlet="데일리뉴스", published_on=day, title="공개세미나 개최")
    return steering, sub_meeting
