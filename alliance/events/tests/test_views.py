import pytest
from django.urls import reverse

from alliance.core.roles import Role
from alliance.core.tests.factories import UserFactory
from alliance.events.models import Event, Registration
from alliance.events.services.guests import invite_guest
from alliance.events.tests.factories import EventFactory, ProgrammeRowFactory

pytestmark = pytest.mark.django_db


def test_member_registers_from_the_event_page_and_cancels(client, member_rep, django_capture_on_commit_callbacks):
    event = EventFactory(capacity=1)
    client.force_login(member_rep)
    page = client.get(event.get_absolute_url()).content.decode()
    assert f'value="{member_rep.email}"' in page
    client.post(
        reverse("events:register_member", args=[event.pk]), {"name": member_rep.name, "email": member_rep.email}
    )
    mine = Registration.objects.get(event=event)
    assert (mine.status, mine.organisation_id, mine.organisation_type) == (
        "confirmed",
        member_rep.organisation_id,
        "company",
    )
    assert "이 행사에 참가 신청이 확정되었습니다." in client.get(event.get_absolute_url()).content.decode()
    client.post(reverse("events:cancel_member", args=[event.pk]))
    mine.refresh_from_db()
    assert mine.status == "cancelled"


def test_public_form_needs_consent(client):
    event = EventFactory()
    url = reverse("events:register_public", args=[event.pk])
    data = {"name": "홍길동", "email": "h@example.kr", "organisation_type": "other"}
    assert client.post(url, data).status_code == 200
    assert Registration.objects.count() == 0
    client.post(url, {**data, "consent": "on"})
    assert Registration.objects.get().consented_at is not None


def test_draft_event_is_not_public(client):
    event = EventFactory(published=False)
    assert client.get(event.get_absolute_url()).status_code == 404
    assert client.get(reverse("events:public_list")).content.decode().count(event.title) == 0


def test_guest_registers_by_personal_link_and_cancels_on_the_ticket(client, staff_user):
    event = EventFactory()
    invitation = invite_guest(event=event, name="설재진", email="seol@example.go.kr", actor=staff_user)
    url = reverse("events:guest", args=[invitation.link_token()])
    assert 'value="설재진"' in client.get(url).content.decode()
    client.post(url, {"name": "설재진", "email": "seol@example.go.kr", "organisation_type": "government"})
    registration = Registration.objects.get()
    assert (registration.source, registration.status) == ("guest", "confirmed")
    ticket = reverse("events:ticket", args=[registration.link_token()])
    assert client.get(ticket).status_code == 200
    assert client.get(reverse("events:ticket_qr", args=[registration.link_token()]))["Content-Type"] == "image/png"
    client.post(ticket)
    registration.refresh_from_db()
    assert registration.status == "cancelled"
    assert client.get(reverse("events:ticket", args=["x" * 43])).status_code == 404


def test_programme_in_the_seeds_form_and_as_pdf(client):
    event = EventFactory()
    ProgrammeRowFactory(event=event, section="행사개회", content="행사소개", order=1)
    ProgrammeRowFactory(event=event, section="행사개회", content="개회사", order=2)
    ProgrammeRowFactory(
        event=event, section="투자법률 상담회", content="기업 현장 상담창구 운영", room="상담장", order=3
    )
    page = client.get(reverse("events:programme_print", args=[event.pk])).content.decode()
    assert page.count('rowspan="2"') == 1
    assert "14:00~14:05 (5&#x27;)" in page or "14:00~14:05 (5')" in page
    pdf = client.get(reverse("events:programme_pdf", args=[event.pk]))
    assert pdf.content[:5] == b"%PDF-"


def test_staff_edit_refuses_a_stale_save(client):
    staff = UserFactory(role=Role.STAFF)
    event = EventFactory(capacity=2)
    client.force_login(staff)
    form = client.get(reverse("events:staff_edit", args=[event.pk])).context["form"]
    token = form["edit_token"].value()
    data = {
        "title": event.title, "kind": event.kind, "date": event.date.isoformat(), "starts_at": "14:00",
        "ends_at": "17:00", "venue_name": event.venue_name, "capacity": "5", "edit_token": token,
    }  # fmt: skip
    assert client.post(reverse("events:staff_edit", args=[event.pk]), data).status_code == 302
    response = client.post(reverse("events:staff_edit", args=[event.pk]), {**data, "capacity": "9"})
    assert response.status_code == 200
    assert response.context["form"].is_stale
    assert Event.objects.get(pk=event.pk).capacity == 5
