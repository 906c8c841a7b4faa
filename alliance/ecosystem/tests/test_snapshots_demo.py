"""The demo map: members and non-members placed on 2026, 2025 frozen, and a comparison with movement."""

import pytest
from django.db import transaction

from alliance.ecosystem import demo
from alliance.ecosystem.models import Placement, Player, Snapshot
from alliance.ecosystem.queries import snapshot_data_for_year
from alliance.ecosystem.services.snapshots import compare_snapshots
from alliance.members import demo as members_demo
from alliance.members.models import Organisation

pytestmark = pytest.mark.django_db


def _load(seed: int) -> str:
    members_demo.load(members_demo.generate(80, seed))
    return demo.load_demo(seed=seed)


def test_demo_places_every_member_and_non_members_and_freezes_2025():
    summary = _load(7)

    current = Organisation.objects.filter(withdrawn_on__isnull=True).count()
    placed_members = Placement.objects.filter(taxonomy__year=2026, player__organisation__isnull=False).count()
    assert placed_members == current
    assert Player.objects.filter(organisation__isnull=True).count() == demo.NON_MEMBERS
    assert list(Snapshot.objects.values_list("year", flat=True)) == [2025]
    assert "2026" in summary


def test_demo_gives_a_share_of_players_a_ksic_code_of_their_category():
    _load(7)

    placements = list(Placement.objects.filter(taxonomy__year=2026).select_related("player", "primary__parent"))
    category_codes = [
        (p.player.ksic_code, (p.primary.parent if p.primary.level == "subcategory" else p.primary).ksic_codes)
        for p in placements
    ]
    coded = [(code, codes) for code, codes in category_codes if code]
    with_codes = [codes for _code, codes in category_codes if codes]
    assert [code for code, codes in coded if code not in codes] == []
    assert 0.45 < len(coded) / len(with_codes) < 0.75
    assert len(coded) > 100


def test_demo_comparison_shows_every_kind_of_change():
    _load(7)

    result = compare_snapshots(snapshot_data_for_year(2025), _live_2026())

    assert all(len(result[kind]) > 0 for kind in ("entered", "left", "moved", "grew"))


class _RollbackError(Exception):
    pass


def _fingerprint_of_load(seed: int) -> list:
    """Load members and the map in a transaction that is rolled back; the placements as loaded."""
    try:
        with transaction.atomic():
            _load(seed)
            fingerprint = sorted(
                Placement.objects.values_list(
                    "taxonomy__year", "player__name", "primary__name", "status", "technology_score"
                )
            )
            raise _RollbackError
    except _RollbackError:
        return fingerprint


def test_demo_is_deterministic_for_a_seed():
    first = _fingerprint_of_load(3)
    second = _fingerprint_of_load(3)

    assert len(first) > 300
    assert first == second


def _live_2026():
    from alliance.ecosystem.models import Taxonomy
    from alliance.ecosystem.queries import build_snapshot_data

    return build_snapshot_data(Taxonomy.objects.get(year=2026))
