"""Every role against every URL of the project.

The URL list is generated from the resolver (admin/ and static files aside), so a new URL fails
`test_every_url_has_an_expectation` until someone decides who may open it and adds it to EXPECTED.
Each URL is requested with GET by every role; the observed statuses must equal the table exactly.
"""

import datetime
import hashlib
from urllib.parse import quote

import pytest
from django.core.files.base import ContentFile
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import timezone

from alliance.core.roles import Role
from alliance.core.tests.factories import UserFactory
from alliance.members.models import CensusInvitation, CensusResponse, CensusRound, ImportJob
from alliance.members.tests.factories import OrganisationFactory

ROLES = ("anonymous", "staff", "rep_a", "rep_b", "steering", "subcommittee", "evaluator", "agency")
SIGNED_IN = ROLES[1:]
LOGIN = "login"  # a 302 to the login page with ?next= the requested path
OWN_PROFILE = "own profile"  # a 302 to the edit page of the signed-in user's own organisation
CENSUS_TOKEN = "matrix-census-token-0123456789abcdefghijklmnop"


def everyone(status: int | str = 200) -> dict[str, int | str]:
    return dict.fromkeys(ROLES, status)


def signed_in(status: int = 200) -> dict[str, int | str]:
    return {"anonymous": LOGIN, **dict.fromkeys(SIGNED_IN, status)}


def staff_only(status: int = 200) -> dict[str, int | str]:
    """Staff pages send a visitor to log in, and do not admit they exist to any signed-in non-staff role."""
    return {"anonymous": LOGIN, **dict.fromkeys(SIGNED_IN, 404), "staff": status}


def owner_only() -> dict[str, int | str]:
    """Organisation A's own pages: its representative and staff; 404 to everyone else signed in."""
    return {"anonymous": LOGIN, **dict.fromkeys(SIGNED_IN, 404), "staff": 200, "rep_a": 200}


# URL name → role → expected status. Keep in step with alliance/*/urls.py.
EXPECTED: dict[str, dict[str, int | str]] = {
    "core:home": everyone(),
    "core:login": everyone(),
    "core:logout": everyone(405),  # POST only
    "core:dashboard": signed_in(),
    "core:audit_log": staff_only(),
    "core:set_language": everyone("302 → /"),  # GET changes nothing and goes home; POST switches
    "members:directory": everyone(),
    "members:directory_export": everyone(),
    "members:company": everyone(),
    "members:census_respond": everyone(),  # the personal link needs no account
    # Only representatives have an organisation of their own; for anyone else there is nothing to show.
    "members:my_organisation": {
        "anonymous": LOGIN,
        **dict.fromkeys(SIGNED_IN, 404),
        "rep_a": OWN_PROFILE,
        "rep_b": OWN_PROFILE,
    },
    "members:organisation_edit": owner_only(),
    "members:registry": staff_only(),
    "members:organisation_create": staff_only(),
    "members:registry_export": staff_only(),
    "members:stale_confirmations": staff_only(),
    "members:organisation_detail": staff_only(),
    "members:imports": staff_only(),
    "members:import_detail": staff_only(),
    "members:import_progress": staff_only(),
    "members:import_report": staff_only(),
    "members:statistics": staff_only(),
    "members:statistics_export": staff_only(),
    "members:census_rounds": staff_only(),
    "members:census_round_create": staff_only(),
    "members:census_round_detail": staff_only(),
    "members:census_remind": signed_in(405),  # POST only: @login_required, then @require_POST
    "members:census_response_review": staff_only(),
}

# Which fixture object fills a URL's <pk>.
PK_OF = {
    "members:organisation_edit": "org_a",
    "members:organisation_detail": "org_a",
    "members:import_detail": "import_job",
    "members:import_progress": "import_job",
    "members:import_report": "import_job",
    "members:census_round_detail": "census_round",
    "members:census_remind": "census_round",
    "members:census_response_review": "census_response",
}

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
def world(db, organisation):
    """Two organisations, one user per role, and one of each object the URLs point at."""
    org_b = OrganisationFactory(name="주식회사 비교")
    users = {
        "staff": UserFactory(role=Role.STAFF),
        "rep_a": UserFactory(role=Role.MEMBER_REP, organisation=organisation),
        "rep_b": UserFactory(role=Role.MEMBER_REP, organisation=org_b),
        "steering": UserFactory(role=Role.STEERING),
        "subcommittee": UserFactory(role=Role.SUBCOMMITTEE),
        "evaluator": UserFactory(role=Role.EVALUATOR),
        "agency": UserFactory(role=Role.AGENCY),
    }
    census_round = CensusRound.objects.create(
        title="2026년 회원사 현황 조사", opened_by=users["staff"], closes_on=datetime.date(2099, 12, 31)
    )
    invitation = CensusInvitation.objects.create(
        census_round=census_round,
        organisation=organisation,
        email="rep@zen.example.kr",
        token_hash=hashlib.sha256(CENSUS_TOKEN.encode()).hexdigest(),
        expires_at=timezone.now() + datetime.timedelta(days=30),
        sent_at=timezone.now(),
    )
    census_response = CensusResponse.objects.create(
        invitation=invitation, changes={"homepage": {"before": "", "after": "https://zen.example.kr"}}
    )
    import_job = ImportJob(
        created_by=users["staff"], original_name="회원사.xlsx", status=ImportJob.Status.DONE, skip_invalid=True
    )
    import_job.upload.save("회원사.xlsx", ContentFile(b"not read by these views"), save=False)
    import_job.rejected_report.save("rejected.xlsx", ContentFile(b"not read by these views"), save=False)
    import_job.total_rows = import_job.processed_rows = 2
    import_job.rejected_count = 1
    import_job.finished_at = timezone.now()
    import_job.save()
    return {
        "users": users,
        "org_a": organisation,
        "org_b": org_b,
        "import_job": import_job,
        "census_round": census_round,
        "census_response": census_response,
    }


def url_for(name: str, parameters: tuple[str, ...], world) -> str:
    values = {
        "pk": lambda: world[PK_OF[name]].pk,
        "name": lambda: world["org_a"].name,
        "fmt": lambda: "xlsx",
        "token": lambda: CENSUS_TOKEN,
    }
    missing = [parameter for parameter in parameters if parameter not in values]
    assert missing == [], f"{name}: add a value for the path parameter(s) {missing} to url_for"
    return reverse(name, kwargs={parameter: values[parameter]() for parameter in parameters})


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
    from alliance.members.models import Organisation

    outsiders = [role for role in ROLES if EXPECTED[name][role] in REFUSED]
    url = url_for(name, project_urls()[name][1], world)
    counts_before = [model.objects.count() for model in (AuditEntry, Organisation, CensusRound, ImportJob)]
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
    assert [model.objects.count() for model in (AuditEntry, Organisation, CensusRound, ImportJob)] == counts_before
