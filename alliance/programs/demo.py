"""Demo data of the competition: a 2025 programme (the source for "copy last year") and the 2026 one
with 15 groups of 35 demo member companies and submitted proposals, then judging, the post-award support
record, the investment day and mentoring by the modules that own them. Deterministic for a seed; the group
texts are Korean data.
"""

import datetime
import importlib
import random

from django.core.files.base import ContentFile
from django.db import transaction

from alliance.core.models import User
from alliance.members.models import Organisation
from alliance.members.models.organisation import COMPANY_CATEGORIES
from alliance.programs import default_rubric
from alliance.programs.models import Attachment, GroupMember, Programme, ProjectGroup, Proposal
from alliance.programs.services.programme import create_programme

DEMO_MEMBER = "member@demo.alliance.kr"
YEAR, LAST_YEAR = 2026, 2025
COMPANIES = 35
# 15 groups: five of three companies and ten of two (35 companies), SW first, then HW.
GROUP_SIZES = (3, 3, 3, 2, 2, 2, 2, 2, 3, 3, 2, 2, 2, 2, 2)
THEMES = (
    ("SW", "XR 원격 정비 플랫폼", "AR 글라스로 현장 설비 정비를 원격 지원하는 협업 플랫폼"),
    ("SW", "메타버스 직업훈련 캠퍼스", "가상 실습장과 AI 튜터로 직업훈련을 제공하는 교육 플랫폼"),
    ("SW", "디지털트윈 스마트 건설", "건설 현장을 디지털트윈으로 재현해 공정과 안전을 관리하는 솔루션"),
    ("SW", "가상 쇼룸 커머스", "3D 가상 매장에서 상품을 체험하고 구매하는 커머스 서비스"),
    ("SW", "XR 재활 헬스케어", "VR 운동 콘텐츠로 재활 환자의 치료 순응도를 높이는 서비스"),
    ("SW", "버추얼 아이돌 라이브", "실시간 모션캡처 기반 버추얼 공연 제작·송출 플랫폼"),
    ("SW", "AI 기반 가상 상담원", "생성형 AI 아바타가 민원과 고객 상담을 처리하는 솔루션"),
    ("SW", "몰입형 문화유산 콘텐츠", "지역 문화유산을 XR 체험 콘텐츠로 복원하는 관광 서비스"),
    ("HW", "초경량 AR 글라스", "산업 현장용 30g대 AR 글라스와 광학 모듈"),
    ("HW", "햅틱 장갑 트레이닝", "촉감을 재현하는 햅틱 장갑과 의료 술기 훈련 키트"),
    ("HW", "XR 시뮬레이터 모션 플랫폼", "제조·건설 장비 교육용 6축 모션 시뮬레이터"),
    ("HW", "공간 음향 HMD", "공간 음향과 시선 추적을 갖춘 교육용 HMD"),
    ("HW", "스마트 안전 헬멧", "AR 표시와 센서로 작업자 위험을 알리는 건설 안전 헬멧"),
    ("HW", "홀로그램 디스플레이 키오스크", "매장용 무안경 홀로그램 상품 안내 키오스크"),
    ("HW", "웨어러블 바디 트래커", "전신 동작을 추적하는 저가형 웨어러블 센서"),
)
DEMO_PDF = b"%PDF-1.4\n% demo proposal\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"


def _companies(rng: random.Random) -> list[Organisation]:
    """Up to 35 distinct current member companies (fewer in a small registry); the demo representative's
    organisation leads the first group."""
    pool = list(
        Organisation.objects.filter(category__in=COMPANY_CATEGORIES, withdrawn_on__isnull=True)
        .order_by("pk")
        .only("pk", "name")
    )
    demo_member = User.objects.filter(email=DEMO_MEMBER).select_related("organisation").first()
    first = demo_member.organisation if demo_member and demo_member.organisation else None
    pool = [org for org in pool if first is None or org.pk != first.pk]
    chosen = rng.sample(pool, min(len(pool), COMPANIES - (first is not None)))
    return ([first] if first else []) + chosen


def group_sizes(companies: int) -> tuple[int, ...]:
    """The groups a registry of `companies` current member companies can fill: the first of GROUP_SIZES whose
    companies add up to at most `companies` (all 15 from 35 companies; none below 3)."""
    sizes, total = [], 0
    for size in GROUP_SIZES:
        if total + size > companies:
            break
        sizes.append(size)
        total += size
    return tuple(sizes)


def _programme_2025() -> Programme:
    """2025 ran two different tracks (아이디어 창출 / 비즈니스 모델): tracks change yearly."""
    tracks = []
    for position, (code, name) in enumerate((("IDEA", "아이디어 창출 부문"), ("BM", "비즈니스 모델 부문"))):
        criteria = [
            {"name": criterion, "max_points": default_rubric.DEFAULT_MAX_POINTS, "is_common": True}
            for criterion in default_rubric.COMMON_CRITERIA
        ] + [
            {"name": criterion, "max_points": default_rubric.DEFAULT_MAX_POINTS, "is_common": False}
            for criterion in ("사업화 가능성", "기술 완성도", "파급 효과")
        ]
        awards = [
            {"rank": 1, "name": "최우수상", "presented_by": "과학기술정보통신부 장관상", "count": 1},
            {"rank": 2, "name": "우수상", "presented_by": "NIPA 원장상", "count": 2 if code == "BM" else 1},
        ]
        tracks.append({"code": code, "name": name, "position": position, "criteria": criteria, "awards": awards})
    return create_programme(
        actor=None, year=LAST_YEAR, name=f"{LAST_YEAR} 메타버스 얼라이언스 프로젝트 그룹", tracks=tracks
    )


