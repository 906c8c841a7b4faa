"""Every role against every URL of the project.

The URL list is generated from the resolver (every URL: there is no admin/), so a new URL fails
`test_every_url_has_an_expectation` until someone decides who may open it and adds it to its app's
`tests/url_expectations.py` (see url_matrix.py for what such a module defines), and fails
`test_every_view_declares_its_permission` until its view carries a declaration from alliance.core.permissions.
Each URL is requested with GET by every role, and by users holding several roles (url_matrix.COMBINED, whose
expectations are derived from their roles' unless a row states them); the observed statuses must equal the table
exactly.
"""

import importlib
import inspect
import json
import os
import subprocess
import sys
from pathlib import Path
from urllib.parse import quote

import pytest
import rules
from django.apps import apps
from django.conf import settings
from django.contrib.messages import constants, get_messages
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from alliance.core.permissions import PERSONAL_LINK, PUBLIC
from alliance.core.roles import Role
from alliance.core.tests.confirming import CONFIRMED_FIELD, carried_fields, confirmation_token
from alliance.core.tests.factories import UserFactory
from alliance.core.tests.url_matrix import COMBINED, IDENTITIES, LOGIN, OWN_PROFILE, complete


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
APP_LABELS = {config.label for config in apps.get_app_configs() if config.name.startswith("alliance.")}
STATED: dict[str, dict[str, int | str]] = {name: row for module in MODULES for name, row in module.EXPECTED.items()}
EXPECTED: dict[str, dict[str, int | str]] = {name: complete(row) for name, row in STATED.items()}
PK_OF = {name: key for module in MODULES for name, key in getattr(module, "PK_OF", {}).items()}
PATH_VALUES = {name: value for module in MODULES for name, value in getattr(module, "PATH_VALUES", {}).items()}
COUNTED_MODELS = tuple(model for module in MODULES for model in getattr(module, "COUNTED_MODELS", ()))
POST_DATA = {name: build for module in MODULES for name, build in getattr(module, "POST_DATA", {}).items()}
POST_AS = {name: role for module in MODULES for name, role in getattr(module, "POST_AS", {}).items()}
POST_SETUP = {name: setup for module in MODULES for name, setup in getattr(module, "POST_SETUP", {}).items()}


def walk(resolvers, namespace: str = "", prefix: str = ""):
    """(full URL name, route, parameter names, view) for every named pattern below `resolvers`."""
    for entry in resolvers:
        route = prefix + str(entry.pattern)
        if isinstance(entry, URLResolver):
            inner = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            yield from walk(entry.url_patterns, inner, route)
        elif isinstance(entry, URLPattern):
            if entry.name is None:
                raise AssertionError(f"URL {route!r} has no name: the permission matrix cannot cover it")
            parameters = tuple(entry.pattern.converters) or tuple(entry.pattern.regex.groupindex)
            yield f"{namespace}{entry.name}", route, parameters, entry.callback


def project_urls() -> dict[str, tuple[str, tuple[str, ...]]]:
    return {name: (route, parameters) for name, route, parameters, _view in walk(get_resolver().url_patterns)}


def declarations() -> dict[str, str | None]:
    """URL name → the permission its view declares (None when it declares none)."""
    urls = walk(get_resolver().url_patterns)
    return {name: getattr(view, "required_permission", None) for name, _route, _params, view in urls}


def declared_permissions() -> set[str]:
    return {permission for permission in declarations().values() if permission not in (None, PUBLIC, PERSONAL_LINK)}


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
        "evaluator_b": UserFactory(role=Role.EVALUATOR),
        "investor_b": UserFactory(role=Role.INVESTOR),
        "mentor_b": UserFactory(role=Role.EVALUATOR),  # mentors are evaluators
    }
    users.update({identity: holding_all(users, parts) for identity, parts in COMBINED.items()})
    world = {"users": users, "org_a": organisation, "org_b": org_b}
    for module in MODULES:
        if hasattr(module, "build_world"):
            world.update(module.build_world(world))
    return world


def holding_all(users, parts):
    """One user holding every role of the given identities, with the first organisation among them (org A's
    representative who also sits on the steering committee speaks for org A)."""
    holders = [users[part] for part in parts]
    roles = [role for holder in holders for role in sorted(holder.roles)]
    organisation = next((holder.organisation for holder in holders if holder.organisation_id), None)
    return UserFactory(roles=roles, organisation=organisation)


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


def test_every_view_declares_its_permission():
    """@public, @permission_required(...) or @personal_link on every view (alliance/core/permissions.py)."""
    undeclared = sorted(name for name, permission in declarations().items() if permission is None)

    assert undeclared == []


def test_every_declared_permission_is_registered():
    unregistered = sorted(permission for permission in declared_permissions() if not rules.perm_exists(permission))

    assert unregistered == []


STARTUP_CHECK = """
import json, sys
import django
django.setup()
import rules
loaded = sorted(name for name in sys.modules if name == "alliance.urls" or name.endswith(".urls"))
missing = sorted(name for name in json.loads(sys.argv[1]) if not rules.perm_exists(name))
print(json.dumps({"urls_loaded": [name for name in loaded if name.startswith("alliance")], "missing": missing}))
"""


def test_every_declared_permission_is_registered_at_start_up():
    """A management command or the task worker (django.setup(), no URL configuration) sees every permission."""
    names = sorted(declared_permissions())
    result = subprocess.run(  # noqa: S603 (this interpreter and a fixed script)
        [sys.executable, "-c", STARTUP_CHECK, json.dumps(names)],
        cwd=settings.BASE_DIR,
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "alliance.settings"},
        capture_output=True,
        text=True,
        check=True,
    )

    assert json.loads(result.stdout.strip().splitlines()[-1]) == {"urls_loaded": [], "missing": []}


