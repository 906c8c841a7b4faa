"""The header menu and "My page" show what the apps registered, per role, in the same order as before the
registry (`alliance.core.navigation`); a new app adds an entry without editing core or the portal."""

import re

import pytest
from django.urls import reverse
from django.utils import translation

from alliance.core import navigation
from alliance.core.navigation import MEMBER, PUBLIC, Entry
from alliance.core.roles import Role
from alliance.core.tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def english(client, settings):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    with translation.override("en"):
        yield


def menu(client) -> list[tuple[str, str]]:
    html = client.get("/").content.decode()
    nav = re.search(r'<nav class="site-nav"[^>]*>(.*?)</nav>', html, re.S).group(1)
    return re.findall(r'<a href="([^"]+)"[^>]*>([^<]+)</a>', nav)


def tiles(client) -> list[tuple[str, str]]:
    html = client.get("/dashboard/").content.decode()
    cards = re.search(r'<ul class="card-list">(.*?)</ul>', html, re.S).group(1)
    return re.findall(r'<a href="([^"]+)">([^<]+)</a>', cards)


def _info_paths() -> set[str]:
    entries = [*navigation._LINKS.values(), *navigation._TILES.values()]
    return {reverse(entry.url_name) for entry in entries if entry.url_name.startswith("info:")}


def is_committee_work(href: str) -> bool:
    """The governance, agencies, events, information-services, regulation and reports entries, which those apps'
    own tests check while they grow: the staff lists below keep the order of the others."""
    return (
        href.startswith(("/governance/", "/agencies/", "/events/", "/regulation/", "/reports/"))
        or href in _info_paths()
    )


def path_of(url_name: str, *args) -> str:
    return reverse(url_name, args=args)


def test_an_anonymous_visitor_sees_the_public_links(client):
    assert menu(client) == [
        (path_of("members:directory"), "Member directory"),
        (path_of("ecosystem:latest"), "Ecosystem map"),
        (path_of("programs:latest_results"), "Competition results"),
        (path_of("info:notice_board"), "Notices"),
        (path_of("info:alliance_news"), "Alliance news"),
        (path_of("info:archive"), "Trend reports"),
        (path_of("info:newsletter_archive"), "Newsletter"),
        (path_of("events:public_list"), "Events"),
    ]


def test_staff_see_the_staff_menu_after_my_page(client, staff_user):
    client.force_login(staff_user)

    assert [label for href, label in menu(client) if not is_committee_work(href)][3:] == [
        "My page",
        "Registry",
        "Import members",
        "Profiles not confirmed recently",
        "Business-field vocabulary",
        "Statistics",
        "Census",
        "Ecosystem map management",
        "Project groups",
        "Accounts",
        "Audit log",
    ]
    assert menu(client)[-1] == (path_of("core:audit_log"), "Audit log")


@pytest.mark.parametrize(
    ("role", "expected"),
    [
        (Role.MEMBER_REP, ["My page", "Project groups", "Subcommittees"]),
        (Role.EVALUATOR, ["My page", "Judging", "Mentoring"]),
        (Role.INVESTOR, ["My page", "Investment meetings"]),
        (Role.STEERING, ["My page"]),
        (Role.SUBCOMMITTEE, ["My page", "Ecosystem map management"]),
    ],
)
def test_each_role_sees_its_own_links(client, organisation, role, expected):
    user = UserFactory(role=role, organisation=organisation if role == Role.MEMBER_REP else None)
    client.force_login(user)

    public = ["Member directory", "Ecosystem map", "Competition results", "Notices", "Alliance news"]
    public += ["Trend reports", "Newsletter", "Events"]
    assert [label for _href, label in menu(client)] == public + expected


def _seen_by(client, user) -> tuple[list, list]:
    client.force_login(user)
    return menu(client), tiles(client)


@pytest.mark.parametrize(
    "roles",
    [
        (Role.MEMBER_REP, Role.EVALUATOR, Role.SUBCOMMITTEE),
        (Role.MEMBER_REP, Role.STEERING),
        (Role.AGENCY, Role.STEERING),
        (Role.EVALUATOR, Role.INVESTOR),
    ],
)
def test_a_user_with_several_roles_sees_the_links_and_tiles_of_each(client, organisation, roles):
    """The header menu and My page of a user holding several roles are the union of each role's, in menu order."""
    singles = [_seen_by(client, UserFactory(role=role, organisation=organisation)) for role in roles]
    links, cards = _seen_by(client, UserFactory(roles=roles, organisation=organisation))

    union_links = {link for single_links, _tiles in singles for link in single_links}
    union_cards = {card for _links, single_tiles in singles for card in single_tiles}
    assert (set(links), set(cards)) == (union_links, union_cards)
    assert (len(links), len(cards)) == (len(union_links), len(union_cards))


