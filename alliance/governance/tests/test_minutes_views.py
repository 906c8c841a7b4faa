import datetime
import io
import re

import pytest
from django.urls import reverse
from django.utils import timezone
from docx import Document

from alliance.core.roles import Role
from alliance.core.tests.confirming import post_confirmed
from alliance.core.tests.factories import UserFactory
from alliance.governance.models import MinutesComment, MinutesState
from alliance.governance.tests.factories_minutes import attended_meeting

pytestmark = pytest.mark.django_db


def _manage(client, meeting, **data):
    return client.post(reverse("governance:minutes_manage", args=[meeting.pk]), data)


def test_staff_write_circulate_and_confirm_minutes_and_an_attendee_comments_by_link(
    client, staff_user, smtp_server, django_capture_on_commit_callbacks
):
    meeting, _people = attended_meeting()
    client.force_login(staff_user)
    assert _manage(client, meeting, action="start").status_code == 302
    version = meeting.minutes.versions.get()
    item = version.items.get(order=1)
    edit = reverse("governance:minutes_item_edit", args=[item.pk])
    response = client.post(
        edit,
        {
            "title": "4/4분기 운영 실적 보고",
            "discussion": "회원사 현황 공유\n성과공유회 일정 안내",
            "presentations-TOTAL_FORMS": "1",
            "presentations-INITIAL_FORMS": "0",
            "presentations-0-title": "사무국 활동 보고",
            "presentations-0-presenter": "김사무 팀장",
            "presentations-0-affiliation": "사무국",
            "actions-TOTAL_FORMS": "1",
            "actions-INITIAL_FORMS": "0",
            "actions-0-description": "",
            "actions-0-owner": "사무국",
        },
    )
    assert response.status_code == 200
    assert "할 일을 적어 주세요." in response.content.decode()
    due = timezone.localdate() + datetime.timedelta(days=3)
    url = reverse("governance:minutes_manage", args=[meeting.pk])
    with django_capture_on_commit_callbacks(execute=True):
        response = post_confirmed(client, url, {"action": "circulate", "comments_due": due.isoformat()})
    assert response.status_code == 302
    version.refresh_from_db()
    assert version.state == MinutesState.CIRCULATED
    # Three attendees (two present, one by a substitute) each get their own link; the absent member none.
    assert sorted(m["To"] for m in smtp_server.messages) == ["seat0@example.kr", "seat1@example.kr", "seat2@example.kr"]
    message = next(m for m in smtp_server.messages if m["To"] == "seat2@example.kr")
    assert message["Subject"].strip() == "[메타버스 얼라이언스] 2025년 운영위원회 제4차 회의 회의록 의견 요청"
    link = re.search(r"https?://\S+/governance/minutes/comment/\S+/", message.get_body(("plain",)).get_content())
    path = link.group(0).split("://", 1)[1].split("/", 1)[1]
    client.logout()
    page = client.get("/" + path)
    assert page.status_code == 200
    assert "4/4분기 현황 보고" in page.content.decode()
    assert client.post("/" + path, {"text": "참석자 명단 확인 부탁드립니다."}).status_code == 302
    assert list(MinutesComment.objects.values_list("person__name", "text", "through_link")) == [
        ("위원2", "참석자 명단 확인 부탁드립니다.", True)
    ]
    client.force_login(staff_user)
    assert _manage(client, meeting, action="confirm").status_code == 302
    version.refresh_from_db()
    assert version.state == MinutesState.CONFIRMED
    assert client.post("/" + path, {"text": "늦은 의견"}).status_code == 410


def test_attendees_and_seat_holders_read_circulated_minutes_others_get_404(client, staff_user):
    meeting, people = attended_meeting()
    client.force_login(staff_user)
    _manage(client, meeting, action="start")
    detail = reverse("governance:minutes_detail", args=[meeting.pk])
    attendee = people[0].user
    client.force_login(attendee)
    assert "아직 준비되지 않았습니다" in client.get(detail).content.decode()  # a draft is not shown
    version = meeting.minutes.versions.get()
    version.state, version.comments_due = MinutesState.CIRCULATED, timezone.localdate()
    version.save()
    page = client.get(detail).content.decode()
    assert "4/4분기 현황 보고" in page
    assert "의견 보내기" in page
    client.force_login(UserFactory(role=Role.STEERING))
    assert client.get(detail).status_code == 404
    client.force_login(attendee)
    download = client.get(reverse("governance:minutes_download", args=[meeting.pk, "docx"]))
    paragraphs = [p.text for p in Document(io.BytesIO(download.content)).paragraphs]
    assert paragraphs[0] == "2025년 메타버스 얼라이언스 제4차 운영위원회 회의결과"
