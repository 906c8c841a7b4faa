"""Snapshot immutability past the model: the model's guards, and the database triggers of migration 0004.

The suite builds its tables without migrations, so the trigger tests install them with the migration's
own functions (and remove them with its reverse). They run on whichever database the suite runs on:
SQLite locally, SQLite and PostgreSQL in CI.
"""

import importlib
from types import SimpleNamespace

import pytest
from django.db import IntegrityError, connection, models, transaction

from alliance.ecosystem.models import Snapshot, SnapshotImmutableError
from alliance.ecosystem.services.snapshots import freeze_snapshot
from alliance.ecosystem.tests.factories import small_taxonomy

pytestmark = pytest.mark.django_db
MIGRATION = importlib.import_module("alliance.ecosystem.migrations.0004_snapshot_immutable_in_database")


@pytest.fixture
def snapshot(staff_user):
    small_taxonomy(2025)
    return freeze_snapshot(actor=staff_user, year=2025)


@pytest.fixture
def triggers():
    editor = SimpleNamespace(connection=connection)
    MIGRATION.install_triggers(None, editor)
    yield editor
    MIGRATION.remove_triggers(None, editor)


def _tampered(snapshot) -> Snapshot:
    return Snapshot(
        year=snapshot.year,
        slug=snapshot.slug,
        taxonomy_id=snapshot.taxonomy_id,
        published_at=snapshot.published_at,
        data={"tampered": True},
    )


def _stored(snapshot) -> dict:
    return Snapshot.objects.get(pk=snapshot.pk).data


def test_model_refuses_upserting_bulk_create_and_base_manager_writes(snapshot):
    with pytest.raises(SnapshotImmutableError):
        Snapshot.objects.bulk_create(
            [_tampered(snapshot)], update_conflicts=True, unique_fields=["year"], update_fields=["data"]
        )
    with pytest.raises(SnapshotImmutableError):
        Snapshot._base_manager.filter(pk=snapshot.pk).update(data={"tampered": True})
    with pytest.raises(SnapshotImmutableError):
        Snapshot._base_manager.filter(pk=snapshot.pk).delete()

    assert _stored(snapshot)["year"] == 2025


def test_database_refuses_update_past_the_model(snapshot, triggers):
    plain = models.QuerySet(model=Snapshot)  # a queryset without the model's guards

    with pytest.raises(IntegrityError), transaction.atomic():
        plain.filter(pk=snapshot.pk).update(data={"tampered": True})
    with pytest.raises(IntegrityError), transaction.atomic():
        plain.bulk_create([_tampered(snapshot)], update_conflicts=True, unique_fields=["year"], update_fields=["data"])
    with pytest.raises(IntegrityError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("UPDATE ecosystem_snapshot SET slug = 'x'")

    assert (_stored(snapshot)["year"], Snapshot.objects.get(pk=snapshot.pk).slug) == (2025, "2025")


def test_database_refuses_delete_past_the_model(snapshot, triggers):
    plain = models.QuerySet(model=Snapshot)

    with pytest.raises(IntegrityError), transaction.atomic():
        plain.filter(pk=snapshot.pk).delete()
    with pytest.raises(IntegrityError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("DELETE FROM ecosystem_snapshot")

    assert Snapshot.objects.count() == 1


def test_database_still_accepts_new_snapshots(snapshot, triggers, staff_user):
    small_taxonomy(2026)

    freeze_snapshot(actor=staff_user, year=2026)

    assert list(Snapshot.objects.values_list("year", flat=True)) == [2026, 2025]


def test_migration_reverse_removes_the_triggers(snapshot, triggers):
    MIGRATION.remove_triggers(None, triggers)

    updated = models.QuerySet(model=Snapshot).filter(pk=snapshot.pk).update(slug="reversed")

    assert updated == 1
    MIGRATION.install_triggers(None, triggers)  # the fixture removes them again
