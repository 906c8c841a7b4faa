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
