"""Demo post-award support for a programme: every benefit granted to every winner of the released final panel
on the awards day, then a record of use — the press release used by all, some bonus points used in the next
year's government calls, a booth and a talk taken up or declined, the rest not known yet. Deterministic for a
seed."""

import datetime
import random

from django.db import transaction
from django.utils import timezone

from alliance.programs import default_rubric
from alliance.programs.models import BenefitKind, StageKind, SupportGrant
from alliance.programs.services import support as service

# Where an awardee used each kind of benefit (data: Korean).
USES = {
    BenefitKind.BONUS_POINTS: ("{body} {year}년 가상융합 플래그십 프로젝트 주관기업 신청", 95),
    BenefitKind.BOOTH: ("코리아 메타버스 페스티벌 {year} 얼라이언스 공동관 부스", 160),
    BenefitKind.TALK: ("코리아 메타버스 페스티벌 {year} 수상기업 발표 세션", 161),
    BenefitKind.PRESS: ("수상 결과 보도자료 배포(IT 전문지 3곳 게재)", 1),
}
NOT_USED = {
    BenefitKind.BONUS_POINTS: "해당 연도 공모에 주관기업으로 신청하지 않음",
    BenefitKind.BOOTH: "전시 일정이 해외 전시와 겹쳐 불참",
    BenefitKind.TALK: "발표 인력 부족으로 사양",
}


def _awards_day(programme) -> datetime.date:
    stage = programme.stages.filter(kind=StageKind.AWARDS).first()
    moment = stage.starts_at if stage else default_rubric.default_stages(programme.year)["awards"][0]
    return timezone.localdate(moment, default_rubric.SEOUL)


def load(*, programme, seed: int) -> str:
    """Grant and record `programme`'s post-award support; returns a one-line Korean summary."""
    panel = service.released_final(programme)
    if panel is None:
        return ""
    rng = random.Random(seed)  # noqa: S311  demo data, reproducible by seed
    # Nothing is dated after today: a demo loaded before the awards day issues today, and records a use only
    # as of today at the latest.
    today = timezone.localdate()
    awards_day = min(_awards_day(programme), today)
    with transaction.atomic():
        granted = service.grant_to_winners(
            actor=None, panel=panel, benefits=list(programme.benefits.all()), issued_on=awards_day
        )
        grants = SupportGrant.objects.filter(benefit__programme=programme).select_related("benefit")
        for grant in grants.order_by("number"):
            kind = grant.benefit.kind
            chance = rng.random()
            if kind == BenefitKind.PRESS or chance < 0.45:
                where, days = USES[kind]
                used_for = where.format(body=grant.benefit.granting_body, year=programme.year + 1)
                later = datetime.timedelta(days=days + rng.randint(0, 20) * (kind != BenefitKind.PRESS))
                used_on = min(awards_day + later, today)
                service.record_use(actor=None, grant=grant, use="used", used_on=used_on, used_for=used_for)
            elif chance < 0.7:
                service.record_use(actor=None, grant=grant, use="not_used", used_for=NOT_USED[kind])
        used = SupportGrant.objects.filter(benefit__programme=programme, use="used").count()
        unused = SupportGrant.objects.filter(benefit__programme=programme, use="not_used").count()
    return f"수상 후속 지원: {granted}건 발급, 활용 {used}건·미활용 {unused}건·미확인 {granted - used - unused}건"
