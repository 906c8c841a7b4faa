"""Data migrations of the programs app (tests run without migrations, so their functions are called directly
with today's app registry)."""

import importlib
from decimal import Decimal

import pytest
from django.apps import apps

from alliance.programs.models import Criterion, ScoreChange
from alliance.programs.services import assignment as assignment_service
from alliance.programs.services import panels as panel_service
from alliance.programs.tests.factories import ProgrammeFactory, ProjectGroupFactory
from alliance.programs.tests.factories_judging import english, final_panel, ready_judge  # noqa: F401

pytestmark = pytest.mark.django_db


def test_score_change_migration_copies_each_entrys_keys_from_its_score(staff_user):
    copy_keys = importlib.import_module("alliance.programs.migrations.0009_score_change_outlives_its_score").copy_keys
    programme = ProgrammeFactory()
    first, second = ProjectGroupFactory(programme=programme), ProjectGroupFactory(programme=programme)
    panel = final_panel(programme)
    judge = ready_judge(panel)
    assignment_service.seat_final_panel(actor=staff_user, panel=panel)
    criterion = Criterion.objects.filter(track_id=first.track_id).first()
    panel_service.save_score(judge=judge, panel=panel, group=first, criterion=criterion, points=11)
    ScoreChange.objects.update(group=second, judge=staff_user)  # what the added columns held before the copy

    copy_keys(apps, None)

    assert list(ScoreChange.objects.values_list("panel", "judge", "group", "criterion", "points_after")) == [
        (panel.pk, judge.pk, first.pk, criterion.pk, Decimal("11.00"))
    ]


def test_absence_policy_migration_repairs_only_programmes_not_yet_scored():
    repair = importlib.import_module("alliance.programs.migrations.0007_coherent_absence_policies").repair
    broken = ProgrammeFactory(ranking_rule="zscore", absence_policy={"4": "zscore"})
    locked = ProgrammeFactory(ranking_rule="zscore", absence_policy={"4": "zscore"})
    type(broken).objects.filter(pk=broken.pk).update(absence_policy={"4": "trimmed_mean", "3": "mean"})
    type(locked).objects.filter(pk=locked.pk).update(
        absence_policy={"4": "trimmed_mean"}, rule_locked_at="2026-11-10T05:00:00Z"
    )

    repair(apps, None)

    broken.refresh_from_db()
    locked.refresh_from_db()
    assert broken.absence_policy == {"4": "zscore", "3": "zscore", "2": "zscore", "1": "zscore"}
    assert locked.absence_policy == {"4": "trimmed_mean"}


def test_support_migration_gives_programmes_without_benefits_the_seeds():
    seed = importlib.import_module("alliance.programs.migrations.0014_seed_support_benefits").seed
    bare, kept = ProgrammeFactory(), ProgrammeFactory()
    bare.benefits.all().delete()
    kept.benefits.exclude(code="NIPA").delete()

    seed(apps, None)

    assert list(bare.benefits.order_by("position").values_list("code", flat=True)) == [
        "NIPA",
        "RAPA",
        "BOOTH",
        "TALK",
        "PRESS",
    ]
    assert list(kept.benefits.values_list("code", flat=True)) == ["NIPA"]
