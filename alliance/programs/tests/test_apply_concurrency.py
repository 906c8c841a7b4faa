"""Two representatives claiming the same partner at once: one group gets it, the other gets a Korean error
and nothing half-written (PostgreSQL: real concurrent connections)."""

import pytest
from django.core.exceptions import ValidationError
from django.db import connection

from alliance.members.tests.factories import OrganisationFactory
from alliance.programs.models import GroupMember, ProjectGroup, Proposal
from alliance.programs.services import applications as service
from alliance.programs.tests.factories import ProgrammeFactory, representative
from alliance.programs.tests.test_panel_concurrency import run_together

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="concurrent connections need PostgreSQL"),
]


def test_concurrent_groups_claiming_one_partner_leave_one_whole_group():
    programme = ProgrammeFactory(call_open=True)
    OrganisationFactory(name="주식회사 인기")
    leads = [representative(OrganisationFactory(name=f"주식회사 리드{n}")) for n in range(2)]

    def form(actor, name):
        return lambda: service.form_group(
            actor=actor,
            programme=programme,
            track=programme.tracks.get(code="SW"),
            name=name,
            partner_names=["주식회사 인기"],
        )

    errors = run_together([form(leads[0], "첫째 그룹"), form(leads[1], "둘째 그룹")])

    assert [type(error) for error in errors] == [ValidationError]
    assert ProjectGroup.objects.count() == 1
    assert GroupMember.objects.count() == 2
    assert Proposal.objects.count() == 1