def _groups(programme: Programme, companies: list[Organisation], rng: random.Random) -> list[ProjectGroup]:
    sizes = group_sizes(len(companies))
    themes = THEMES[: len(sizes)]
    tracks = {track.code: track for track in programme.tracks.all()}
    call_start, call_end = default_rubric.default_stages(programme.year)["call"]
    window = int((call_end - call_start).total_seconds())
    groups, members, proposals = [], [], []
    leads = [sum(sizes[:index]) for index in range(len(sizes))]
    for index, ((code, title, _product), lead) in enumerate(zip(themes, leads, strict=True)):
        group = ProjectGroup(
            programme=programme,
            track=tracks[code],
            name=f"{title} 컨소시엄",
            lead=companies[lead],
            mentoring_field=default_rubric.MENTORING_FIELDS[index % len(default_rubric.MENTORING_FIELDS)],
        )
        groups.append(group)
    ProjectGroup.objects.bulk_create(groups)
    offset = 0
    for group, size, (_code, title, product) in zip(groups, sizes, themes, strict=True):
        team = companies[offset : offset + size]
        offset += size
        # Submitted in the last weeks of the call, as most groups do.
        submitted = call_start + datetime.timedelta(seconds=rng.randint(window * 2 // 3, window))
        for position, organisation in enumerate(team):
            members.append(
                GroupMember(
                    group=group,
                    programme=programme,
                    organisation=organisation,
                    role=GroupMember.Role.LEAD if position == 0 else GroupMember.Role.PARTNER,
                    confirmed_at=submitted - datetime.timedelta(days=rng.randint(1, 10)),
                )
            )
        partners = ", ".join(org.name for org in team[1:])
        proposals.append(
            Proposal(
                group=group,
                title=title,
                summary=f"{product}. 주관 {team[0].name}, 참여 {partners}.",
                product=product,
                market=rng.choice(
                    (
                        "국내 제조 대기업·협력사",
                        "교육기관·공공기관",
                        "병원·재활센터",
                        "유통·커머스",
                        "공연·엔터테인먼트",
                    )
                ),
                business_model=rng.choice(("구독형 SaaS", "하드웨어 판매와 유지보수", "B2B 라이선스", "플랫폼 수수료")),
                team=f"{len(team)}개사 공동, 개발 {rng.randint(4, 15)}명 · 사업 {rng.randint(1, 5)}명",
                status=Proposal.Status.SUBMITTED,
                submitted_at=submitted,
            )
        )
    GroupMember.objects.bulk_create(members)
    Proposal.objects.bulk_create(proposals)
    for proposal in Proposal.objects.filter(group__programme=programme).select_related("group"):
        attachment = Attachment(proposal=proposal, original_name=f"{proposal.title} 사업계획서.pdf", size=len(DEMO_PDF))
        attachment.file.save("demo-proposal.pdf", ContentFile(DEMO_PDF), save=False)
        attachment.save()
    return groups


def _later_stage(module_name: str, programme: Programme, seed: int) -> str | None:
    """The summary of another helper's demo module, or None when that module does not exist (yet)."""
    try:
        module = importlib.import_module(module_name)
    except ModuleNotFoundError as error:
        if error.name != module_name:
            raise
        return None
    return module.load(programme=programme, seed=seed)


def load_demo(*, seed: int) -> str:
    """The 2025 and 2026 programmes; 2026 with groups, proposals, then judging, investment day and mentoring."""
    if Programme.objects.filter(year=YEAR).exists():
        return f"{YEAR} 프로젝트 그룹 데모가 이미 있습니다."
    rng = random.Random(seed)  # noqa: S311  demo data, reproducible by seed
    with transaction.atomic():
        if not Programme.objects.filter(year=LAST_YEAR).exists():
            _programme_2025()
        programme = create_programme(actor=None, year=YEAR, name=f"{YEAR} 메타버스 얼라이언스 프로젝트 그룹")
        companies = _companies(rng)
        if not group_sizes(len(companies)):
            return f"{YEAR} 프로젝트 그룹: 회원사가 {GROUP_SIZES[0]}개사보다 적어 데모 그룹을 만들지 않았습니다."
        groups = _groups(programme, companies, rng)
    in_groups = sum(group_sizes(len(companies)))
    parts = [
        f"{YEAR} 프로젝트 그룹: {len(groups)}개 그룹({in_groups}개사) 제안서 제출, {LAST_YEAR} 프로그램(복사 원본)"
    ]
    for module_name in (
        "alliance.programs.demo_judging",
        "alliance.programs.demo_support",
        "alliance.programs.demo_investment",
        "alliance.programs.demo_mentoring",
    ):
        summary = _later_stage(module_name, programme, seed)
        if summary:
            parts.append(summary)
    return " · ".join(parts)
