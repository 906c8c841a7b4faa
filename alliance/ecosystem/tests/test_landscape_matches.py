"""Staff confirm or deny that alike landscape items (one name key, different homepages and repositories) are
one company; the import and every later one follow the decision, and the notes say which applied."""

import datetime
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext
from hypothesis import given
from hypothesis import strategies as st

from alliance.core.models import AuditEntry
from alliance.ecosystem.models import ConfirmedMatch, Placement, Player, Taxonomy
from alliance.ecosystem.services.landscape_identity import Decision, Decisions, Grouping
from alliance.ecosystem.services.landscape_import import Side, import_landscape, preview_landscape
from alliance.ecosystem.services.landscape_yml import parse_landscape, read_landscape_file
from alliance.ecosystem.services.matches import decide_match

ALIKE = Path(__file__).parent / "data" / "landscapes" / "alike_names.yml"
TRACING, APACHE = "atlas-tracing.example.io", "atlas.apache.org"
KUBECTX, EXTENSION = "github.com/ahmetb/kubectx", "kubectx-extension.example.dev"


def _import(landscape, year=2026, domain="alike", actor=None):
    Taxonomy.objects.get_or_create(year=year)
    return import_landscape(actor=actor, landscape=landscape, year=year, domain_name=domain)


def _placements(name_key: str) -> list[tuple[str, str, list[str]]]:
    return [
        (p.player.name, p.primary.name, sorted(node.name for node in p.secondary.all()))
        for p in Placement.objects.filter(player__name_key=name_key).order_by("primary__name")
    ]


def _today() -> str:
    from alliance.core.dates import format_moment

    return format_moment(timezone.localdate())


@pytest.mark.django_db
def test_without_a_decision_alike_items_of_other_homepages_are_two_players_and_listed_as_a_pair():
    result = _import(read_landscape_file(ALIKE))

    assert _placements("atlas") == [("Atlas", "Metadata", []), ("Atlas", "Tracing", [])]
    assert sorted((pair.first.url, pair.second.url, pair.decision) for pair in result.pairs) == [
        (TRACING, APACHE, None),
        (KUBECTX, EXTENSION, None),
    ]


@pytest.mark.django_db
def test_a_confirmed_match_joins_the_two_items_into_one_player_and_the_notes_say_so(staff_user):
    decide_match(actor=staff_user, name_key="atlas", first=f"https://{APACHE}/", second=TRACING, same=True)

    result = _import(read_landscape_file(ALIKE))

    assert _placements("atlas") == [("Atlas", "Tracing", ["Metadata"])]
    assert Player.objects.get(name_key="atlas").homepage == "https://atlas-tracing.example.io"
    note = gettext(
        "Line %(line)s: “%(name)s” and “%(other)s” on line %(other_line)s are imported as one company although "
        "their homepages and repositories differ: staff confirmed they are one (%(by)s, %(on)s)."
    ) % {"line": 34, "name": "Atlas", "other": "Atlas", "other_line": 25, "by": staff_user.name, "on": _today()}
    assert note in result.warnings
    joined = [pair for pair in result.pairs if pair.key == "atlas"]
    assert [(pair.first.url, pair.second.url, pair.decision.same) for pair in joined] == [(TRACING, APACHE, True)]


@pytest.mark.django_db
def test_a_confirmed_match_within_one_subcategory_still_gives_two_players(staff_user):
    decide_match(actor=staff_user, name_key="kubectx", first=KUBECTX, second=EXTENSION, same=True)

    _import(read_landscape_file(ALIKE))

    assert sorted(Player.objects.filter(name_key="kubectx").values_list("name", flat=True)) == ["KubeCtx", "kubectx"]


@pytest.mark.django_db
def test_a_denied_match_keeps_them_apart_and_the_notes_name_the_decision(staff_user):
    decide_match(actor=staff_user, name_key="atlas", first=TRACING, second=APACHE, same=False)

    result = _import(read_landscape_file(ALIKE))

    assert _placements("atlas") == [("Atlas", "Metadata", []), ("Atlas", "Tracing", [])]
    note = gettext(
        "Line %(line)s: “%(name)s” and “%(other)s” on line %(other_line)s have alike names: "
        "imported as two players, as staff decided they are different companies (%(by)s, %(on)s)."
    ) % {"line": 34, "name": "Atlas", "other": "Atlas", "other_line": 25, "by": staff_user.name, "on": _today()}
    assert note in result.warnings
    assert [pair.decision.same for pair in result.pairs if pair.key == "atlas"] == [False]


ONLY_TRACING = """\
categories:
  - name: Observability
    subcategories:
      - name: Tracing
        items:
          - name: Atlas
            homepage_url: https://atlas-tracing.example.io
"""
ONLY_APACHE = """\
categories:
  - name: Data
    subcategories:
      - name: Metadata
        items:
          - name: ATLAS
            homepage_url: https://atlas.apache.org/
"""


