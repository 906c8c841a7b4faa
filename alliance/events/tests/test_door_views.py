"""The door's pages as staff use them: the scan's answer fragment, one press on a name, the counter, a walk-in,
attendance as XLSX and the badges as PDF."""

import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook
from pypdf import PdfReader

from alliance.events.models import OrganisationType, Registration
from alliance.events.tests.door_factories import make_event, make_registration

pytestmark = pytest.mark.django_db


@pytest.fixture
def event():
    return make_event()


@pytest.fixture
def staff_client(client, staff_user):
    client.force_login(staff_user)
    return client


def test_a_scan_answers_with_the_guest_and_tells_the_counter(staff_client, event):
    make_registration(event, name="김민지", organisation_name="주식회사 메타랩")
    _guest, token = make_registration(event, name="이서윤", organisation_name="버추얼랩", job_title="팀장")

    response = staff_client.post(reverse("events:check_in_scan", args=[event.pk]), {"ticket": token})
    again = staff_client.post(reverse("events:check_in_scan", args=[event.pk]), {"ticket": token})
    counter = staff_client.get(reverse("events:arrival_counter", args=[event.pk]))

    assert response["HX-Trigger"] == "checked-in"
    assert "입장 확인" in response.content.decode()
    assert "이서윤 · 버추얼랩 · 팀장" in response.content.decode()
    assert "이미 입장" in again.content.decode()
    assert 'data-checked-in="1"' in counter.content.decode()
    assert "확정 2명" in counter.content.decode()


def test_a_ticket_of_another_event_shows_no_guest(staff_client, event):
    _guest, token = make_registration(make_event(title="다른 행사"), name="정하늘")

    body = staff_client.post(reverse("events:check_in_scan", args=[event.pk]), {"ticket": token}).content.decode()

    assert "다른 행사의 티켓입니다: 다른 행사" in body
    assert "정하늘" not in body


def test_a_name_found_is_checked_in_with_one_press(staff_client, event):
    guest, _token = make_registration(event, name="박서준")

    found = staff_client.get(reverse("events:guest_search", args=[event.pk]), {"q": "서준"}).content.decode()
    pressed = staff_client.post(reverse("events:check_in_guest", args=[event.pk, guest.pk]))

    assert reverse("events:check_in_guest", args=[event.pk, guest.pk]) in found
    assert "입장 확인" in pressed.content.decode()
    guest.refresh_from_db()
    assert guest.checked_in_at is not None


def test_a_guest_of_another_event_cannot_be_pressed_in_through_this_one(staff_client, event):
    stranger, _token = make_registration(make_event(title="다른 행사"))

    response = staff_client.post(reverse("events:check_in_guest", args=[event.pk, stranger.pk]))

    assert response.status_code == 404


def test_a_walk_in_is_registered_from_the_form(staff_client, event):
    response = staff_client.post(
        reverse("events:walk_in", args=[event.pk]),
        {"name": "최유리", "organisation_name": "과기정통부", "organisation_type": OrganisationType.GOVERNMENT},
    )

    assert response.status_code == 302
    walk_in = Registration.objects.get(event=event, name="최유리")
    assert (walk_in.walk_in, walk_in.checked_in_at is not None) == (True, True)


def test_attendance_xlsx_has_a_row_per_kind_and_the_total(staff_client, event):
    _guest, token = make_registration(event, organisation_type=OrganisationType.COMPANY)
    make_registration(event, organisation_type=OrganisationType.UNIVERSITY)
    staff_client.post(reverse("events:check_in_scan", args=[event.pk]), {"ticket": token})

    response = staff_client.get(reverse("events:attendance_xlsx", args=[event.pk]))
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = [list(row) for row in sheet.iter_rows(values_only=True)]

    assert rows[0] == ["소속 구분", "등록", "참석", "불참", "현장 등록"]
    assert rows[1] == ["기업", 1, 1, 0, 0]
    assert rows[-1] == ["총합", 2, 1, 1, 0]
    assert len(rows) == 1 + len(OrganisationType.values) + 1


def test_badges_are_printed_for_confirmed_guests_only(staff_client, event):
    make_registration(event, name="김민지")
    make_registration(event, name="이서윤")
    make_registration(event, name="취소자", status=Registration.Status.CANCELLED)

    a6 = PdfReader(io.BytesIO(staff_client.get(reverse("events:badges_pdf", args=[event.pk])).content))
    sheet = PdfReader(
        io.BytesIO(staff_client.get(reverse("events:badges_pdf", args=[event.pk]) + "?layout=sheet").content)
    )

    assert len(a6.pages) == 2
    text = "".join(page.extract_text() for page in a6.pages)
    assert "김민지" in text
    assert "이서윤" in text
    assert "취소자" not in text
    assert len(sheet.pages) == 1


def test_staff_reach_the_door_from_the_menu_and_my_page_and_members_do_not(client, staff_user, member_rep):
    door = reverse("events:door")
    client.force_login(staff_user)
    assert client.get("/").content.decode().count(f'href="{door}"') == 1
    assert f'href="{door}"' in client.get("/dashboard/").content.decode()

    client.force_login(member_rep)
    assert f'href="{door}"' not in client.get("/").content.decode()
    assert f'href="{door}"' not in client.get("/dashboard/").content.decode()


def test_the_door_lists_events_with_their_pages(staff_client, event):
    body = staff_client.get(reverse("events:door")).content.decode()

    assert event.title in body
    assert reverse("events:check_in", args=[event.pk]) in body
    assert reverse("events:attendance", args=[event.pk]) in body
