"""Numbers read from the queries and posts of governance, the partner agencies and the information services:
one that no row can hold shows the default page or answers 404, never 500 (core.bounds.parse_year, parse_id).
Here, in the portal's tests, because it opens pages of several apps."""

import pytest
from django.urls import reverse

from alliance.agencies.models import Agency

HOSTILE_NUMBERS = ["²", "٢٠٢٦", "9" * 20, "-1"]


@pytest.mark.django_db
@pytest.mark.parametrize("value", HOSTILE_NUMBERS)
@pytest.mark.parametrize(
    "case",
    [
        ("/governance/", "year", 200),  # a year no page has: this year's page
        ("/governance/proposals/", "year", 200),
        ("/governance/meetings/", "year", 200),
        ("/info/analytics/", "year", 404),
        ("/newsletter", "month", 200),
        ("/newsletter/editions/", "month", 200),
        ("/agencies/{agency}/", "year", 200),
    ],
)
def test_a_number_in_a_query_that_no_row_can_hold_never_answers_500(client, staff_user, case, value):
    """Governance, the partner agencies and the information services read years and months from queries: "²"
    passed `str.isdigit` and failed in `int()`, twenty digits reached the database (OverflowError): 500."""
    path, parameter, answer = case
    agency = Agency.objects.create(name="정보통신산업진흥원", short_name="NIPA")
    client.force_login(staff_user)
    month = f"{value}-03" if parameter == "month" else value

    assert client.get(path.format(agency=agency.pk), {parameter: month}).status_code == answer


@pytest.mark.django_db
def test_a_posted_contact_id_beyond_any_row_answers_404(client, member_rep):
    client.force_login(member_rep)

    for value in ("²", "9" * 20):
        assert client.post(reverse("info:my_subscription"), {"invite_contact": value}).status_code == 404
