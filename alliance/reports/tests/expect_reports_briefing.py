"""Who may open the quarterly briefing's URLs: the secretariat's alone (a visitor is sent to log in, every other
role gets 404). Rows merged by tests/url_expectations.py."""

from alliance.core.tests.url_matrix import no_body, staff_only
from alliance.reports.models import BriefingFile, QuarterlyBriefing
from alliance.reports.services.briefing import generate_briefing

EXPECTED = {
    "reports:briefing_list": staff_only(),
    "reports:briefing_generate": staff_only(405),
    "reports:briefing": staff_only(),
    "reports:briefing_regenerate": staff_only(405),
    "reports:briefing_section": staff_only(),
    "reports:briefing_freeze": staff_only(405),
    "reports:briefing_download": staff_only(),
}
PK_OF = {
    "reports:briefing": "briefing",
    "reports:briefing_regenerate": "briefing",
    "reports:briefing_section": "briefing",
    "reports:briefing_freeze": "briefing_to_freeze",
    "reports:briefing_download": "briefing",
}
PATH_VALUES = {"section_key": lambda world: "members", "file_format": lambda world: "docx"}
POST_DATA = {
    "reports:briefing_generate": lambda world: {"year": "2023", "quarter": "1"},
    "reports:briefing_regenerate": no_body,
    "reports:briefing_section": lambda world: {"text": "[표 1]\n- 회원사가 늘었습니다."},
    "reports:briefing_freeze": no_body,
}
COUNTED_MODELS = (QuarterlyBriefing, BriefingFile)


def build_world(world) -> dict:
    return {
        "briefing": generate_briefing(actor=None, year=2025, quarter=4),
        "briefing_to_freeze": generate_briefing(actor=None, year=2025, quarter=3),
    }
