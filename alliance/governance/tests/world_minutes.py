"""The minutes area's rows of the role × URL matrix (merged into url_expectations.py): staff write minutes; the
steering member who attended the world's meeting reads and comments; the subcommittee member sits elsewhere."""

import datetime
import hashlib

from django.core.files.base import ContentFile
from django.utils import timezone

from alliance.core.tests.url_matrix import COMBINED, everyone, only, staff_only
from alliance.governance.models import AttendanceStatus, MinutesCirculation, MinutesFile, MinutesFileKind, MinutesState
from alliance.governance.services import minutes as minutes_service
from alliance.governance.tests.factories import (
    AgendaItemFactory,
    AttendanceFactory,
    BodyFactory,
    MeetingFactory,
    PersonFactory,
    SeatFactory,
    SubcommitteeFactory,
)

MINUTES_TOKEN = "matrix-minutes-token-0123456789abcdefghijklmnop"
_READERS = {"staff": 200, "steering": 200}  # staff, and the steering member who sat in the meeting

MINUTES_EXPECTED = {
    "governance:minutes_list": only({"staff": 200, "steering": 200, "subcommittee": 200}),
    "governance:minutes_detail": only(_READERS),
    "governance:minutes_version": only(_READERS),
    "governance:minutes_manage": staff_only(405),  # POST only
    "governance:minutes_comment": only({"steering": 405}),  # POST only, attendees only
    "governance:minutes_item_edit": staff_only(),
    "governance:minutes_comment_link": everyone(),  # the personal link needs no account
    "governance:minutes_file": only(_READERS),
    "governance:minutes_download": only(_READERS),
    "governance:meeting_pack_download": only(_READERS),
    "governance:body_minutes_download": only(_READERS),
}
MINUTES_PK_OF = {
    "governance:minutes_detail": "minutes_meeting",
    "governance:minutes_version": "minutes_meeting",
    "governance:minutes_manage": "minutes_unwritten_meeting",
    "governance:minutes_comment": "minutes_meeting",
    "governance:minutes_item_edit": "minutes_draft_item",
    "governance:minutes_file": "minutes_file",
    "governance:minutes_download": "minutes_meeting",
    "governance:meeting_pack_download": "minutes_meeting",
    "governance:body_minutes_download": "minutes_body",
}
MINUTES_PATH_VALUES = {
    "version_number": lambda world: 1,
    "minutes_token": lambda world: MINUTES_TOKEN,
    "document_format": lambda world: "docx",
}
MINUTES_POST_DATA = {
    "governance:minutes_manage": lambda world: {"action": "start"},
    "governance:minutes_comment": lambda world: {"text": "2번 안건의 표현을 다듬어 주세요."},
    "governance:minutes_item_edit": lambda world: {
        "title": "분과 현황 보고",
        "discussion": "분과별 활동 공유",
        "presentations-TOTAL_FORMS": "1",
        "presentations-INITIAL_FORMS": "0",
        "presentations-0-title": "미래전략분과 보고",
        "presentations-0-presenter": "정대표",
        "presentations-0-affiliation": "마루랩",
        "actions-TOTAL_FORMS": "0",
        "actions-INITIAL_FORMS": "0",
    },
}
MINUTES_POST_AS = {"governance:minutes_comment": "steering"}


def build_minutes_world(world) -> dict:
    users = world["users"]
    staff = users["staff"]
    today = timezone.localdate()
    body = BodyFactory(year=today.year, name="회의록 운영위원회")
    seat = SeatFactory(body=body, person=PersonFactory(user=users["steering"], email="steering@example.kr"))
    other_body = SubcommitteeFactory(year=today.year, name="회의록 분과")
    SeatFactory(body=other_body, person=PersonFactory(user=users["subcommittee"]))
    meeting = MeetingFactory(body=body, number=1, date=today, attendance_recorded_at=timezone.now())
    AgendaItemFactory(meeting=meeting, order=1, title="운영계획 보고")
    AttendanceFactory(meeting=meeting, seat=seat, status=AttendanceStatus.PRESENT)
    # The matrix's users holding the steering role among others (url_matrix.COMBINED) sat in the meeting too.
    for identity, parts in COMBINED.items():
        if "steering" in parts:
            combined = SeatFactory(body=body, person=PersonFactory(user=users[identity]))
            AttendanceFactory(meeting=meeting, seat=combined, status=AttendanceStatus.PRESENT)
    version = minutes_service.start_minutes(actor=staff, meeting=meeting).versions.get()
    file = MinutesFile(
        version=version, kind=MinutesFileKind.ATTACHMENT, original_name="자료.pdf", uploaded_at=timezone.now()
    )
    file.file.save("자료.pdf", ContentFile(b"%PDF-1.4 matrix"), save=False)
    file.save()
    version.state, version.comments_due = MinutesState.CIRCULATED, today + datetime.timedelta(days=7)
    version.save()
    MinutesCirculation.objects.create(
        version=version,
        person=seat.person,
        email=seat.person.email,
        token_hash=hashlib.sha256(MINUTES_TOKEN.encode()).hexdigest(),
        expires_at=timezone.now() + datetime.timedelta(days=7),
        sent_at=timezone.now(),
    )
    draft_meeting = MeetingFactory(body=body, number=2, date=today)
    AgendaItemFactory(meeting=draft_meeting, order=1, title="분과 현황 보고")
    draft = minutes_service.start_minutes(actor=staff, meeting=draft_meeting).versions.get()
    return {
        "minutes_body": body,
        "minutes_meeting": meeting,
        "minutes_unwritten_meeting": MeetingFactory(body=body, number=3, date=today),
        "minutes_draft_item": draft.items.get(),
        "minutes_file": file,
    }
