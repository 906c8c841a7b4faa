"""The demo's quarterly briefing: the 2025 Q4 steering-committee briefing generated from the demo data (for the
quarter's steering meeting, seed 001's 제4차 운영위원회 when governance's demo has it), as the secretariat would
generate it; staff then edit, download and freeze it on its page."""

from alliance.core.models import User
from alliance.core.roles import Role
from alliance.reports.models import QuarterlyBriefing
from alliance.reports.queries.briefing import steering_meetings
from alliance.reports.services.briefing import generate_briefing

YEAR, QUARTER = 2025, 4


def load_demo_briefing() -> str:
    if QuarterlyBriefing.objects.filter(year=YEAR, quarter=QUARTER).exists():
        return "운영위원회 분기 자료 데모가 이미 있습니다."
    staff = User.objects.with_role(Role.STAFF).order_by("pk").first()
    meeting = steering_meetings(YEAR, QUARTER).last()
    briefing = generate_briefing(actor=staff, year=YEAR, quarter=QUARTER, meeting=meeting)
    return f"운영위원회 분기 자료: {briefing.title}"
