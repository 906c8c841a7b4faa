"""/healthz answers while the process runs; /readyz only when every dependency of a request answers."""

import pytest

from alliance.core import health


def test_healthz_answers_without_login(client):
    response = client.get("/healthz")

    assert (response.status_code, response.json(), response["Content-Type"]) == (
        200,
        {"status": "ok"},
        "application/json",
    )


@pytest.mark.django_db
def test_readyz_lists_each_check_when_all_hold(client):
    response = client.get("/readyz")

    assert (response.status_code, response.json()) == (
        200,
        {
            "status": "ok",
            "checks": {"database": "ok", "migrations": "ok", "cache": "ok", "task_queue": "ok", "storage": "ok"},
        },
    )


@pytest.mark.django_db
def test_readyz_answers_503_naming_an_unwritable_storage(client, settings, tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    settings.MEDIA_ROOT = blocker / "media"

    response = client.get("/readyz")

    assert (response.status_code, response.json()["status"], response.json()["checks"]["storage"]) == (
        503,
        "unavailable",
        "failed",
    )


@pytest.mark.django_db
def test_readyz_answers_503_when_a_migration_is_not_applied(client, monkeypatch):
    # The tests build their tables without migrations; a release whose code has one more than the database:
    monkeypatch.setattr(health, "_migrations_applied", False)
    monkeypatch.setattr(health, "pending_migrations", lambda: [("core", "9999_next_release")])

    response = client.get("/readyz")

    assert (response.status_code, response.json()["checks"]["migrations"]) == (503, "failed")
