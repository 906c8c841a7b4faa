"""Receipts given at once get distinct consecutive numbers (PostgreSQL: real concurrent connections; the year's
counter row is locked during each receipt)."""

import pytest
from django.db import connection

from alliance.core.roles import Role
from alliance.core.tests.factories import UserFactory
from alliance.members.tests.factories import OrganisationFactory
from alliance.programs.tests.test_panel_concurrency import run_together
from alliance.regulation.models import Filing
from alliance.regulation.services import filings as service
from alliance.regulation.tests.factories import FilingFactory

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="concurrent connections need PostgreSQL"),
]


def test_concurrent_receipts_number_one_to_four():
    organisation = OrganisationFactory()
    staff = UserFactory(role=Role.STAFF)
    filings = [FilingFactory(organisation=organisation) for _ in range(4)]
    for filing in filings:
        service.submit_filing(actor=None, filing=filing)

    errors = run_together(
        [lambda pk=filing.pk: service.review_filing(actor=staff, filing_id=pk, receive=True) for filing in filings]
    )

    assert errors == []
    assert sorted(Filing.objects.values_list("number", flat=True)) == [1, 2, 3, 4]
