"""A programme that says so shows its evaluators each group company's latest ethics self-check score (through
core/company_facts.py: programs does not import regulation)."""

import pytest

from alliance.core.company_facts import fact_choices, facts_for
from alliance.members.tests.factories import OrganisationFactory
from alliance.regulation.company_facts import ETHICS_SCORE
from alliance.regulation.services.checklist import start_year
from alliance.regulation.services.selfcheck import save_answers
from alliance.regulation.tests.factories import answers

pytestmark = pytest.mark.django_db


def test_the_latest_submitted_score_of_each_company(organisation, other_organisation):
    unanswered = OrganisationFactory()
    start_year(actor=None, year=2025, publish=True)
    start_year(actor=None, year=2026, publish=True)
    for year, value in ((2025, 3), (2026, 4)):
        save_answers(
            actor=None, organisation=organisation, year=year, answers=answers(value), share_result=False, submit=True
        )
    save_answers(
        actor=None, organisation=other_organisation, year=2026, answers=answers(5), share_result=False, submit=False
    )

    assert (ETHICS_SCORE, "최근 윤리 자가점검 점수") in fact_choices()
    assert facts_for([ETHICS_SCORE], [organisation.pk, other_organisation.pk, unanswered.pk]) == {
        organisation.pk: [("최근 윤리 자가점검 점수", "80.0점 (2026년)")],
        other_organisation.pk: [],
        unanswered.pk: [],
    }
    assert facts_for([], [organisation.pk]) == {organisation.pk: []}
