"""Who may open the events app's URLs (see alliance/core/tests/url_matrix.py): each area keeps its rows in
`tests/expect_<area>.py` (expect_events: events, programme, registration, tickets; expect_door: the door and
after the event), merged here so that areas built in parallel do not edit one file."""

from alliance.core.tests.url_areas import merged_areas
from alliance.events.tests import expect_door, expect_events

AREAS = (expect_events, expect_door)

globals().update(merged_areas(AREAS))