def test_every_registered_permission_is_checked():
    """A permission nobody checks is a rule that reads as enforced but is not: declare it on a view or delete it."""
    registered = {name for name in rules.permissions.permissions if name.split(".")[0] in APP_LABELS}
    sources = [
        path.read_text()
        for path in (Path(settings.BASE_DIR) / "alliance").rglob("*")
        if path.suffix in {".py", ".html"} and "tests" not in path.parts and not path.name.startswith("rules")
    ]
    checked = declared_permissions() | {name for name in registered if any(f'"{name}"' in text for text in sources)}
    checked |= {name for name in registered if any(f"perms.{name}" in text for text in sources)}

    assert sorted(registered - checked) == []


def test_every_expectation_covers_every_role():
    incomplete = sorted(name for name, statuses in EXPECTED.items() if set(statuses) != set(IDENTITIES))

    assert incomplete == []


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_url_answers_each_role_as_expected(name, world, client):
    urls = project_urls()
    if name not in urls:
        pytest.fail(f"{name} is in EXPECTED but not in the URL configuration")
    url = url_for(name, urls[name][1], world)
    observed = {}

    for role in IDENTITIES:
        client.logout()
        user = world["users"].get(role)
        if user:
            client.force_login(user)
        observed[role] = observe(client, url, user)

    mismatches = {role: f"got {observed[role]}, expected {EXPECTED[name][role]}" for role in IDENTITIES}
    assert {role: text for role, text in mismatches.items() if observed[role] != EXPECTED[name][role]} == {}


REFUSED = {LOGIN: {LOGIN, 405}, 404: {404, 405}}


def takes_post(view) -> bool:
    """The view (under its decorators) reads a POST: @require_POST, a method check or request.POST."""
    while hasattr(view, "__wrapped__"):
        view = view.__wrapped__
    try:
        return "POST" in inspect.getsource(view)
    except (OSError, TypeError):  # a class-based view's as_view() function: Django's own (login, logout)
        return False


def refused_roles(name: str) -> list[str]:
    return [role for role in IDENTITIES if EXPECTED[name][role] in REFUSED]


def test_every_post_url_has_a_valid_payload():
    """Refused roles must POST data that would be accepted, else a refusal proves nothing (url_matrix.POST_DATA)."""
    views = {name: view for name, _route, _params, view in walk(get_resolver().url_patterns)}
    posting = {name for name, view in views.items() if takes_post(view) and name in EXPECTED and refused_roles(name)}

    assert sorted(posting - set(POST_DATA)) == []


def counts(models) -> list[int]:
    return [model.objects.count() for model in models]


@pytest.mark.parametrize("name", sorted(POST_DATA))
def test_valid_payload_is_accepted_by_a_role_that_may(name, world, client, django_capture_on_commit_callbacks):
    """The matrix's POST body is valid: posted by a role that may open the URL, it writes an audit entry or a row.

    Buttons (`no_body`) too: the world is built afresh for each test, so each action finds its object in the
    state that allows it (a call not yet announced, a proposal not yet submitted ...). Work queued for after the
    commit runs, as it would: an action that only queues a task (the scheduler) is shown to act by what it writes."""
    from alliance.core.models import AuditEntry

    role = POST_AS.get(name) or next(role for role in IDENTITIES if EXPECTED[name][role] not in REFUSED)
    POST_SETUP.get(name, lambda world: None)(world)
    client.force_login(world["users"][role])
    before = counts((AuditEntry, *COUNTED_MODELS))

    url = url_for(name, project_urls()[name][1], world)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, POST_DATA[name](world))
        if response.status_code == 200 and CONFIRMED_FIELD.search(response.content.decode()):
            # A mass action answers with its confirmation page (core/confirm.py): confirm it as staff would.
            confirmed = {**carried_fields(response), "confirmed": confirmation_token(response)}
            response = client.post(url, {**POST_DATA[name](world), **confirmed})

    errors = [str(message) for message in get_messages(response.wsgi_request) if message.level == constants.ERROR]
    assert (response.status_code in {200, 204, 302}, errors) == (True, [])
    assert counts((AuditEntry, *COUNTED_MODELS)) != before, f"{role}'s POST to {name} wrote nothing: fix POST_DATA"


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_url_refuses_post_from_roles_it_hides_from(name, world, client, django_capture_on_commit_callbacks):
    """A POST of valid data from a role that a GET refuses is refused too, writes nothing (not even through work
    it would queue), and leaves the URL's own object as it was."""
    from alliance.core.models import AuditEntry

    outsiders = refused_roles(name)
    POST_SETUP.get(name, lambda world: None)(world)
    url = url_for(name, project_urls()[name][1], world)
    counts_before = counts((AuditEntry, *COUNTED_MODELS))
    target_before = target_row(name, world)
    payload = POST_DATA.get(name, lambda world: {})
    accepted = {}

    for role in outsiders:
        client.logout()
        user = world["users"].get(role)
        if user:
            client.force_login(user)
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(url, payload(world))
        outcome = LOGIN if response.status_code == 302 and "/accounts/login/" in response["Location"] else None
        outcome = outcome or response.status_code
        if outcome not in REFUSED[EXPECTED[name][role]]:
            accepted[role] = outcome

    assert accepted == {}
    assert counts((AuditEntry, *COUNTED_MODELS)) == counts_before
    assert target_row(name, world) == target_before, f"a refused POST to {name} changed its object"


def target_row(name: str, world) -> dict | None:
    """The field values of the URL's own object (its <pk>), as stored: a refused POST must leave them as they were."""
    if name not in PK_OF:
        return None
    target = world[PK_OF[name]]
    return type(target)._base_manager.filter(pk=target.pk).values().first()
