"""Demo data of the regulatory self-service (`make demo`): the 2025 and 2026 checklists (2026 as version 2 after a
weight change by the subcommittee), twenty companies' self-checks in both years, and platform filings in every
state, the received ones numbered with their certificates' check links. The member login's company has a 2025
result and a 2026 draft, and a received filing; the agency login (NIPA) is the delegated agency's liaison."""

import datetime
import random

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from alliance.core.models import User
from alliance.core.roles import Role
from alliance.members.models import Organisation
from alliance.regulation.models import Checklist, Filing, FilingKind, PlatformType, SelfCheck
from alliance.regulation.services import checklist as checklist_service
from alliance.regulation.services import filings as filing_service
from alliance.regulation.services.selfcheck import save_answers

YEARS = (2025, 2026)
COMPANIES = 20
EVIDENCE = b"%PDF-1.4\n% demo revenue evidence\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"
PLATFORMS = (  # name, address or app, type, description
    ("메타 실습실", "https://lab.example.kr", PlatformType.EDUCATION, "가상 공간의 직무 실습 교육 플랫폼"),
    ("트윈팩토리", "https://twin.example.kr", PlatformType.INDUSTRIAL, "공장 설비 디지털 트윈 점검 플랫폼"),
    ("버추얼 부스", "https://booth.example.kr", PlatformType.EXHIBITION, "온라인 전시회와 기업 홍보관을 여는 플랫폼"),
    ("헬스케어 룸", "앱: 헬스케어룸 (iOS·Android)", PlatformType.MEDICAL, "가상 환경 재활 운동 지도 플랫폼"),
    ("워크스페이스 X", "https://work.example.kr", PlatformType.BUSINESS, "원격 협업과 회의를 위한 가상 업무 공간"),
    ("메타 라운지", "https://lounge.example.kr", PlatformType.SOCIAL, "관심사 기반 가상 모임 공간"),
    ("XR 정비 교본", "https://manual.example.kr", PlatformType.INDUSTRIAL, "XR 장비로 정비 절차를 안내하는 플랫폼"),
    ("가상 캠퍼스", "https://campus.example.kr", PlatformType.EDUCATION, "대학 강의를 가상 캠퍼스에서 운영"),
)  # fmt: skip


def _answers(rng: random.Random, bias: int) -> dict[str, int]:
    return {str(number): max(1, min(5, bias + rng.choice((-2, -1, 0, 0, 1)))) for number in range(1, 11)}


def _moment(year: int, month: int, day: int) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime(year, month, day, 10))


def _checklists(staff) -> None:
    checklist_service.start_year(actor=staff, year=2025, publish=True)
    first = checklist_service.start_year(actor=staff, year=2026, publish=True)
    items = [
        {field: item[field] for field in checklist_service.EDITABLE_ITEM_FIELDS} for item in first.content["items"]
    ]
    items[8]["weight"], items[9]["weight"], items[3]["weight"], items[4]["weight"] = 12, 12, 8, 8
    second = checklist_service.save_items(
        actor=staff, checklist=first, items=items, note="책임성 문항(9·10번) 가중치 상향, 호혜성·사생활 존중 조정"
    )
    checklist_service.publish(actor=staff, checklist=second)


def _selfchecks(companies, member_company, rng) -> int:
    count = 0
    for index, company in enumerate(companies):
        bias = 2 + index % 3
        for year in YEARS:
            rep = None
            save_answers(
                actor=rep,
                organisation=company,
                year=year,
                answers=_answers(rng, bias + (year - 2025)),
                share_result=index % 4 == 0,
                submit=True,
            )
            SelfCheck.objects.filter(organisation=company, year=year).update(submitted_at=_moment(year, 10, 1 + index))
            count += 1
    if member_company is not None:
        save_answers(
            actor=None, organisation=member_company, year=2025, answers=_answers(rng, 3), share_result=True, submit=True
        )
        SelfCheck.objects.filter(organisation=member_company, year=2025).update(submitted_at=_moment(2025, 10, 28))
        save_answers(
            actor=None,
            organisation=member_company,
            year=2026,
            answers={"1": 4, "2": 3},
            share_result=False,
            submit=False,
        )
        count += 2
    return count


def _filing(company, index: int, *, revenue: int = 350_000_000, kind=FilingKind.NEW, changes=None) -> Filing:
    name, address, platform_type, description = PLATFORMS[index % len(PLATFORMS)]
    data = {
        "kind": kind,
        "platform_name": changes.platform_name if changes else name,
        "address": address,
        "description": description,
        "platform_type": platform_type,
        "revenue_year": 2025,
        "revenue_won": revenue,
        "contact_name": "신고 담당자",
        "contact_email": f"filing{index}@company.example.kr",
        "contact_phone": "02-555-0100",
    }
    evidence = ContentFile(EVIDENCE, name="매출증빙.pdf")
    return filing_service.save_filing(
        actor=None, organisation=company, data=data, changes_filing=changes, evidence=evidence
    )


def _filings(companies, member_company, reviewer) -> int:
    def submit(filing):
        return filing_service.submit_filing(actor=None, filing=filing)

    def receive(filing):
        submit(filing)
        return filing_service.review_filing(actor=reviewer, filing_id=filing.pk, receive=True)

    def give_back(filing, note):
        submit(filing)
        return filing_service.review_filing(actor=reviewer, filing_id=filing.pk, receive=False, note=note)

    received = [receive(_filing(company, index)) for index, company in enumerate(companies[:6])]
    if member_company is not None:
        received.append(receive(_filing(member_company, 6)))
    receive(_filing(received[0].organisation, 0, kind=FilingKind.CHANGE, changes=received[0]))
    submit(_filing(received[1].organisation, 1, kind=FilingKind.CANCEL, changes=received[1]))
    submit(_filing(companies[6], 7))
    submit(_filing(companies[7], 3, revenue=60_000_000))  # below 1억원: filed anyway
    give_back(
        _filing(companies[8], 4), "직전년도 매출액 증빙이 재무제표와 다릅니다. 부가세 과세표준증명원을 첨부해 주세요."
    )
    _filing(companies[9], 5)  # a draft
    return Filing.objects.count()


def load_demo(*, seed: int) -> str:
    if Checklist.objects.exists():
        return "윤리 자가점검·플랫폼 신고 데모가 이미 있습니다."
    rng = random.Random(seed)  # noqa: S311  demo data, reproducible by seed
    staff = User.objects.with_role(Role.STAFF).order_by("pk").first()
    member = User.objects.filter(email="member@demo.alliance.kr").first()
    member_company = member.organisation if member and member.organisation_id else None
    companies = list(
        Organisation.objects.filter(withdrawn_on__isnull=True)
        .exclude(pk=getattr(member_company, "pk", None))
        .order_by("pk")[:COMPANIES]
    )
    reviewer = User.objects.filter(email="agency@demo.alliance.kr").first() or staff
    with transaction.atomic():
        _checklists(staff)
        answered = _selfchecks(companies, member_company, rng)
        # Every state needs ten companies: a small demo (demo_data --orgs 0) has checklists and answers only.
        filed = _filings(companies, member_company, reviewer) if len(companies) >= 10 else 0
    return f"실천윤리 체크리스트 2025·2026년, 자가점검 {answered}건, 플랫폼 사업자 신고 {filed}건."
