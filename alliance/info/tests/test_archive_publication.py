"""Staff take a report off the public site and publish it again, or delete it with every version of its files:
an unpublished report is hidden from everything public (list, search, export, page, files, front page,
newsletter candidates) but kept for staff; a deleted one leaves nothing public and nothing stored."""

import datetime

import pytest
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from alliance.core.models import AuditEntry, FullTextDocument
from alliance.info.demo_archive_files import docx_bytes
from alliance.info.models import Report, ReportFile
from alliance.info.queries.archive import newest_reports, reports_posted
from alliance.info.queries.archive_search import matching_report_ids
from alliance.info.services import archive
from alliance.info.tests.factories_archive import PublisherFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def report(staff_user, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        created = archive.create_report(
            actor=staff_user,
            posted_on=datetime.date(2025, 5, 16),
            publisher=PublisherFactory(name="SPRI"),
            title="가상융합 산업 동향",
            uploads=[SimpleUploadedFile("본문.docx", docx_bytes("가상융합 산업 동향", ["디지털 트윈 보고서"]))],
        )
    with django_capture_on_commit_callbacks(execute=True):
        archive.replace_report_file(
            actor=staff_user,
            report_file=created.files.get(),
            upload=SimpleUploadedFile("본문.docx", docx_bytes("가상융합 산업 동향", ["디지털 트윈 수정본"])),
        )
    return created


def public_answers(client, report: Report) -> list:
    current = report.files.get(is_current=True)
    listing = client.get(reverse("info:archive")).content.decode()
    searched = client.get(reverse("info:archive"), {"q": "디지털 트윈"}).content.decode()
    return [
        "가상융합 산업 동향" in listing,
        "가상융합 산업 동향" in searched,
        client.get(report.get_absolute_url()).status_code,
        client.get(current.get_absolute_url()).status_code,
        [found.title for found in newest_reports(5)],
        reports_posted(2025),
    ]


def test_unpublished_a_report_is_hidden_from_the_public_and_kept_for_staff(client, staff_user, report):
    assert public_answers(client, report) == [True, True, 200, 200, ["가상융합 산업 동향"], 1]
    staff = client.__class__()
    staff.force_login(staff_user)

    response = staff.post(reverse("info:archive_manage_publication", args=[report.pk]), {"published": "0"})

    assert response.status_code == 302
    assert public_answers(client, report) == [False, False, 404, 404, [], 0]
    assert matching_report_ids("디지털 트윈") == []
    assert staff.get(report.get_absolute_url()).status_code == 200
    assert '가상융합 산업 동향</a> <span class="badge">' in staff.get(reverse("info:archive_manage")).content.decode()

    staff.post(reverse("info:archive_manage_publication", args=[report.pk]), {"published": "1"})
    assert public_answers(client, report) == [True, True, 200, 200, ["가상융합 산업 동향"], 1]
    entries = AuditEntry.objects.filter(action__startswith="info.archive.report_")
    actions = sorted(entries.values_list("action", flat=True))
    expected = ["info.archive.report_added", "info.archive.report_republished", "info.archive.report_unpublished"]
    assert actions == expected


def test_deleting_a_report_asks_first_then_removes_every_version_and_its_search_text(
    client, staff_user, report, django_capture_on_commit_callbacks
):
    names = [report_file.file.name for report_file in report.files.all()]
    assert (len(names), all(default_storage.exists(name) for name in names)) == (2, True)
    client.force_login(staff_user)
    delete = reverse("info:archive_manage_delete", args=[report.pk])

    confirmation = client.get(delete).content.decode()
    assert ("본문.docx v1" in confirmation, "본문.docx v2" in confirmation, Report.objects.count()) == (True, True, 1)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(delete)

    assert (response.status_code, response["Location"]) == (302, reverse("info:archive_manage"))
    assert (Report.objects.count(), ReportFile.objects.count(), FullTextDocument.objects.count()) == (0, 0, 0)
    assert [default_storage.exists(name) for name in names] == [False, False]
    entry = AuditEntry.objects.get(action="info.archive.report_deleted")
    assert (entry.actor, entry.before["title"], entry.before["files"]) == (
        staff_user,
        "가상융합 산업 동향",
        ["본문.docx v1", "본문.docx v2"],
    )
    client.logout()
    assert client.get(report.get_absolute_url()).status_code == 404
