"""Numbers in URLs: an id no database row can hold answers 404, on every route, never 500."""

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, resolve
from django.urls.converters import IntConverter

TOO_BIG = str(2**63)


def numeric_converters(resolvers, route=""):
    """(route, parameter, converter) for every converter in the project's URLs, admin aside."""
    for entry in resolvers:
        if isinstance(entry, URLResolver):
            if entry.namespace != "admin":
                yield from numeric_converters(entry.url_patterns, route + str(entry.pattern))
        elif isinstance(entry, URLPattern):
            for parameter, converter in entry.pattern.converters.items():
                yield route + str(entry.pattern), parameter, converter


def test_no_route_takes_an_unbounded_int():
    unbounded = [
        f"{route} ({parameter})"
        for route, parameter, converter in numeric_converters(get_resolver().url_patterns)
        if isinstance(converter, IntConverter)
    ]

    assert unbounded == []


@pytest.mark.django_db
@pytest.mark.parametrize(
    "path",
    [
        f"/ecosystem/2026/players/{TOO_BIG}/",
        f"/ecosystem/2026/players/{2**63 - 1}/",
        f"/programs/groups/{TOO_BIG}/",
        f"/ecosystem/{'9' * 30}/landscape.yml",
    ],
)
def test_an_id_beyond_64_bits_answers_404(client, staff_user, path):
    client.force_login(staff_user)
    small = path.replace(TOO_BIG, "1").replace(str(2**63 - 1), "1").replace("9" * 30, "2026")
    assert resolve(small)  # the route exists: the 404 comes from the number alone

    assert client.get(path).status_code == 404


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
    from alliance.agencies.models import Agency

    path, parameter, answer = case
    agency = Agency.objects.create(name="정보통신산업진흥원", short_name="NIPA")
    client.force_login(staff_user)
    month = f"{value}-03" if parameter == "month" else value

    assert client.get(path.format(agency=agency.pk), {parameter: month}).status_code == answer


@pytest.mark.django_db
def test_a_posted_contact_id_beyond_any_row_answers_404(client, member_rep):
    from django.urls import reverse

    client.force_login(member_rep)

    for value in ("²", "9" * 20):
        assert client.post(reverse("info:my_subscription"), {"invite_contact": value}).status_code == 404
