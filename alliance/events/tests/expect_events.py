"""The permission matrix's rows for events, their programme, registration and tickets (url_expectations.py).

The world's event is published, upcoming, open to members and the public; a draft event is what staff
publish; org A's representative holds a registration whose ticket link and a guest's invitation link are
the personal-link URLs' tokens."""

import datetime

from django.utils import timezone

from alliance.core.tests.url_matrix import everyone, no_body, only, staff_only
from alliance.events.models import Registration, Speaker
from alliance.events.services.guests import invite_guest
from alliance.events.services.registration import register
from alliance.events.tests.factories import EventFactory, ProgrammeRowFactory, QuestionFactory

MEMBER_POST = only({"rep_a": 405, "rep_b": 405})
STAFF_POST = only({"staff": 405})

EXPECTED = {
    "events:public_list": everyone(),
    "events:public_detail": everyone(),
    "events:register_member": MEMBER_POST,
    "events:cancel_member": MEMBER_POST,
    "events:register_public": everyone(),
    "events:programme_print": everyone(),
    "events:programme_pdf": everyone(),
    "events:ticket": everyone(),
    "events:ticket_qr": everyone(),
    "events:guest": everyone(),
    "events:staff_list": staff_only(),
    "events:staff_create": staff_only(),
    "events:staff_edit": staff_only(),
    "events:staff_publish": STAFF_POST,
    "events:staff_programme": staff_only(),
    "events:staff_row": staff_only(),
    "events:staff_row_delete": STAFF_POST,
    "events:staff_speaker_delete": STAFF_POST,
    "events:staff_questions": staff_only(),
    "events:staff_question_delete": STAFF_POST,
    "events:staff_registrations": staff_only(),
    "events:staff_registration_cancel": STAFF_POST,
}

PK_OF = {
    "events:public_detail": "event",
    "events:register_member": "event",
    "events:cancel_member": "event",
    "events:register_public": "event",
    "events:programme_print": "event",
    "events:programme_pdf": "event",
    "events:staff_edit": "event",
    "events:staff_publish": "draft_event",
    "events:staff_programme": "event",
    "events:staff_row": "programme_row",
    "events:staff_row_delete": "programme_row",
    "events:staff_speaker_delete": "speaker",
    "events:staff_questions": "event",
    "events:staff_question_delete": "question",
    "events:staff_registrations": "event",
    "events:staff_registration_cancel": "registration",
}

PATH_VALUES = {
    "ticket_token": lambda world: world["registration"].link_token(),
    "guest_token": lambda world: world["guest_invitation"].link_token(),
}


def _event_form(world) -> dict:
    day = (timezone.localdate() + datetime.timedelta(days=30)).isoformat()
    return {
        "title": "2026 메타버스 얼라이언스 성과공유회",
        "kind": "results",
        "date": day,
        "starts_at": "13:40",
        "ends_at": "19:00",
        "venue_name": "나인트리 프리미어 로카우스 호텔",
        "capacity": "150",
        "open_to_members": "on",
    }


def _row_form(world) -> dict:
    return {
        "section": "세미나",
        "starts_at": "14:15",
        "ends_at": "14:45",
        "content": "AI 기반 가상융합 혁신 기술",
        "order": "3",
    }


def _register_rep_a(world) -> None:
    user = world["users"]["rep_a"]
    register(event=world["event"], name=user.name, email=user.email, source="member", user=user)


POST_DATA = {
    "events:register_member": lambda world: {"name": "김회원", "email": "member-a@example.kr", "job_title": "팀장"},
    "events:cancel_member": no_body,
    "events:staff_create": _event_form,
    "events:staff_edit": _event_form,
    "events:staff_publish": lambda world: {"publish": "1"},
    "events:staff_programme": _row_form,
    "events:staff_row": _row_form,
    "events:staff_row_delete": no_body,
    "events:staff_speaker_delete": no_body,
    "events:staff_questions": lambda world: {"text": "점심 식사 여부", "kind": "yes_no", "order": "1"},
    "events:staff_question_delete": no_body,
    "events:staff_registrations": lambda world: {
        "name": "설재진",
        "email": "guest@example.go.kr",
        "organisation_name": "과학기술정보통신부",
    },
    "events:staff_registration_cancel": no_body,
}
POST_AS = {"events:cancel_member": "rep_a"}
POST_SETUP = {"events:cancel_member": _register_rep_a}
COUNTED_MODELS = (Registration,)


def build_world(world) -> dict:
    event = EventFactory(capacity=100)
    row = ProgrammeRowFactory(event=event)
    speaker = Speaker.objects.create(row=row, name="유지상", affiliation="메타버스 얼라이언스", title="의장")
    registration = register(
        event=event, name="홍길동", email="hong@example.kr", source="public", consented=True, organisation_name="(주)홍"
    )
    invitation = invite_guest(event=event, name="설재진", email="seol@example.go.kr", actor=world["users"]["staff"])
    return {
        "event": event,
        "draft_event": EventFactory(published=False),
        "programme_row": row,
        "speaker": speaker,
        "question": QuestionFactory(event=event),
        "registration": registration,
        "guest_invitation": invitation,
    }
