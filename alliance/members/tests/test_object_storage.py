"""Uploads on S3-compatible object storage (AWS_STORAGE_BUCKET_NAME; alliance/core/storage.py), against moto's
server (alliance/core/tests/s3_fixture.py): a member list uploaded by staff is stored in the bucket and
imported from it, its rejected-rows report is stored there and downloaded by staff only; a logo stored there
is served at the platform's own address with a year's cache lifetime. Nothing lands in MEDIA_ROOT."""

import io

import openpyxl
import pytest
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from alliance.core.roles import Role
from alliance.core.tests.factories import UserFactory
from alliance.core.tests.s3_fixture import s3_client, s3_server, storage_environment
from alliance.members.models import ImportJob
from alliance.members.services.registry import store_logo
from alliance.members.tests.factories import OrganisationFactory
from alliance.members.tests.test_import import hanbit_row, xlsx_file, zen_row
from alliance.members.tests.test_import_views import XLSX, CommittingClient
from alliance.settings import object_storage

BUCKET = "alliance-uploads"


@pytest.fixture(scope="module")
def s3_endpoint():
    with s3_server() as endpoint:
        s3_client(endpoint).create_bucket(
            Bucket=BUCKET, CreateBucketConfiguration={"LocationConstraint": "ap-northeast-2"}
        )
        yield endpoint


@pytest.fixture
def bucket(s3_endpoint, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.STORAGES = {**settings.STORAGES, "default": object_storage(storage_environment(s3_endpoint, BUCKET))}
    client = s3_client(s3_endpoint)
    yield client
    for stored in client.list_objects_v2(Bucket=BUCKET).get("Contents", []):
        client.delete_object(Bucket=BUCKET, Key=stored["Key"])


def stored_names(client) -> list[str]:
    return sorted(stored["Key"] for stored in client.list_objects_v2(Bucket=BUCKET).get("Contents", []))


@pytest.mark.django_db
def test_a_member_list_and_its_report_live_in_the_bucket_and_only_staff_download_the_report(
    bucket, client, staff_user, tmp_path, django_capture_on_commit_callbacks
):
    client.force_login(staff_user)
    staff = CommittingClient(client, django_capture_on_commit_callbacks)
    rows = [zen_row(), hanbit_row(가입일="어제")]
    sheet = SimpleUploadedFile("members.xlsx", xlsx_file(tmp_path, rows).read_bytes(), content_type=XLSX)

    staff.post(reverse("members:imports"), {"file": sheet, "skip_invalid": "on"})  # checked from the bucket
    job = ImportJob.objects.get()
    report_url = reverse("members:import_report", args=[job.pk])
    downloaded = client.get(report_url)
    client.logout()
    anonymous = client.get(report_url)
    client.force_login(UserFactory(role=Role.MEMBER_REP))
    other_role = client.get(report_url)

    values = list(openpyxl.load_workbook(io.BytesIO(b"".join(downloaded.streaming_content))).active.values)
    assert (job.status, job.created_count, job.rejected_count) == ("done", 1, 1)
    assert stored_names(bucket) == sorted([job.upload.name, job.rejected_report.name])
    assert (job.upload.name[:8], job.rejected_report.name[:16]) == ("imports/", "imports/reports/")
    assert values[1][0] == "(주)한빛소프트"
    assert (anonymous.status_code, anonymous["Location"].startswith(reverse("core:login"))) == (302, True)
    assert other_role.status_code == 404
    assert not (tmp_path / "media").exists()


@pytest.mark.django_db
def test_a_logo_in_the_bucket_is_served_at_the_platforms_address_for_a_year(bucket, client, tmp_path):
    picture = io.BytesIO()
    Image.new("RGB", (8, 8), (11, 58, 110)).save(picture, format="PNG")
    organisation = OrganisationFactory()
    organisation.logo = store_logo(organisation=organisation, upload=SimpleUploadedFile("logo.png", picture.getvalue()))
    organisation.save()

    response = client.get(organisation.logo.url)

    assert organisation.logo.url == f"/media/{organisation.logo.name}"
    assert stored_names(bucket) == [organisation.logo.name]
    assert (response.status_code, b"".join(response.streaming_content)) == (200, picture.getvalue())
    assert response["Cache-Control"] == "public, max-age=31536000, immutable"
    assert default_storage.exists(organisation.logo.name)
    assert client.get("/media/imports/anything.xlsx").status_code == 404
    assert not (tmp_path / "media").exists()
