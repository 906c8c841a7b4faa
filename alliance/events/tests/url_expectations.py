"""Who may open the events app's URLs (see alliance/core/tests/url_matrix.py): each area keeps its rows in
`tests/expect_<area>.py` (expect_events: events, programme, registration, tickets; expect_door: the door and
after the event), merged here so that areas built in parallel do not edit one file."""

from alliance.events.tests import expect_door, expect_events

AREAS = (expect_events, expect_door)


def _merged(name: str) -> dict:
    merged: dict = {}
    for area in AREAS:
        merged.update(getattr(area, name, {}))
    return merged


EXPECTED = _merged("EXPECTED")
POST_DATA = _merged("POST_DATA")
PK_OF = _merged("PK_OF")
PATH_VALUES = _merged("PATH_VALUES")
POST_AS = _merged("POST_AS")
POST_SETUP = _merged("POST_SETUP")
COUNTED_MODELS = tuple(model for area in AREAS for model in getattr(area, "COUNTED_MODELS", ()))


def build_world(world) -> dict:
    added: dict = {}
    for area in AREAS:
        if hasattr(area, "build_world"):
            new = area.build_world(world)
            world.update(new)
            added.update(new)
    return added
