"""`manage.py backup` and `restore`: a round trip through fresh platforms in subprocesses (their own databases
and media folders), on SQLite always and on PostgreSQL when the suite runs against it (DATABASE_URL)."""

import json
import os
import shutil
import subprocess
import sys
import uuid
from pathlib import Path

import dj_database_url
import pytest
from django.conf import settings

ROOT = Path(settings.BASE_DIR)
POSTGRES_URL = os.environ.get("DATABASE_URL", "") if os.environ.get("DATABASE_URL", "").startswith("postgres") else ""

# Some members in two categories and regions, a logo and a nested upload in the storage.
SEED = """
import datetime
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from alliance.members.models import MemberCategory
from alliance.members.tests.factories import OrganisationFactory
for n in range(7):
    OrganisationFactory(category=MemberCategory.SMALL if n % 2 else MemberCategory.LARGE,
                        sido="부산" if n % 3 == 0 else "서울", joined_on=datetime.date(2024, 1 + n, 1))
default_storage.save("logos/로고.svg", ContentFile(b"<svg xmlns='http://www.w3.org/2000/svg'/>"))
default_storage.save("imports/members/2026/list.xlsx", ContentFile(bytes(range(256)) * 40))
"""


def manage(environment: dict, *arguments: str, check: bool = True) -> subprocess.CompletedProcess:
    return subprocess.run(  # noqa: S603  the project's own manage.py
        [sys.executable, str(ROOT / "manage.py"), *arguments],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        check=check,
        timeout=600,
    )


def platform(tmp_path: Path, name: str, database_url: str) -> dict:
    environment = {key: value for key, value in os.environ.items() if key not in ("DATABASE_URL", "MEDIA_ROOT")}
    environment.update(
        DATABASE_URL=database_url,
        MEDIA_ROOT=str(tmp_path / f"{name}-media"),
        ALLIANCE_VAR_DIR=str(tmp_path / name),
    )
    return environment


def sqlite_pair(tmp_path):
    return f"sqlite:///{tmp_path / 'source.sqlite3'}", f"sqlite:///{tmp_path / 'restored.sqlite3'}"


@pytest.fixture
def postgres_pair():
    """Two new databases on the suite's PostgreSQL server, dropped afterwards."""
    import psycopg

    server = dj_database_url.parse(POSTGRES_URL)
    names = [f"backup_{role}_{uuid.uuid4().hex[:8]}" for role in ("source", "restored")]
    connect = {
        "host": server["HOST"],
        "port": server["PORT"],
        "user": server["USER"],
        "password": server["PASSWORD"],
        "dbname": server["NAME"],
        "autocommit": True,
    }
    with psycopg.connect(**connect) as admin:
        for name in names:
            admin.execute(f'CREATE DATABASE "{name}"')
    base = POSTGRES_URL.rsplit("/", 1)[0]
    yield tuple(f"{base}/{name}" for name in names)
    with psycopg.connect(**connect) as admin:
        for name in names:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def round_trip(tmp_path: Path, source_url: str, restored_url: str):
    source = platform(tmp_path, "source", source_url)
    manage(source, "migrate", "--no-input", "-v", "0")
    manage(source, "shell", "-c", SEED)
    stats_before = manage(source, "member_stats", "--as-of", "2026-12-31", "--format", "json").stdout
    written = json.loads(manage(source, "backup", "--out", str(tmp_path / "backup"), "--format", "json").stdout)

    restored = platform(tmp_path, "restored", restored_url)
    report = json.loads(manage(restored, "restore", str(tmp_path / "backup"), "--format", "json").stdout)
    stats_after = manage(restored, "member_stats", "--as-of", "2026-12-31", "--format", "json").stdout
    return restored, written, report, stats_before, stats_after


def assert_round_trip(tmp_path, outcome):
    restored, written, report, stats_before, stats_after = outcome
    manifest = json.loads((tmp_path / "backup" / "manifest.json").read_text(encoding="utf-8"))
    assert stats_after == stats_before
    assert json.loads(stats_before)["total"] == 7
    assert report == {"rows": written["rows"], "files": 2, "problems": []}
    assert sorted(manifest["files"]) == ["imports/members/2026/list.xlsx", "logos/로고.svg"]
    assert manifest["counts"]["members.Organisation"] == 7
    restored_media = Path(restored["MEDIA_ROOT"])
    assert (restored_media / "logos" / "로고.svg").read_bytes() == b"<svg xmlns='http://www.w3.org/2000/svg'/>"
    assert (restored_media / "imports/members/2026/list.xlsx").read_bytes() == bytes(range(256)) * 40

    # The restored platform now holds data: a second restore is refused, and --force replaces it.
    refused = manage(restored, "restore", str(tmp_path / "backup"), check=False)
    assert refused.returncode == 1
    assert "이미 데이터가 있습니다" in refused.stderr
    forced = manage(restored, "restore", str(tmp_path / "backup"), "--force", "--format", "json")
    assert json.loads(forced.stdout)["problems"] == []

    # A damaged copy is refused before anything is touched.
    shutil.copytree(tmp_path / "backup", tmp_path / "damaged")
    with (tmp_path / "damaged" / "files" / "logos" / "로고.svg").open("ab") as file:
        file.write(b"tampered")
    (Path(restored["MEDIA_ROOT"]) / "logos" / "로고.svg").unlink()
    damaged = manage(restored, "restore", str(tmp_path / "damaged"), "--force", check=False)
    assert damaged.returncode == 1
    assert "백업이 손상되었습니다: files/logos/로고.svg 파일의 체크섬이 맞지 않습니다." in damaged.stderr
    assert not (Path(restored["MEDIA_ROOT"]) / "logos" / "로고.svg").exists()


def test_sqlite_round_trip(tmp_path):
    source_url, restored_url = sqlite_pair(tmp_path)
    assert_round_trip(tmp_path, round_trip(tmp_path, source_url, restored_url))


@pytest.mark.skipif(not POSTGRES_URL, reason="the suite runs on SQLite (DATABASE_URL is not PostgreSQL)")
def test_postgresql_round_trip(tmp_path, postgres_pair):
    assert_round_trip(tmp_path, round_trip(tmp_path, *postgres_pair))


def test_backup_refuses_a_folder_that_holds_files(tmp_path):
    (tmp_path / "backup").mkdir()
    (tmp_path / "backup" / "keep.txt").write_text("x")
    source = platform(tmp_path, "source", sqlite_pair(tmp_path)[0])

    result = manage(source, "backup", "--out", str(tmp_path / "backup"), check=False)

    assert result.returncode == 1
    assert "비어 있지 않습니다" in result.stderr
    assert sorted(path.name for path in tmp_path.iterdir() if path.name.startswith(".backup")) == []
