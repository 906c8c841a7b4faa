"""demo_investment.load: 41 companies, five investors and the legal desk, scheduled, the same for a seed."""

import datetime

import pytest
from django.utils import timezone

from alliance.core.roles import Role
from alliance.core.tests.factories import UserFactory
from alliance.members.tests.factories import OrganisationFactory
from alliance.programs import demo_investment
from alliance.programs.models import InvestmentDay, Meeting
from alliance.programs.scheduling import Meeting as PlannedMeeting
from alliance.programs.scheduling.check import schedule_violations
from alliance.programs.services.investment import problem_for_day
from alliance.programs.tests.factories import ProgrammeFactory

pytestmark = pytest.mark.django_db


def schedule_of(programme):
    return sorted(
        (m.company.organisation_id, m.desk.firm, m.slot)
        for m in Meeting.objects.filter(day__programme=programme).select_related("desk", "company")
    )


def test_demo_investment_day_is_scheduled_and_reproducible():
    for _ in range(45):
        OrganisationFactory()
    investor = UserFactory(email=demo_investment.DEMO_INVESTOR, role=Role.INVESTOR)
    first, second = ProgrammeFactory(), ProgrammeFactory()

    summary = demo_investment.load(programme=first, seed=7)
    demo_investment.load(programme=second, seed=7)

    day = InvestmentDay.objects.get(programme=first)
    assert (day.companies.count(), day.desks.count()) == (41, 6)
    assert day.desks.filter(user=investor).count() == 1
    assert day.schedule_optimal is True
    planned = [PlannedMeeting(str(m.company_id), str(m.desk_id), m.slot) for m in day.meetings.all()]
    assert schedule_violations(problem_for_day(day), planned) == []
    assert schedule_of(first) == schedule_of(second)
    assert summary.startswith("투자 상담회: 투자사 5곳·법률 상담 1곳, 41개사")
    stage = first.stages.get(kind="investment_day")
    assert day.date == timezone.localdate(stage.starts_at) == datetime.date(first.year, 6, 11)
