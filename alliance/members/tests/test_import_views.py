"""The staff import page: upload → task → progress/outcome page, problems table, rejected-rows report."""

import io

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from alliance.core.roles import Role
from alliance.core.tests.confirming import post_confirmed
from alliance.core.tests.factories import UserFactory
from alliance.members.models import ImportJob, Organisation
from alliance.members.services.importing_read import HEADERS
from alliance.members.tests.test_import import BAD_NUMBER, hanbit_row, vocabulary, xlsx_file, zen_row  # noqa: F401

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def upload(tmp_path, rows, name="members.xlsx"):
    return SimpleUploadedFile(name, xlsx_file(tmp_path, rows).read_bytes(), content_type=XLSX)


class CommittingClient:
    """The test client, running what a request queued on commit once the request is over (the test's own
    transaction never commits)."""

    def __init__(self, client, capture):
        self.client, self.capture = client, capture

    def get(self, *args, **kwargs):
        return self.client.get(*args, **kwargs)

    def post(self, *args, **kwargs):
        with self.capture(execute=True):
            return self.client.post(*args, **kwargs)


@pytest.fixture
def staff_client(client, staff_user, django_capture_on_commit_callbacks):
    client.force_login(staff_user)
    return CommittingClient(client, django_capture_on_commit_callbacks)


@pytest.mark.django_db
def test_imports_post_valid_file_runs_task_and_shows_outcome(staff_client, tmp_path):
    checking = staff_client.post(reverse("members:imports"), {"file": upload(tmp_path, [zen_row(), hanbit_row()])})
    checked = ImportJob.objects.get()
    assert checking["Location"] == reverse("members:import_detail", args=[checked.pk])
    assert (checked.dry_run, checked.status, Organisation.objects.count()) == (True, "done", 0)

    response = post_confirmed(staff_client, reverse("members:import_apply", args=[checked.pk]))

    job = ImportJob.objects.exclude(pk=checked.pk).get()
    assert response.status_code == 302
    assert response["Location"] == reverse("members:import_detail", args=[job.pk])
    assert (job.status, job.created_count, job.total_rows, job.processed_rows) == ("done", 2, 2, 2)
    assert sorted(Organisation.objects.values_list("name", flat=True)) == ["(주)한빛소프트", "주식회사 젠"]
    page = staff_client.get(response["Location"])
    assert page.status_code == 200
    assert b"hx-trigger" not in page.content


@pytest.mark.django_db
@pytest.mark.usefixtures("vocabulary")
def test_import_detail_bad_row_lists_row_column_reason(staff_client, tmp_path):
    rows = [zen_row(), hanbit_row(사업자등록번호="123")]
    staff_client.post(reverse("members:imports"), {"file": upload(tmp_path, rows)})
    job = ImportJob.objects.get()

    response = staff_client.get(reverse("members:import_detail", args=[job.pk]))

    assert (job.status, job.problems) == (
        "failed",
        [{"row": 3, "column": "사업자등록번호", "message": f"'123'{BAD_NUMBER}"}],
    )
    assert Organisation.objects.count() == 0
    assert response.context["job"].problems[0]["row"] == 3
    assert '<td class="num">3</td><td>사업자등록번호</td>' in response.content.decode()


@pytest.mark.django_db
def test_import_report_skip_invalid_downloads_rejected_rows(staff_client, tmp_path):
    rows = [zen_row(), hanbit_row(가입일="어제")]
    staff_client.post(reverse("members:imports"), {"file": upload(tmp_path, rows), "skip_invalid": "on"})
    job = ImportJob.objects.get()

    response = staff_client.get(reverse("members:import_report", args=[job.pk]))

    sheet = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    values = [list(row) for row in sheet.iter_rows(values_only=True)]
    assert (job.status, job.created_count, job.rejected_count) == ("done", 1, 1)
    assert [values[0][-1], values[1][0], values[1][3]] == ["오류", "(주)한빛소프트", "어제"]


@pytest.mark.django_db
def test_import_report_without_rejected_rows_is_404(staff_client, tmp_path):
    staff_client.post(reverse("members:imports"), {"file": upload(tmp_path, [zen_row()])})

    response = staff_client.get(reverse("members:import_report", args=[ImportJob.objects.get().pk]))

    assert response.status_code == 404


@pytest.mark.django_db
def test_import_progress_running_job_keeps_polling(staff_client, staff_user):
    job = ImportJob.objects.create(
        created_by=staff_user, original_name="a.xlsx", status="validating", total_rows=2000, processed_rows=500
    )

    response = staff_client.get(reverse("members:import_progress", args=[job.pk]))

    content = response.content.decode()
    assert 'hx-trigger="every 1s"' in content
    assert '<progress class="progress" max="100" value="25"' in content


@pytest.mark.django_db
def test_imports_not_a_spreadsheet_fails_with_message(staff_client):
    fake = SimpleUploadedFile("members.xlsx", b"%PDF-1.7\n\x00\x01binary", content_type=XLSX)

    staff_client.post(reverse("members:imports"), {"file": fake})

    job = ImportJob.objects.get()
    assert (job.status, job.problems) == (
        "failed",
        [
            {
                "row": None,
                "column": "",
                "message": "스프레드시트 파일이 아닙니다. 엑셀(.xlsx, .xls) 또는 CSV(.csv) 파일을 올려 주세요.",
            }
        ],
    )


@pytest.mark.django_db
def test_imports_oversized_upload_refused_by_form(staff_client, settings):
    settings.MAX_UPLOAD_BYTES = 1024 * 1024
    big = SimpleUploadedFile("members.csv", b"a" * (1024 * 1024 + 1), content_type="text/csv")

    response = staff_client.post(reverse("members:imports"), {"file": big})

    assert response.status_code == 400
    assert response.context["form"].errors == {"file": ["파일이 1MB를 넘습니다. 파일을 나누어 올려 주세요."]}
    assert ImportJob.objects.count() == 0


