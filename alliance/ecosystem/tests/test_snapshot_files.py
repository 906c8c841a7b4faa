"""A published snapshot's JSON API document and landscape.yml are computed once, when it is published, and served
as stored with a strong ETag (304 to a client that holds it), gzip-compressed to clients that accept it."""

import gzip
import hashlib
import json

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from alliance.ecosystem.models import Placement, Player, Snapshot, SnapshotFile
from alliance.ecosystem.queries import build_snapshot_data
from alliance.ecosystem.services.snapshots import freeze_snapshot
from alliance.ecosystem.snapshot_api import logo_prefix, public_document
from alliance.ecosystem.tests.factories import PlacementFactory, PlayerFactory, small_taxonomy

pytestmark = pytest.mark.django_db
CONFIRMED = Placement.Status.CONFIRMED


def published(staff_user, year: int = 2025, name: str = "주식회사 젠") -> Snapshot:
    tree = small_taxonomy(year)
    PlacementFactory(player=PlayerFactory(name=name), primary=tree["xr"], status=CONFIRMED)
    return freeze_snapshot(actor=staff_user, year=year)


def api(client, slug: str = "2025", **headers):
    return client.get(reverse("ecosystem:snapshot_api", args=[slug]), headers=headers)


def published_yml(client, year: int = 2025, **headers):
    return client.get(reverse("ecosystem:landscape_yml", args=[year]) + "?version=published", headers=headers)


def test_publishing_stores_the_api_document_which_is_served_without_reading_the_frozen_map(client, staff_user):
    snapshot = published(staff_user)
    stored = SnapshotFile.objects.get(snapshot=snapshot, kind=SnapshotFile.Kind.API_JSON)
    content = stored.file.read()

    with CaptureQueriesContext(connection) as queries:
        response = api(client)

    body = response.getvalue()
    assert json.loads(body) == json.loads(json.dumps(public_document(snapshot, logo_prefix=logo_prefix())))
    assert (body, stored.etag, stored.size) == (content, hashlib.sha256(content).hexdigest(), len(content))
    assert (response["ETag"], response["Cache-Control"], response["Content-Type"]) == (
        f'"{stored.etag}"',
        "public, max-age=31536000, immutable",
        "application/json",
    )
    assert [query["sql"] for query in queries if '"data"' in query["sql"]] == []


def test_a_client_holding_the_etag_gets_304_without_the_document(client, staff_user):
    published(staff_user)
    etag = api(client)["ETag"]

    again = api(client, If_None_Match=etag)

    assert (again.status_code, again.getvalue() if again.streaming else again.content) == (304, b"")
    assert (again["ETag"], again["Cache-Control"]) == (etag, "public, max-age=31536000, immutable")
    assert api(client, If_None_Match='"something-else"').status_code == 200


def test_a_client_accepting_gzip_gets_the_compressed_copy_under_its_own_etag(client, staff_user):
    published(staff_user)
    plain = api(client)

    compressed = api(client, Accept_Encoding="gzip, deflate, br")
    again = api(client, Accept_Encoding="gzip", If_None_Match=compressed["ETag"])

    assert gzip.decompress(compressed.getvalue()) == plain.getvalue()
    assert (compressed["Content-Encoding"], compressed["ETag"], compressed["Vary"]) == (
        "gzip",
        plain["ETag"][:-1] + '-gzip"',
        "Accept-Encoding",
    )
    assert again.status_code == 304
    assert api(client, Accept_Encoding="gzip", If_None_Match=plain["ETag"]).status_code == 200


def test_the_published_landscape_yml_is_the_map_as_it_was_published(client, staff_user):
    published(staff_user)
    Player.objects.filter(name="주식회사 젠").update(name="주식회사 젠 (새 이름)")

    frozen = published_yml(client)
    live = client.get(reverse("ecosystem:landscape_yml", args=[2025]))
    revalidated = published_yml(client, If_None_Match=frozen["ETag"])

    assert ("name: 주식회사 젠\n" in frozen.getvalue().decode(), "새 이름" in frozen.getvalue().decode()) == (
        True,
        False,
    )
    assert "주식회사 젠 (새 이름)" in live.content.decode()
    assert (frozen["Cache-Control"], revalidated.status_code) == ("public, max-age=86400", 304)
    assert frozen["Content-Disposition"] == 'attachment; filename="ecosystem-2025-snapshot-landscape.yml"'


def test_a_snapshot_published_again_after_a_reset_is_served_anew_under_a_new_etag(client, staff_user):
    snapshot = published(staff_user)
    old_api, old_yml = api(client)["ETag"], published_yml(client)["ETag"]
    # A database reset (restore, flush) removes the snapshot; the year is then published again, changed.
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM ecosystem_snapshotfile")
        cursor.execute("DELETE FROM ecosystem_snapshot WHERE id = %s", [snapshot.pk])
    Player.objects.filter(name="주식회사 젠").update(name="주식회사 젠 (새 이름)")
    freeze_snapshot(actor=staff_user, year=2025)

    document = api(client, If_None_Match=old_api)
    yml = published_yml(client, If_None_Match=old_yml)

    assert (document.status_code, yml.status_code) == (200, 200)
    assert (document["ETag"] != old_api, yml["ETag"] != old_yml) == (True, True)
    assert json.loads(document.getvalue())["players"][0]["name"] == "주식회사 젠 (새 이름)"
    assert "주식회사 젠 (새 이름)" in yml.getvalue().decode()


def test_a_document_stored_in_an_older_format_is_computed_again_and_the_old_files_deleted(client, staff_user):
    snapshot = published(staff_user)
    stored = SnapshotFile.objects.get(snapshot=snapshot, kind=SnapshotFile.Kind.API_JSON)
    old_names = [stored.file.name, stored.compressed.name]
    stored.file.save("ecosystem/snapshots/old.json", content=ContentFile(b'{"format": 1}'), save=False)
    SnapshotFile.objects.filter(pk=stored.pk).update(version="api-1:/old/", file=stored.file.name, etag="0" * 64)
    for name in old_names:
        default_storage.delete(name)

    response = api(client)

    stored.refresh_from_db()
    assert (json.loads(response.getvalue())["format"], stored.version) == (2, f"api-2:{logo_prefix()}")
    assert response["ETag"] == f'"{stored.etag}"' != f'"{"0" * 64}"'
    assert default_storage.exists("ecosystem/snapshots/old.json") is False


def test_a_snapshot_published_before_files_were_kept_gets_its_document_on_the_first_request(client, staff_user):
    tree = small_taxonomy(2025)
    PlacementFactory(player=PlayerFactory(name="예전"), primary=tree["cloud"], status=CONFIRMED)
    data = build_snapshot_data(tree["taxonomy"])
    Snapshot(year=2025, slug="2025", taxonomy=tree["taxonomy"], published_at=timezone.now(), data=data).save()

    first = api(client)
    second = api(client)
    yml = published_yml(client)

    assert (first.status_code, second["ETag"]) == (200, first["ETag"])
    assert SnapshotFile.objects.filter(kind=SnapshotFile.Kind.API_JSON).count() == 1
    # No landscape.yml was kept when it was published: the year's current map is served.
    assert (yml.status_code, yml.has_header("ETag"), "예전" in yml.content.decode()) == (200, False, True)


def test_an_unknown_snapshot_is_404(client):
    assert (api(client, "1999").status_code, SnapshotFile.objects.count()) == (404, 0)
