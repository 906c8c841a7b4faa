"""The meeting pages: who sees them, the staff's forms, replies logged in, attendance and decisions."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from alliance.core.roles import Role
from alliance.core.tests.factories import UserFactory
from alliance.governance.models import Attendance, Decision, Reply
from alliance.governance.tests.meetings_support import build_steering
from alliance.governance.tests.test_meeting_services import PDF


@pytest.fixture
def steering(db):
    return build_steering()


def detail(meeting):
    return reverse("governance:meeting_detail", args=[meeting.pk])


def test_the_meeting_page_is_for_staff_and_the_bodys_seat_holders(client, staff_user, steering):
    meeting = steering["meeting"]
    outsider = UserFactory(role=Role.STEERING)
    seen = {}
    for name, user in (("staff", staff_user), ("chair", steering["chair"]), ("outsider", outsider)):
        client.force_login(user)
        seen[name] = client.get(detail(meeting)).status_code

    assert seen == {"staff": 200, "chair": 200, "outsider": 404}


def test_the_page_shows_the_timetable_in_the_seeds_form(client, steering):
    client.force_login(steering["chair"])

    page = client.get(detail(steering["meeting"])).text

    assert (
        '<th scope="col">시간</th><th scope="col">분</th><th scope="col">주요 내용</th><th scope="col">비고</th>'
        in page
    )
    assert "15:05~15:30" in page
    assert "(안건 1) 4/4분기 현황 보고" in page
    assert "회의 안내 보내기" not in page  # staff only


def test_a_seat_holder_replies_from_the_meeting_page(client, steering):
    meeting, seat = steering["meeting"], steering["seats"]["member"]
    client.force_login(steering["member"])

    response = client.post(
        reverse("governance:meeting_reply", args=[meeting.pk]),
        {
            "seat": seat.pk,
            f"seat{seat.pk}-answer": "substitute",
            f"seat{seat.pk}-substitute_name": "박기주",
            f"seat{seat.pk}-substitute_title": "이사",
        },
    )
    other = client.post(
        reverse("governance:meeting_reply", args=[meeting.pk]),
        {"seat": steering["seats"]["chair"].pk, f"seat{steering['seats']['chair'].pk}-answer": "absent"},
    )

    assert response.status_code == 302
    reply = Reply.objects.get()
    assert (reply.seat, reply.answer, reply.substitute_name) == (seat, "substitute", "박기주")
    assert other.status_code == 404  # another person's seat


def test_staff_edit_the_meeting_and_a_stale_form_shows_what_changed(client, staff_user, steering):
    meeting = steering["meeting"]
    client.force_login(staff_user)
    url = reverse("governance:meeting_edit", args=[meeting.pk])
    form = client.get(url).context["form"]
    token = form["edit_token"].value()
    data = {
        "date": meeting.date.isoformat(),
        "starts_at": "15:00",
        "place": "K-META 대회의실",
        "format": "hybrid",
        "online_link": "meet.example.kr/room",
        "edit_token": token,
    }

    first = client.post(url, data)
    second = client.post(url, {**data, "place": "다른 회의실"})

    meeting.refresh_from_db()
    assert first.status_code == 302
    assert (meeting.format, meeting.online_link) == ("hybrid", "https://meet.example.kr/room")
    assert "다른 사용자가 그사이 저장했습니다" in second.text


def test_staff_add_an_agenda_item_and_a_paper(client, staff_user, steering):
    meeting = steering["meeting"]
    client.force_login(staff_user)

    client.post(
        reverse("governance:agenda_item_add", args=[meeting.pk]),
        {"kind": "break", "title": "Break Time", "duration_minutes": "10"},
    )
    item = meeting.agenda_items.get(title="Break Time")
    client.post(reverse("governance:paper_add", args=[item.pk]), {"file": SimpleUploadedFile("자료.pdf", PDF)})
    paper = item.papers.get()
    client.force_login(steering["member"])
    download = client.get(reverse("governance:paper_download", args=[paper.pk]))

    assert item.order == 4
    assert download.status_code == 200
    assert download["Content-Disposition"].endswith("filename*=UTF-8''%EC%9E%90%EB%A3%8C.pdf")


def test_staff_record_attendance_from_the_replies_and_a_decision(client, staff_user, steering):
    meeting, seats = steering["meeting"], steering["seats"]
    Reply.objects.create(
        meeting=meeting,
        seat=seats["member"],
        answer="substitute",
        substitute_name="박기주",
        substitute_title="이사",
        replied_at=timezone.now(),
    )
    client.force_login(staff_user)
    url = reverse("governance:meeting_attendance", args=[meeting.pk])

    page = client.get(url)
    client.post(
        url,
        {
            f"status_{seats['chair'].pk}": "present",
            f"status_{seats['member'].pk}": "substitute",
            f"name_{seats['member'].pk}": "박기주",
            f"title_{seats['member'].pk}": "이사",
            f"status_{seats['agency'].pk}": "absent",
            "guest_name": ["이승환", ""],
            "guest_affiliation": ["국회미래연구원", ""],
            "guest_title": ["박사", ""],
        },
    )
    decided = client.post(
        reverse("governance:decision_add", args=[meeting.pk]),
        {
            "motion": "의장 연임",
            "method": "vote",
            "votes_for": "2",
            "votes_against": "0",
            "abstentions": "0",
            "outcome": "adopted",
            "effect": "extend_terms",
            "seats": [seats["chair"].pk],
        },
    )
    shown = client.get(detail(meeting)).text

    assert 'value="substitute" checked' in page.text
    assert Attendance.objects.filter(meeting=meeting).count() == 4
    assert decided.status_code == 302
    assert Decision.objects.get().votes_for == 2
    assert "대상 인원 : 총 3명(참석 2명/불참 1명)" in shown
    assert "○ (대참 박기주 이사)" in shown
    assert "의사정족수 충족 (2명 필요)" in shown
    assert "찬성 2, 반대 0, 기권 0" in shown


def test_my_meetings_lists_the_upcoming_ones_and_the_feed(client, steering):
    client.force_login(steering["member"])

    page = client.get(reverse("governance:my_meetings"))

    assert page.status_code == 200
    assert "운영위원회 제4차 회의" in page.text
    assert "/governance/calendar/" in page.text
