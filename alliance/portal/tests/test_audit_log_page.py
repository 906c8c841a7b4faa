"""The audit log as staff read it: Korean field labels and values (never keys, codes, ISO times or a command's
name), filters by record, person, action (by its Korean name) and period, and an XLSX download."""

import datetime
import io

import pytest
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from alliance.core.audit import record_audit
from alliance.core.models import AuditEntry
from alliance.programs.tests.factories import ProgrammeFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def entries(staff_user, organisation, other_organisation):
    programme = ProgrammeFactory(year=2026)
    AuditEntry.objects.all().delete()  # only the entries below (the factories record their own)
    record_audit(
        action="programs.mentoring.feedback",
        actor=staff_user,
        target=programme,
        before={"mentor": None, "round_number": None, "starts_at": None},
        after={"mentor": "송예준", "round_number": 2, "starts_at": "2026-08-03T16:00:00+09:00"},
    )
    record_audit(
        action="members.org.created",
        actor_label="demo_data",
        target=organisation,
        after={"name": organisation.name},
    )
    old = record_audit(action="members.org.updated", actor=staff_user, target=other_organisation, after={})
    AuditEntry.objects.filter(pk=old.pk).update(created_at=timezone.now() - datetime.timedelta(days=400))
    return programme


def test_changes_show_korean_labels_and_dates_and_the_demo_as_a_korean_actor(client, staff_user, entries):
    client.force_login(staff_user)

    html = client.get(reverse("core:audit_log")).content.decode()
    html = html[html.index("<table") :]  # the list, not the action filter's option values

    assert "<dt>멘토</dt>" in html
    assert "<dt>회차</dt>" in html
    assert "2026. 8. 3. 16:00" in html
    assert "2026-08-03T16:00" not in html
    assert "programs.mentoring.feedback" not in html
    assert "demo_data" not in html
    assert "데모 데이터" in html


def rows(response) -> list[str]:
    return [entry.target_label for entry in response.context["page"]]


def test_filters_by_record_person_action_and_period(client, staff_user, entries, organisation, other_organisation):
    client.force_login(staff_user)
    url = reverse("core:audit_log")
    today = timezone.localdate()

    assert rows(client.get(url, {"record": "젠"})) == [organisation.name]
    assert rows(client.get(url, {"person": "데모"})) == [organisation.name]
    assert rows(client.get(url, {"action": "members.org.updated"})) == [other_organisation.name]
    assert rows(client.get(url, {"since": today - datetime.timedelta(days=1), "until": today})) == [
        organisation.name,
        str(entries),
    ]
    options = client.get(url).content.decode()
    assert '<option value="programs.mentoring.feedback">멘토링 피드백 기록</option>' in options


def test_the_filtered_log_downloads_as_xlsx_in_korean(client, staff_user, entries, organisation):
    client.force_login(staff_user)

    response = client.get(reverse("core:audit_log_export"), {"record": "젠"})

    sheet = load_workbook(io.BytesIO(response.content)).active
    values = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert response["Content-Type"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    assert values[0] == ["일시", "처리자", "작업", "대상", "변경 내용"]
    assert values[1][1:4] == ["데모 데이터", "회원사 등록", organisation.name]
    assert values[1][4] == "이름: - → 주식회사 젠"
    assert len(values) == 2
