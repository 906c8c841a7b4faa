"""Who may open the reports app's URLs (see alliance/core/tests/url_matrix.py).

Each area keeps its rows in `tests/expect_<area>.py` (the same names as a url_expectations module); this module
merges them, so that areas built in parallel do not edit one file.
"""

from alliance.reports.tests import expect_reports_briefing, expect_reports_indicators, expect_reports_plan

AREAS = (expect_reports_plan, expect_reports_indicators, expect_reports_briefing)


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
