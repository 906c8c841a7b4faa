"""The demo's 2025 Q4 briefing: generated once, for the quarter's steering meeting."""

import pytest

from alliance.reports.demo import load_demo
from alliance.reports.demo_briefing import load_demo_briefing
from alliance.reports.models import QuarterlyBriefing
from alliance.reports.tests.briefing_world import build_world

pytestmark = pytest.mark.django_db


def test_the_demo_generates_the_2025_q4_briefing_once(staff_user):
    steering, _ = build_world()
    summary = load_demo(seed=1)
    briefing = QuarterlyBriefing.objects.get()
    assert (briefing.year, briefing.quarter, briefing.meeting) == (2025, 4, steering)
    assert briefing.title in summary
    assert briefing.content["sections"][0]["key"] == "overview"
    # The app's demo joins the plan's summary with the briefing's; the briefing's part is made once.
    assert load_demo_briefing() == "운영위원회 분기 자료 데모가 이미 있습니다."
    assert QuarterlyBriefing.objects.count() == 1
