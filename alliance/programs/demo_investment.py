"""Demo investment day (KMF 투자마켓) for a programme: the seed's five investors and a legal desk, 41 member
companies (39 for investment, 2 for legal advice, as at the 2025 day) ranking 1–3 desks, scheduled.

Deterministic for a seed. The demo investor account holds the first desk and the demo representative's
organisation takes part, so both see their own schedule.
"""

import datetime
import random

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from alliance.members.models import Organisation
from alliance.programs import default_rubric
from alliance.programs.models import Desk, GroupMember, StageKind, Winner
from alliance.programs.scheduling.grid import SEED_DAY
from alliance.programs.services import investment as service

# Seed 001 ("메타버스 분야 투자 상담", 2025-11-13): the grid's columns, and the legal desk of the seminar.
INVESTORS = (
    ("대성창업투자A", "김민준 수석팀장", Desk.Kind.VC),
    ("대성창업투자B", "김지연 수석팀장", Desk.Kind.VC),
    ("피앤아이 인베스트먼트", "", Desk.Kind.VC),
    ("미시간 벤처캐피탈", "", Desk.Kind.VC),
    ("알바트로스 인베스트먼트", "", Desk.Kind.AC),
)
LEGAL_DESK = ("법무법인 비트", "", Desk.Kind.LEGAL)
COMPANIES = 41
LEGAL_COMPANIES = 2
DEMO_INVESTOR = "investor@demo.alliance.kr"
DEMO_MEMBER = "member@demo.alliance.kr"


def _companies(programme, rng) -> list[Organisation]:
    """The programme's group companies first, the demo representative's organisation, then other members."""
    users = get_user_model().objects
    member = users.filter(email=DEMO_MEMBER).select_related("organisation").first()
    chosen = {m.organisation_id: m.organisation for m in GroupMember.objects.filter(group__programme=programme)}
    pool = list(chosen.values())
    rng.shuffle(pool)
    pool = pool[: COMPANIES - 6]
    if member and member.organisation and member.organisation not in pool:
        pool.append(member.organisation)
    others = list(
        Organisation.objects.filter(withdrawn_on__isnull=True).exclude(pk__in=[o.pk for o in pool]).order_by("pk")[:400]
    )
    pool += rng.sample(others, min(len(others), COMPANIES - len(pool)))
    return pool[:COMPANIES]


def _day_of(programme) -> datetime.date:
    """The programme's investment-day stage (KMF 투자마켓, 11 June by default) as a Seoul date."""
    stage = programme.stages.filter(kind=StageKind.INVESTMENT_DAY).first()
    if stage is None:
        return default_rubric.default_stages(programme.year)["investment_day"][0].date()
    return timezone.localdate(stage.starts_at, default_rubric.SEOUL)


def load(*, programme, seed: int) -> str:
    rng = random.Random(seed)  # noqa: S311  demo data, reproducible by seed
    investor = get_user_model().objects.filter(email=DEMO_INVESTOR).first()
    organisations = _companies(programme, rng)
    awardees = set(
        GroupMember.objects.filter(
            group__in=Winner.objects.filter(panel__programme=programme).values("group")
        ).values_list("organisation_id", flat=True)
    )
    with transaction.atomic():
        day = service.configure_day(
            actor=None,
            programme=programme,
            date=_day_of(programme),
            venue="킨텍스 제1전시장 5홀 투자·법률 상담장",
            starts=SEED_DAY["start"],
            ends=SEED_DAY["end"],
            every_minutes=SEED_DAY["every"],
            length_minutes=SEED_DAY["length"],
            breaks=SEED_DAY["breaks"],
        )
        desks = [
            service.add_desk(
                actor=None, day=day, firm=firm, person=person, kind=kind, user=investor if n == 0 else None
            )
            for n, (firm, person, kind) in enumerate(INVESTORS)
        ]
        desks[3].unavailable = ["14:40"]  # the seed grid's empty cell
        desks[3].save(update_fields=["unavailable"])
        legal = service.add_desk(actor=None, day=day, firm=LEGAL_DESK[0], kind=LEGAL_DESK[2])
        for n, organisation in enumerate(organisations):
            company = service.add_company(
                actor=None, day=day, organisation=organisation, priority=organisation.pk in awardees
            )
            wanted = [legal] if n < LEGAL_COMPANIES else rng.sample(desks, rng.choice((1, 1, 2, 2, 3)))
            service.set_requests(actor=None, company=company, desks=wanted)
        if organisations:
            service.set_decline(actor=None, desk=desks[2], company=company, declined=True)
    solution = service.schedule_day(actor=None, day=day, time_limit=10)
    verdict = "최적 증명" if solution.optimal else f"상한 {solution.bound}건"
    return (
        f"투자 상담회: 투자사 {len(desks)}곳·법률 상담 1곳, {len(organisations)}개사, "
        f"상담 {solution.satisfied}건 배정({verdict})"
    )
