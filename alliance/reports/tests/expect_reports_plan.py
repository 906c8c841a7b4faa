"""Who may open the yearly plan's URLs (merged by tests/url_expectations.py): the secretariat's alone; a visitor
is sent to log in, every other signed-in role gets 404."""

from alliance.core.tests.url_matrix import no_body, staff_only
from alliance.reports.models import Area, PlanItem

EXPECTED = {
    "reports:plan_current": staff_only(),
    "reports:plan": staff_only(),
    "reports:plan_pdf": staff_only(),
    "reports:plan_docx": staff_only(),
    "reports:plan_item_edit": staff_only(),
    "reports:plan_item_delete": staff_only(405),
}
PK_OF = {"reports:plan_item_edit": "schedule_item", "reports:plan_item_delete": "schedule_item"}
POST_DATA = {
    "reports:plan": lambda world: {
        "item-area": Area.GENERAL, "item-title": "사업 방향 논의 및 기본 계획 수립", "item-first_month": "1",
        "item-last_month": "1", "item-done_on": "", "item-note": "",
    },
    "reports:plan_item_edit": lambda world: {
        "area": Area.EVENTS, "title": "성과 공유회 개최", "first_month": "12", "last_month": "12", "done_on": "",
        "note": "",
    },
    "reports:plan_item_delete": no_body,
}  # fmt: skip
COUNTED_MODELS = (PlanItem,)


def build_world(world) -> dict:
    item = PlanItem.objects.create(year=2026, area=Area.EVENTS, title="성과 공유회", first_month=12, last_month=12)
    return {"schedule_item": item}  # not "plan_item": the agencies world names its plan item so
