"""Company figures within domain limits wherever they are entered: a member's 2^63−1 revenue is refused
with a Korean message instead of breaking the public statistics after the staff sync."""

import pytest

from alliance.core.bounds import EMPLOYEES_MAX, REVENUE_MILLION_MAX
from alliance.members.tests.test_profile import edit_url, ko, profile_post

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "case",
    [
        # each message starts with the field's label (core/bounds.py NamedNumberErrorsMixin)
        (
            "revenue_million",
            str(2**63 - 1),
            "매출액(백만원): " + ko("Enter at most %(limit_value)s.", limit_value=REVENUE_MILLION_MAX),
        ),
        ("revenue_million", "-5", "매출액(백만원): " + ko("Enter 0 or more.")),
        (
            "employees",
            str(EMPLOYEES_MAX + 1),
            "종사자 수: " + ko("Enter at most %(limit_value)s.", limit_value=EMPLOYEES_MAX),
        ),
    ],
)
def test_profile_refuses_figures_beyond_the_domain_limits(client, member_rep, organisation, case):
    field, value, message = case
    client.force_login(member_rep)

    response = client.post(edit_url(organisation), profile_post(organisation, **{field: value}))

    assert response.status_code == 200
    assert response.context["form"].errors[field] == [message]
    organisation.refresh_from_db()
    assert getattr(organisation, field) is None
