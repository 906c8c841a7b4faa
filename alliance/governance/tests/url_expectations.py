"""Who may open the governance app's URLs (see alliance/core/tests/url_matrix.py).

Each governance area adds its rows, world objects and POST bodies in its own block."""

import datetime

from django.utils import timezone

from alliance.core.tests.url_matrix import COMBINED, LOGIN, only, staff_only
from alliance.governance.models import Body, Participation, Person, Position, Seat, Sector
from alliance.governance.services.bodies import join_subcommittee
from alliance.governance.tests.factories import BodyFactory, PersonFactory, SeatFactory, SubcommitteeFactory
from alliance.governance.tests.world_contracts import (
    CONTRACTS_COUNTED,
    CONTRACTS_EXPECTED,
    CONTRACTS_PK_OF,
    CONTRACTS_POST_DATA,
    build_contracts_world,
)
from alliance.governance.tests.world_meetings import (
    MEETINGS_COUNTED,
    MEETINGS_EXPECTED,
    MEETINGS_PATH_VALUES,
    MEETINGS_PK_OF,
    MEETINGS_POST_AS,
    MEETINGS_POST_DATA,
    MEETINGS_POST_SETUP,
    build_meetings_world,
)
from alliance.governance.tests.world_minutes import (
    MINUTES_EXPECTED,
    MINUTES_PATH_VALUES,
    MINUTES_PK_OF,
    MINUTES_POST_AS,
    MINUTES_POST_DATA,
    build_minutes_world,
)
from alliance.governance.tests.world_proposals import (
    PROPOSALS_COUNTED,
    PROPOSALS_EXPECTED,
    PROPOSALS_PK_OF,
    PROPOSALS_POST_DATA,
    build_proposals_world,
)

# ---- govbase: bodies, seats, participation -------------------------------------------------------------------
EXPECTED = {
    "governance:home": staff_only(),
    "governance:body_create": staff_only(),
    # The steering committee: staff and its seat holders; member representatives see open subcommittees only.
    "governance:body_detail": only({"staff": 200, "steering": 200}),
    "governance:body_edit": staff_only(),
    "governance:seat_create": staff_only(),
    "governance:seat_edit": staff_only(),
    "governance:seat_end": staff_only(405),  # POST only
    "governance:year_copy": staff_only(405),  # POST only, behind a confirmation
    # An open subcommittee: member representatives join and leave it (POST only); nobody else may.
    "governance:join": only({"rep_a": 405, "rep_b": 405}),
    "governance:leave": only({"rep_a": 405, "rep_b": 405}),
    "governance:my_bodies": only({"steering": 200, "subcommittee": 200}),
    "governance:open_subcommittees": only({"rep_a": 200, "rep_b": 200}),
}
assert all(row["anonymous"] == LOGIN for row in EXPECTED.values())

PK_OF = {
    "governance:body_detail": "gov_steering",
    "governance:body_edit": "gov_steering",
    "governance:seat_create": "gov_steering",
    "governance:seat_edit": "gov_seat",
    "governance:seat_end": "gov_seat",
    "governance:join": "gov_subcommittee",
    "governance:leave": "gov_subcommittee",
}
PATH_VALUES = {"body_year": lambda world: world["gov_steering"].year}
COUNTED_MODELS = (Body, Seat, Person, Participation)


def build_world(world) -> dict:
    today = timezone.localdate()
    term = {"term_start": today - datetime.timedelta(days=100), "term_end": today + datetime.timedelta(days=200)}
    steering = BodyFactory(year=today.year, name="운영위원회")
    subcommittee = SubcommitteeFactory(year=today.year, name="윤리제도")
    seat = SeatFactory(body=steering, person=PersonFactory(user=world["users"]["steering"]), **term)
    SeatFactory(body=subcommittee, person=PersonFactory(user=world["users"]["subcommittee"]), **term)
    # The matrix's users holding several roles (url_matrix.COMBINED) hold the seats of their single-role parts.
    for identity, parts in COMBINED.items():
        for part, body in (("steering", steering), ("subcommittee", subcommittee)):
            if part in parts:
                SeatFactory(body=body, person=PersonFactory(user=world["users"][identity]), **term)
    return {"gov_steering": steering, "gov_subcommittee": subcommittee, "gov_seat": seat}


