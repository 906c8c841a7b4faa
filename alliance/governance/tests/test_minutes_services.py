import datetime

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from alliance.core.models import AuditEntry
from alliance.governance.models import MinutesFileKind, MinutesState
from alliance.governance.services import minutes as service
from alliance.governance.tests.factories import BodyFactory
from alliance.governance.tests.factories_minutes import attended_meeting

pytestmark = pytest.mark.django_db

TOMORROW = timezone.localdate() + datetime.timedelta(days=1)


def _png() -> bytes:
    import io

    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (4, 3), "white").save(buffer, format="PNG")
    return buffer.getvalue()


def test_the_first_draft_comes_from_the_agenda_items_and_their_decisions(staff_user):
    meeting, _people = attended_meeting()
    minutes = service.start_minutes(actor=staff_user, meeting=meeting)
    version = minutes.versions.get()
    items = list(version.items.order_by("order"))
    assert (version.number, version.state) == (1, MinutesState.DRAFT)
    assert [item.title for item in items] == ["4/4분기 현황 보고", "의장 연임 건"]
    assert [(p.title, p.presenter, p.affiliation) for p in items[0].presentations.all()] == [
        ("4/4분기 현황 보고", "김사무 팀장", "사무국")
    ]
    assert [d.motion for d in items[1].decisions.all()] == ["운영위원장 임기 1년 연장"]
    assert AuditEntry.objects.filter(action="governance.minutes.started").count() == 1
    with pytest.raises(service.MinutesStateError):
        service.start_minutes(actor=staff_user, meeting=meeting)


def test_staff_edit_an_item_of_a_draft(staff_user):
    meeting, _people = attended_meeting()
    version = service.start_minutes(actor=staff_user, meeting=meeting).versions.get()
    item = version.items.get(order=1)
    service.update_item(
        actor=staff_user,
        item=item,
        title="4/4분기 운영 실적 보고",
        discussion="회원사 1,138개사 현황 공유",
        decisions=[],
        presentations=[{"title": "사무국 활동 보고", "presenter": "김사무 팀장", "affiliation": "사무국"}],
        action_items=[
            {"description": "실적 자료 공유", "owner": "사무국", "due_on": datetime.date(2025, 12, 5), "done": False}
        ],
    )
    item.refresh_from_db()
    assert (item.title, item.discussion) == ("4/4분기 운영 실적 보고", "회원사 1,138개사 현황 공유")
    assert [(a.description, a.owner, a.due_on) for a in item.action_items.all()] == [
        ("실적 자료 공유", "사무국", datetime.date(2025, 12, 5))
    ]
    assert [p.title for p in item.presentations.all()] == ["사무국 활동 보고"]


def test_a_decision_of_another_meeting_cannot_be_linked(staff_user):
    meeting, _people = attended_meeting()
    other, _ = attended_meeting(body=BodyFactory(year=2025, name="미래전략"))
    version = service.start_minutes(actor=staff_user, meeting=meeting).versions.get()
    with pytest.raises(ValidationError):
        service.update_item(
            actor=staff_user,
            item=version.items.first(),
            title="x",
            discussion="",
            decisions=list(other.decisions.all()),
            presentations=[],
            action_items=[],
        )


def test_photos_are_checked_by_content(staff_user):
    meeting, _people = attended_meeting()
    version = service.start_minutes(actor=staff_user, meeting=meeting).versions.get()
    photo = service.add_file(
        actor=staff_user, version=version, upload=SimpleUploadedFile("기념촬영.png", _png()), kind=MinutesFileKind.PHOTO
    )
    assert photo.original_name == "기념촬영.png"
    with pytest.raises(ValidationError) as error:
        service.add_file(
            actor=staff_user,
            version=version,
            upload=SimpleUploadedFile("가짜.jpg", b"not an image at all"),
            kind=MinutesFileKind.PHOTO,
        )
    assert error.value.messages == ["가짜.jpg: 사진 파일이 아닙니다."]
    with pytest.raises(ValidationError):
        service.add_file(
            actor=staff_user,
            version=version,
            upload=SimpleUploadedFile("자료.pdf", b"MZ not a pdf"),
            kind=MinutesFileKind.ATTACHMENT,
        )


def test_confirmed_minutes_are_corrected_in_a_new_version_and_the_old_one_is_kept(staff_user):
    meeting, _people = attended_meeting()
    minutes = service.start_minutes(actor=staff_user, meeting=meeting)
    first = minutes.versions.get()
    service.move(actor=staff_user, version=first, step=service.CIRCULATE, comments_due=TOMORROW)
    with pytest.raises(service.MinutesStateError):
        service.add_item(actor=staff_user, version=first, title="추가")
    service.move(actor=staff_user, version=first, step=service.CONFIRM)
    with pytest.raises(ValidationError):
        service.start_correction(actor=staff_user, minutes=minutes, reason="  ")
    second = service.start_correction(actor=staff_user, minutes=minutes, reason="참석자 직급 오기 수정")
    assert (second.number, second.state, second.reason) == (2, MinutesState.DRAFT, "참석자 직급 오기 수정")
    assert [i.title for i in second.items.order_by("order")] == ["4/4분기 현황 보고", "의장 연임 건"]
    with pytest.raises(service.MinutesStateError):  # only the newest version moves
        service.move(actor=staff_user, version=first, step=service.CIRCULATE, comments_due=TOMORROW)
    service.move(actor=staff_user, version=second, step=service.CIRCULATE, comments_due=TOMORROW)
    service.move(actor=staff_user, version=second, step=service.CONFIRM)
    first.refresh_from_db()
    second.refresh_from_db()
    assert first.state == MinutesState.CONFIRMED
    assert first.superseded_at == second.confirmed_at
    assert second.superseded_at is None


def test_circulating_needs_a_deadline_not_in_the_past(staff_user):
    meeting, _people = attended_meeting()
    version = service.start_minutes(actor=staff_user, meeting=meeting).versions.get()
    with pytest.raises(ValidationError):
        service.move(actor=staff_user, version=version, step=service.CIRCULATE, comments_due=datetime.date(2020, 1, 1))
    version.refresh_from_db()
    assert version.state == MinutesState.DRAFT