@pytest.mark.django_db
def test_the_decision_is_remembered_by_later_imports(staff_user):
    _import(parse_landscape(ONLY_TRACING), domain="first")
    Taxonomy.objects.create(year=2027)
    before = preview_landscape(landscape=parse_landscape(ONLY_APACHE), year=2027, domain_name="later")
    assert [(pair.first, pair.second, pair.decision) for pair in before.pairs] == [
        (Side("Atlas", None, TRACING), Side("ATLAS", 6, APACHE), None)
    ]
    decide_match(actor=staff_user, name_key="atlas", first=APACHE, second=TRACING, same=True)

    result = _import(parse_landscape(ONLY_APACHE), year=2027, domain="later")

    assert (result.players_created, result.players_matched) == (0, 1)
    assert list(Player.objects.filter(name_key="atlas").values_list("name", flat=True)) == ["Atlas"]
    assert Placement.objects.get(taxonomy__year=2027).player.name == "Atlas"
    note = gettext(
        "Line %(line)s: “%(name)s” is matched to the player “%(other)s” already on the map although their "
        "homepages and repositories differ: staff confirmed they are one company (%(by)s, %(on)s)."
    ) % {"line": 6, "name": "ATLAS", "other": "Atlas", "by": staff_user.name, "on": _today()}
    assert result.warnings == [note]


@pytest.mark.django_db
def test_a_new_decision_on_the_pair_read_the_other_way_replaces_the_old_one_and_is_audited(staff_user):
    decide_match(actor=staff_user, name_key="atlas", first=TRACING, second=APACHE, same=True)
    decide_match(actor=staff_user, name_key="atlas", first=f"https://www.{APACHE}", second=TRACING, same=False)

    assert list(ConfirmedMatch.objects.values_list("name_key", "first", "second", "same", "decided_by")) == [
        ("atlas", TRACING, APACHE, False, staff_user.pk)
    ]
    assert list(AuditEntry.objects.order_by("pk").values_list("action", "before", "after")) == [
        ("ecosystem.match.confirmed", None, {"name_key": "atlas", "first": TRACING, "second": APACHE, "same": True}),
        (
            "ecosystem.match.denied",
            {"same": True},
            {"name_key": "atlas", "first": TRACING, "second": APACHE, "same": False},
        ),
    ]


@pytest.mark.django_db
@pytest.mark.parametrize(("first", "second"), [(TRACING, f"https://{TRACING}/"), ("", APACHE), (TRACING, " ")])
def test_a_decision_needs_two_different_urls(staff_user, first, second):
    with pytest.raises(ValidationError):
        decide_match(actor=staff_user, name_key="atlas", first=first, second=second, same=True)
    assert ConfirmedMatch.objects.count() == 0


URLS = st.sampled_from(["a.example/x", "b.example", "c.example/y", "d.example"])
EVIDENCE = st.frozensets(URLS, min_size=1, max_size=3)
DECISIONS = st.lists(
    st.tuples(st.frozensets(URLS, min_size=2, max_size=2), st.booleans()), max_size=6, unique_by=lambda d: d[0]
)


def _decisions(rows) -> Decisions:
    day = datetime.date(2026, 12, 7)
    return Decisions(Decision("k", urls, same, "staff", day) for urls, same in rows)


@given(left=EVIDENCE, right=EVIDENCE, rows=DECISIONS)
def test_a_decision_is_the_same_whichever_side_is_first(left, right, rows):
    decisions = _decisions(rows)

    assert decisions.between("k", left, right) == decisions.between("k", right, left)


@given(left=EVIDENCE, right=EVIDENCE, rows=DECISIONS)
def test_two_items_are_grouped_alike_in_either_order(left, right, rows):
    def groups(order) -> int:
        grouping = Grouping(_decisions(rows))
        for found in order:
            grouping.add("k", found)
        return len(grouping.groups)

    assert groups([left, right]) == groups([right, left])


@pytest.mark.django_db
def test_staff_decide_a_pair_on_the_check_page_and_the_check_follows_it(client, staff_user):
    Taxonomy.objects.create(year=2026)
    client.force_login(staff_user)
    url = reverse("ecosystem:landscape_import", args=[2026])
    upload = SimpleUploadedFile("alike.yml", ALIKE.read_bytes(), content_type="application/yaml")

    check = client.post(url, {"file": upload, "domain": ""})

    page = check.content.decode()
    assert page.count('name="decision" value="same"') == 2
    assert gettext("Not decided: imported as two companies.") in page
    reference = check.context["confirmation"].carried["upload"]
    assert check.context["confirmation"].count == 6

    answer = client.post(
        reverse("ecosystem:landscape_match", args=[2026]),
        {"name_key": "atlas", "first": TRACING, "second": APACHE, "decision": "same", "upload": reference},
    )

    assert answer.status_code == 302
    again = client.get(answer["Location"])
    assert again.context["confirmation"].count == 5
    assert (
        gettext("Confirmed as one company (%(by)s, %(on)s).")
        % {
            "by": staff_user.name,
            "on": _today(),
        }
        in again.content.decode()
    )
    assert Player.objects.count() == 0  # checking writes nothing
