"""Every role against every URL of the project.

The URL list is generated from the resolver (admin/ and static files aside), so a new URL fails
`test_every_url_has_an_expectation` until someone decides who may open it and adds it to its app's
`tests/url_expectations.py` (see url_matrix.py for what such a module defines).
Each URL is requested with GET by every role; the observed statuses must equal the table exactly.
"""

import importlib
from urllib.parse import quote

import pytest
from django.apps import apps
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from alliance.core.roles import Role
from alliance.core.tests.factories import UserFactory
from alliance.core.tests.url_matrix import LOGIN, OWN_PROFILE, ROLES


def expectation_modules() -> list:
    modules = []
    for config in apps.get_app_configs():
        if config.name.startswith("alliance."):
            try:
                modules.append(importlib.import_module(f"{config.name}.tests.url_expectations"))
            except ModuleNotFoundError as error:
                if error.name not in (f"{config.name}.tests.url_expectations", f"{config.name}.tests"):
                    raise
    return modules


MODULES = expectation_modules()
EXPECTED: dict[str, dict[str, int | str]] = {name: row for module in MODULES for name, row in module.EXPECTED.items()}
PK_OF = {name: key for module in MODULES for name, key in getattr(module, "PK_OF", {}).items()}
PATH_VALUES = {name: value for module in MODULES for name, value in getattr(module, "PATH_VALUES", {}).items()}
COUNTED_MODELS = tuple(model for module in MODULES for model in getattr(module, "COUNTED_MODELS", ()))

SKIPPED_NAMESPACES = {"admin"}


def walk(resolvers, namespace: str = "", prefix: str = ""):
    """(full URL name, route, parameter names) for every named pattern below `resolvers`."""
    for entry in resolvers:
        route = prefix + str(entry.pattern)
        if isinstance(entry, URLResolver):
            if entry.namespace in SKIPPED_NAMESPACES:
                continue
            inner = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            yield from walk(entry.url_patterns, inner, route)
        elif isinstance(entry, URLPattern):
            if entry.name is None:
                raise AssertionError(f"URL {route!r} has no name: the permission matrix cannot cover it")
            parameters = tuple(entry.pattern.converters) or tuple(entry.pattern.regex.groupindex)
            yield f"{namespace}{entry.name}", route, parameters


def project_urls() -> dict[str, tuple[str, tuple[str, ...]]]:
    return {name: (route, parameters) for name, route, parameters in walk(get_resolver().url_patterns)}


@pytest.fixture
def world(db, organisation, other_organisation):
    """Two organisations, one user per role, and what each app's URLs point at."""
    org_b = other_organisation
    users = {
        "staff": UserFactory(role=Role.STAFF),
        "rep_a": UserFactory(role=Role.MEMBER_REP, organisation=organisation),
        "rep_b": UserFactory(role=Role.MEMBER_REP, organisation=org_b),
        "steering": UserFactory(role=Role.STEERING),
        "subcommittee": UserFactory(role=Role.SUBCOMMITTEE),
        "evaluator": UserFactory(role=Role.EVALUATOR),
        "agency": UserFactory(role=Role.AGENCY),
        "investor": UserFactory(role=Role.INVESTOR),
    }
    world = {"users": users, "org_a": organisation, "org_b": org_b}
    for module in MODULES:
        if hasattr(module, "build_world"):
            world.update(module.build_world(world))
    return world


def url_for(name: str, parameters: tuple[str, ...], world) -> str:
    values = {"pk": lambda world: world[PK_OF[name]].pk, **PATH_VALUES}
    missing = [parameter for parameter in parameters if parameter not in values]
    assert missing == [], f"{name}: add a value for the path parameter(s) {missing} to PATH_VALUES"
    return reverse(name, kwargs={parameter: values[parameter](world) for parameter in parameters})


def observe(client, url: str, user) -> int | str:
    response = client.get(url)
    login = reverse("core:login")
    if response.status_code == 302 and response["Location"] == f"{login}?next={quote(url)}":
        return LOGIN
    own = user and user.organisation_id and reverse("members:organisation_edit", args=[user.organisation_id])
    if response.status_code == 302 and response["Location"] == own:
        return OWN_PROFILE
    if response.status_code in {301, 302}:
        return f"{response.status_code} → {response['Location']}"
    return response.status_code


def test_every_url_has_an_expectation():
    unexpected = sorted(set(project_urls()) - set(EXPECTED))

    assert unexpected == [], f"add these URL names to EXPECTED in {__name__}"


def test_every_expectation_names_a_url():
    stale = sorted(set(EXPECTED) - set(project_urls()))

    assert stale == []


def test_every_expectation_covers_every_role():
    incomplete = sorted(name for name, statuses in EXPECTED.items() if set(statuses) != set(ROLES))

    assert incomplete == []


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_url_answers_each_role_as_expected(name, world, client):
    urls = project_urls()
    if name not in urls:
        pytest.fail(f"{name} is in EXPECTED but not in the URL configuration")
    url = url_for(name, urls[name][1], world)
    observed = {}

    for role in ROLES:
        client.logout()
        user = world["users"].get(role)
        if user:
            client.force_login(user)
        observed[role] = observe(client, url, user)

    mismatches = {role: f"got {observed[role]}, expected {EXPECTED[name][role]}" for role in ROLES}
    assert {role: text for role, text in mismatches.items() if observed[role] != EXPECTED[name][role]} == {}


REFUSED = {LOGIN: {LOGIN, 405}, 404: {404, 405}}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_url_refuses_post_from_roles_it_hides_from(name, world, client):
    """A POST from a role that a GET refuses is refused too, and writes nothing."""
    from alliance.core.models import AuditEntry

    outsiders = [role for role in ROLES if EXPECTED[name][role] in REFUSED]
    url = url_for(name, project_urls()[name][1], world)
    counts_before = [model.objects.count() for model in (AuditEntry, *COUNTED_MODELS)]
    accepted = {}

    for role in outsiders:
        client.logout()
        user = world["users"].get(role)
        if user:
            client.force_login(user)
        response = client.post(url, {})
        outcome = LOGIN if response.status_code == 302 and "/accounts/login/" in response["Location"] else None
        outcome = outcome or response.status_code
        if outcome not in REFUSED[EXPECTED[name][role]]:
            accepted[role] = outcome

    assert accepted == {}
    assert [model.objects.count() for model in (AuditEntry, *COUNTED_MODELS)] == counts_before
