"""The meetings area's rows of the role × URL matrix (alliance/core/tests/url_matrix.py), merged into
url_expectations.py: a steering body where the `steering` user holds a seat, its meeting ahead with an agenda
item, a paper, an invitation with a known reply token, and the steering member's calendar feed."""

import datetime
import hashlib

from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from alliance.core.tests.url_matrix import COMBINED, LOGIN, everyone, no_body, only, staff_only
from alliance.governance.models import (
    AgendaItem,
    AgendaPaper,
    Attendance,
    Decision,
    Meeting,
    MeetingInvitation,
    Person,
    Reply,
    Sector,
)
from alliance.governance.services.invitations import feed_token
from alliance.governance.tests.factories import (
    AgendaItemFactory,
    BodyFactory,
    MeetingFactory,
    PersonFactory,
    SeatFactory,
)

REPLY_TOKEN = "matrix-meeting-reply-token-0123456789abcdefghij"
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
SEAT_HOLDER = only({"staff": 404, "steering": 405})  # a POST-only button of the seat holder

MEETINGS_EXPECTED = {
    "governance:meeting_list": staff_only(),
    "governance:meeting_create": staff_only(),
    "governance:meeting_detail": only({"staff": 200, "steering": 200}),
    "governance:meeting_edit": staff_only(),
    "governance:agenda_item_add": staff_only(),
    "governance:agenda_item_edit": staff_only(),
    "governance:agenda_item_move": staff_only(405),
    "governance:agenda_item_remove": staff_only(405),
    "governance:paper_add": staff_only(405),
    "governance:paper_download": only({"staff": 200, "steering": 200}),
    "governance:paper_remove": staff_only(405),
    "governance:meeting_invite": staff_only(405),
    "governance:meeting_invite_preview": staff_only(),
    "governance:meeting_remind": staff_only(405),
    "governance:meeting_reply": SEAT_HOLDER,
    "governance:meeting_reply_link": everyone(),  # the personal link needs no account
    "governance:my_meetings": only({"steering": 200, "subcommittee": 200}),  # both hold seats in the world
    "governance:calendar_feed": everyone(),  # the feed's token is the authority
    "governance:meeting_attendance": staff_only(),
    "governance:decision_add": staff_only(),
}
assert all(row["anonymous"] in (LOGIN, 200) for row in MEETINGS_EXPECTED.values())

MEETINGS_PK_OF = {
    "governance:meeting_create": "meetings_body",
    "governance:meeting_detail": "meetings_meeting",
    "governance:meeting_edit": "meetings_meeting",
    "governance:agenda_item_add": "meetings_meeting",
    "governance:agenda_item_edit": "meetings_item",
    "governance:agenda_item_move": "meetings_item",
    "governance:agenda_item_remove": "meetings_item",
    "governance:paper_add": "meetings_item",
    "governance:paper_download": "meetings_paper",
    "governance:paper_remove": "meetings_paper",
    "governance:meeting_invite": "meetings_meeting",
    "governance:meeting_invite_preview": "meetings_meeting",
    "governance:meeting_remind": "meetings_meeting",
    "governance:meeting_reply": "meetings_meeting",
    "governance:meeting_attendance": "meetings_meeting",
    "governance:decision_add": "meetings_meeting",
}

MEETINGS_PATH_VALUES = {
    "reply_token": lambda world: REPLY_TOKEN,
    "feed_token": lambda world: feed_token(world["meetings_person"]),
}

MEETINGS_COUNTED = (Meeting, AgendaItem, AgendaPaper, MeetingInvitation, Reply, Attendance, Decision)


def _meeting_form(world) -> dict:
    meeting = world["meetings_meeting"]
    return {"date": meeting.date.isoformat(), "starts_at": "14:00", "place": "온라인", "format": "online"}


def _remind_setup(world) -> None:
    """Someone was invited and has not answered."""
    MeetingInvitation.objects.filter(pk=world["meetings_invitation"].pk).update(sent_at=timezone.now())


MEETINGS_POST_DATA = {
    "governance:meeting_create": lambda world: {"number": "9", "format": "offline", "place": "사무국"},
    "governance:meeting_edit": _meeting_form,
    "governance:agenda_item_add": lambda world: {"kind": "item", "title": "분과 보고", "duration_minutes": "20"},
    "governance:agenda_item_edit": lambda world: {"kind": "item", "title": "현황 보고", "duration_minutes": "25"},
    "governance:agenda_item_move": lambda world: {"direction": "down"},
    "governance:agenda_item_remove": no_body,
    "governance:paper_add": lambda world: {"file": SimpleUploadedFile("자료.pdf", PDF)},
    "governance:paper_remove": no_body,
    "governance:meeting_invite": no_body,
    "governance:meeting_remind": no_body,
    "governance:meeting_reply": lambda world: {
        "seat": world["meetings_seat"].pk,
        f"seat{world['meetings_seat'].pk}-answer": "attending",
    },
    "governance:meeting_attendance": lambda world: {f"status_{world['meetings_seat'].pk}": "present"},
    "governance:decision_add": lambda world: {
        "motion": "2026년 활동계획 승인",
        "method": "consensus",
        "outcome": "adopted",
        "effect": "none",
    },
}
MEETINGS_POST_AS = {"governance:meeting_reply": "steering"}
MEETINGS_POST_SETUP = {"governance:meeting_remind": _remind_setup}


def build_meetings_world(world) -> dict:
    day = timezone.localdate() + datetime.timedelta(days=10)
    body = BodyFactory(year=day.year, name="회의 시험 운영위원회")
    person = Person.objects.create(
        name="운영위원",
        affiliation="시험대학교",
        title="교수",
        sector=Sector.ACADEMIA,
        email="steering@example.kr",
        user=world["users"]["steering"],
    )
    seat = SeatFactory(body=body, person=person)
    other = SeatFactory(body=body)
    # The matrix's users holding the steering role among others (url_matrix.COMBINED) hold a seat here too.
    for identity, parts in COMBINED.items():
        if "steering" in parts:
            SeatFactory(body=body, person=PersonFactory(user=world["users"][identity]))
    meeting = MeetingFactory(body=body, number=1, date=day, starts_at=datetime.time(14, 0))
    item = AgendaItemFactory(meeting=meeting, order=1, title="현황 보고")
    AgendaItemFactory(meeting=meeting, order=2, title="기타 안건")
    paper = AgendaPaper(item=item, original_name="자료.pdf")
    paper.file.save("자료.pdf", ContentFile(PDF), save=False)
    paper.save()
    invitation = MeetingInvitation.objects.create(
        meeting=meeting,
        seat=other,
        email=other.person.email,
        token_hash=hashlib.sha256(REPLY_TOKEN.encode()).hexdigest(),
        expires_at=timezone.now() + datetime.timedelta(days=30),
    )
    return {
        "meetings_body": body,
        "meetings_meeting": meeting,
        "meetings_item": item,
        "meetings_paper": paper,
        "meetings_seat": seat,
        "meetings_person": person,
        "meetings_invitation": invitation,
    }