@pytest.mark.django_db
def test_imports_oversized_upload_under_one_megabyte_limit_names_it(staff_client, settings):
    settings.MAX_UPLOAD_BYTES = 300 * 1024
    big = SimpleUploadedFile("members.csv", b"a" * (300 * 1024 + 1), content_type="text/csv")

    response = staff_client.post(reverse("members:imports"), {"file": big})

    assert response.context["form"].errors == {"file": ["파일이 300KB를 넘습니다. 파일을 나누어 올려 주세요."]}


@pytest.mark.django_db
def test_imports_wrong_extension_refused_by_form(staff_client):
    response = staff_client.post(
        reverse("members:imports"), {"file": SimpleUploadedFile("목록.pdf", b"%PDF", content_type="application/pdf")}
    )

    assert response.context["form"].errors == {
        "file": ["'목록.pdf'은(는) XLSX, XLS 또는 CSV 파일이 아닙니다. 엑셀에서 .xlsx 또는 .csv로 저장해 올려 주세요."]
    }


@pytest.mark.django_db
@pytest.mark.parametrize("role", [None, Role.MEMBER_REP, Role.STEERING])
def test_import_pages_non_staff_get_404(client, role, staff_user):
    job = ImportJob.objects.create(created_by=staff_user, original_name="a.xlsx")
    if role is not None:
        client.force_login(UserFactory(role=role))
    urls = [
        reverse("members:imports"),
        reverse("members:import_detail", args=[job.pk]),
        reverse("members:import_progress", args=[job.pk]),
        reverse("members:import_report", args=[job.pk]),
    ]

    statuses = [client.get(url).status_code for url in urls]

    assert statuses == ([302] * 4 if role is None else [404] * 4)


def _import_list_queries(client) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(reverse("members:imports"))
    assert response.status_code == 200
    return len(captured)


@pytest.mark.django_db
def test_imports_list_constant_queries(staff_client, staff_user):
    ImportJob.objects.create(created_by=staff_user, original_name="1.xlsx")
    one = _import_list_queries(staff_client)
    for index in range(2):
        ImportJob.objects.create(created_by=UserFactory(role=Role.STAFF), original_name=f"{index}.xlsx")

    three = _import_list_queries(staff_client)

    assert one == three


def test_headers_match_issue():
    assert HEADERS == (
        "회사명",
        "사업자등록번호",
        "회원구분",
        "가입일",
        "탈퇴일",
        "시도",
        "시군구",
        "설립연도",
        "종사자수",
        "매출액(백만원)",
        "주요분야",
        "홈페이지",
        "소개",
    )


@pytest.mark.django_db
def test_import_detail_html_in_cell_is_shown_escaped(staff_client, tmp_path):
    staff_client.post(reverse("members:imports"), {"file": upload(tmp_path, [zen_row(회원구분="<script>x</script>")])})

    response = staff_client.get(reverse("members:import_detail", args=[ImportJob.objects.get().pk]))

    content = response.content.decode()
    assert (content.count("<script>x</script>"), content.count("&#x27;&lt;script&gt;x&lt;/script&gt;&#x27;")) == (0, 1)


@pytest.mark.django_db
def test_an_upload_is_only_checked_counts_and_saves_nothing(staff_client, tmp_path):
    staff_client.post(reverse("members:imports"), {"file": upload(tmp_path, [zen_row()]), "dry_run": ""})

    job = ImportJob.objects.get()
    assert (job.status, job.dry_run, job.created_count, Organisation.objects.count()) == ("done", True, 1, 0)


@pytest.mark.django_db
def test_an_import_is_queued_only_once_its_job_is_committed(staff_user, tmp_path, django_capture_on_commit_callbacks):
    from alliance.members.services.importing_jobs import start_import

    with django_capture_on_commit_callbacks(execute=False) as queued:
        job = start_import(actor=staff_user, upload=upload(tmp_path, [zen_row()]), dry_run=False, skip_invalid=False)
    status_before_the_commit = job.status
    for callback in queued:
        callback()

    assert (status_before_the_commit, len(queued)) == ("queued", 1)
    assert (ImportJob.objects.get().status, Organisation.objects.count()) == ("done", 1)


@pytest.mark.django_db
def test_a_checked_file_is_imported_only_after_confirming_its_counts(staff_client, tmp_path, settings):
    settings.LANGUAGE_CODE = "ko"
    staff_client.post(reverse("members:imports"), {"file": upload(tmp_path, [zen_row(), hanbit_row()])})
    checked = ImportJob.objects.get()
    url = reverse("members:import_apply", args=[checked.pk])
    detail = staff_client.get(reverse("members:import_detail", args=[checked.pk])).content.decode()

    page = staff_client.post(url)

    assert 'id="import-checked"' in detail
    assert "2개 회원사를 새로 만들고" in page.content.decode()
    assert (ImportJob.objects.count(), Organisation.objects.count()) == (1, 0)
    response = post_confirmed(staff_client, url)
    job = ImportJob.objects.exclude(pk=checked.pk).get()
    assert response["Location"] == reverse("members:import_detail", args=[job.pk])
    assert (job.dry_run, job.status, job.original_name) == (False, "done", "members.xlsx")
    assert sorted(Organisation.objects.values_list("name", flat=True)) == ["(주)한빛소프트", "주식회사 젠"]
    again = staff_client.post(url).content.decode()
    assert "이미 가져온 파일입니다" in again
    assert 'name="confirmed"' not in again
