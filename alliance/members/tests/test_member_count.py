"""The cached member count follows every write to the registry: saves, withdrawals, deletes and imports."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from alliance.members.membership import member_count
from alliance.members.services.importing import import_members
from alliance.members.services.registry import update_organisation
from alliance.members.tests.factories import OrganisationFactory
from alliance.members.tests.test_import import hanbit_row, xlsx_file, zen_row

pytestmark = pytest.mark.django_db
DAY = datetime.date(2026, 6, 30)


def _joined(name: str) -> dict:
    return {"name": name, "joined_on": datetime.date(2025, 1, 1)}


def test_member_count_is_read_once_while_nothing_changes():
    OrganisationFactory(**_joined("하나기업"))
    member_count(DAY)

    with CaptureQueriesContext(connection) as captured:
        counts = [member_count(DAY), member_count(DAY)]

    assert (counts, len(captured)) == ([1, 1], 0)


def test_member_count_follows_a_new_organisation_and_a_withdrawal(staff_user):
    first = OrganisationFactory(**_joined("하나기업"))
    before = member_count(DAY)
    OrganisationFactory(**_joined("둘기업"))
    after_joining = member_count(DAY)

    update_organisation(actor=staff_user, organisation=first, data={"withdrawn_on": datetime.date(2026, 3, 1)})

    assert (before, after_joining, member_count(DAY)) == (1, 2, 1)


def test_member_count_follows_a_delete():
    organisation = OrganisationFactory(**_joined("하나기업"))
    before = member_count(DAY)

    organisation.delete()

    assert (before, member_count(DAY)) == (1, 0)


def test_member_count_follows_an_import(tmp_path):
    before = member_count(DAY)

    import_members(path=xlsx_file(tmp_path, [zen_row(), hanbit_row()]), actor_label="test")

    assert (before, member_count(DAY)) == (0, 2)


def test_member_count_follows_a_withdrawal_by_import(tmp_path):
    import_members(path=xlsx_file(tmp_path, [zen_row(), hanbit_row()]), actor_label="test")
    before = member_count(DAY)

    import_members(path=xlsx_file(tmp_path, [zen_row(탈퇴일="2026-01-31"), hanbit_row()]), actor_label="test")

    assert (before, member_count(DAY)) == (2, 1)