def test_my_page_offers_the_tasks_of_every_role_and_names_them(client, organisation):
    client.force_login(UserFactory(roles=[Role.MEMBER_REP, Role.EVALUATOR], organisation=organisation))
    html = client.get("/dashboard/").content.decode()

    roles = re.search(r'<p id="my-roles">[^<]*· ([^<]*)</p>', html).group(1)
    assert roles == "Member representative, Evaluator / mentor"
    labels = [label for _href, label in tiles(client)]
    assert {f"Edit the profile of {organisation.name}", "Our project groups", "Judging", "Mentoring"} <= set(labels)


def test_an_account_without_roles_is_told_to_ask_the_secretariat(client):
    client.force_login(UserFactory(role=None))

    assert "Your account holds no role yet: ask the secretariat." in client.get("/dashboard/").content.decode()


def test_staff_tiles_on_my_page(client, staff_user):
    client.force_login(staff_user)

    assert [tile for tile in tiles(client) if not is_committee_work(tile[0])] == [
        (path_of("members:registry"), "Member registry"),
        (path_of("members:imports"), "Import members"),
        (path_of("members:stale_confirmations"), "Profiles not confirmed recently"),
        (path_of("members:vocabulary"), "Business-field vocabulary"),
        (path_of("members:statistics"), "Member statistics"),
        (path_of("members:census_rounds"), "Member census"),
        (path_of("programs:programme_list"), "Project-group programmes"),
        (path_of("ecosystem:manage"), "Ecosystem map management"),
        (path_of("ecosystem:suggestions"), "Placement suggestions"),
        (path_of("core:accounts"), "Accounts"),
        (path_of("core:audit_log"), "Audit log"),
        (path_of("core:privacy_edit"), "Edit the privacy policy"),
    ]


def test_a_representative_is_offered_its_own_profile_first(client, member_rep, organisation):
    client.force_login(member_rep)

    assert tiles(client) == [
        (path_of("members:organisation_edit", organisation.pk), f"Edit the profile of {organisation.name}"),
        (path_of("programs:my_groups"), "Our project groups"),
        (path_of("programs:my_meetings"), "Investment meetings"),
        (path_of("governance:open_subcommittees"), "Subcommittees open to members"),
        (path_of("events:public_list"), "Events and registration"),
        (path_of("regulation:selfcheck"), "Ethics self-check"),
        (path_of("regulation:my_filings"), "Platform operator filing"),
    ]


def test_an_evaluator_sees_judging_and_mentoring_tiles(client):
    client.force_login(UserFactory(role=Role.EVALUATOR))

    assert [label for _href, label in tiles(client)] == ["Judging", "Mentoring"]


def test_my_page_keeps_the_users_own_settings_apart_from_the_work_of_its_roles(client):
    client.force_login(UserFactory(role=Role.STEERING))
    html = client.get("/dashboard/").content.decode()

    personal = re.search(r'<ul class="card-list" id="personal-pages">(.*?)</ul>', html, re.S).group(1)
    assert re.findall(r'<a href="([^"]+)">([^<]+)</a>', personal) == [
        (path_of("info:my_subscription"), "My newsletter subscription")
    ]


def test_the_subcommittee_is_offered_the_taxonomy_editor_on_its_page(client):
    client.force_login(UserFactory(role=Role.SUBCOMMITTEE))

    assert tiles(client) == [(path_of("ecosystem:manage"), "Ecosystem map management")]


def test_a_role_without_tasks_of_its_own_is_told_so_and_offered_the_open_pages(client):
    client.force_login(UserFactory(role=Role.STEERING))
    html = client.get("/dashboard/").content.decode()

    assert "The platform has no tasks of its own for the role Steering-committee member yet." in html
    open_pages = re.search(r'<ul class="card-list" id="open-pages">(.*?)</ul>', html, re.S).group(1)
    assert re.findall(r'<a href="([^"]+)">([^<]+)</a>', open_pages) == [
        (path_of("members:directory"), "Member directory"),
        (path_of("ecosystem:snapshots"), "Published ecosystem maps"),
        (path_of("programs:latest_results"), "Competition results"),
    ]


def test_an_entry_registered_by_a_new_app_is_shown_without_editing_core_or_the_portal(client, monkeypatch):
    monkeypatch.setattr(navigation, "_LINKS", dict(navigation._LINKS))
    navigation.register_links(
        Entry("News", "portal:home", PUBLIC, order=5),
        Entry("Hidden", "core:audit_log", MEMBER, predicate=lambda user: False),
    )

    assert menu(client)[0] == (path_of("portal:home"), "News")
    assert "Hidden" not in [label for _href, label in menu(client)]


def test_an_entry_in_an_unknown_group_is_refused():
    with pytest.raises(ValueError, match="unknown navigation group 'sidebar'"):
        Entry("News", "portal:home", "sidebar")