def _term(world) -> dict:
    year = world["gov_steering"].year
    return {"term_start": f"{year}-01-01", "term_end": f"{year}-12-31"}


POST_DATA = {
    "governance:body_create": lambda world: {
        "name": "상생협력",
        "kind": "subcommittee",
        "order": "3",
        "meetings_planned": "3",
        "quorum_rule": "majority",
        "substitutes_count": "on",
        "open_to_members": "on",
    },
    "governance:body_edit": lambda world: {
        "name": "운영위원회",
        "kind": "steering",
        "order": "0",
        "meetings_planned": "4",
        "quorum_rule": "majority",
        "substitutes_count": "on",
    },
    "governance:seat_create": lambda world: {
        "name": "새위원",
        "affiliation": "한국대학교",
        "title": "교수",
        "sector": Sector.ACADEMIA,
        "position": Position.MEMBER,
        **_term(world),
    },
    "governance:seat_edit": lambda world: {
        "affiliation": "한국대학교",
        "title": "명예교수",
        "sector": Sector.ACADEMIA,
        "position": Position.VICE_CHAIR,
        **_term(world),
    },
    "governance:seat_end": lambda world: {"ended_on": timezone.localdate().isoformat()},
    "governance:year_copy": lambda world: {},
    "governance:join": lambda world: {},
    "governance:leave": lambda world: {},
}


def _rep_a_takes_part(world) -> None:
    join_subcommittee(body=world["gov_subcommittee"], organisation=world["org_a"], by=world["users"]["rep_a"])


POST_SETUP = {"governance:leave": _rep_a_takes_part}


# ---- meetings (alliance/governance/tests/world_meetings.py) ------------------------------------------------------
EXPECTED |= MEETINGS_EXPECTED
PK_OF |= MEETINGS_PK_OF
PATH_VALUES |= MEETINGS_PATH_VALUES
COUNTED_MODELS += MEETINGS_COUNTED
POST_DATA |= MEETINGS_POST_DATA
POST_AS = MEETINGS_POST_AS
POST_SETUP |= MEETINGS_POST_SETUP
_bodies_world = build_world


def build_world(world) -> dict:
    built = _bodies_world(world)
    return built | build_meetings_world(world | built)


# ---- proposals (alliance/governance/tests/world_proposals.py) ----------------------------------------------------
EXPECTED |= PROPOSALS_EXPECTED
PK_OF |= PROPOSALS_PK_OF
COUNTED_MODELS += PROPOSALS_COUNTED
POST_DATA |= PROPOSALS_POST_DATA
_meetings_world = build_world


def build_world(world) -> dict:
    built = _meetings_world(world)
    return built | build_proposals_world(world | built)


# ---- contracts (alliance/governance/tests/world_contracts.py) ----------------------------------------------------
EXPECTED |= CONTRACTS_EXPECTED
PK_OF |= CONTRACTS_PK_OF
COUNTED_MODELS += CONTRACTS_COUNTED
POST_DATA |= CONTRACTS_POST_DATA
_proposals_world = build_world


def build_world(world) -> dict:
    built = _proposals_world(world)
    return built | build_contracts_world(world | built)


# ---- minutes (alliance/governance/tests/world_minutes.py) --------------------------------------------------------
EXPECTED |= MINUTES_EXPECTED
PK_OF |= MINUTES_PK_OF
PATH_VALUES |= MINUTES_PATH_VALUES
POST_DATA |= MINUTES_POST_DATA
POST_AS |= MINUTES_POST_AS
_contracts_world = build_world


def build_world(world) -> dict:
    built = _contracts_world(world)
    return built | build_minutes_world(world | built)
