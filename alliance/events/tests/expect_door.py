"""Who may open the door's URLs (check-in, walk-ins, counter, attendance, badges): the secretariat only.
Rows merged by tests/url_expectations.py."""

from alliance.core.tests.url_matrix import no_body, staff_only
from alliance.events.models import OrganisationType
from alliance.events.tests.door_factories import make_event, make_registration

EXPECTED: dict = {
    "events:door": staff_only(),
    "events:check_in": staff_only(),
    "events:check_in_scan": staff_only(405),
    "events:guest_search": staff_only(),
    "events:arrival_counter": staff_only(),
    "events:check_in_guest": staff_only(405),
    "events:walk_in": staff_only(),
    "events:attendance": staff_only(),
    "events:attendance_xlsx": staff_only(),
    "events:badges_pdf": staff_only(),
}
DOOR_URLS = [name for name in EXPECTED if name != "events:door"]
PK_OF: dict = dict.fromkeys(DOOR_URLS, "door_event")
PATH_VALUES: dict = {"registration": lambda world: world["door_guest"].pk}
POST_DATA: dict = {
    "events:check_in_scan": lambda world: {"ticket": world["door_ticket"]},
    "events:check_in_guest": no_body,
    "events:walk_in": lambda world: {
        "name": "현장 방문객",
        "organisation_name": "주식회사 워크인",
        "organisation_type": OrganisationType.COMPANY,
    },
}


def build_world(world) -> dict:
    event = make_event(title="문 앞 행사")
    guest, token = make_registration(event, name="문앞 손님")
    return {"door_event": event, "door_guest": guest, "door_ticket": token}
