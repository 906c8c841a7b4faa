"""Meeting preparation, replies, attendance and decisions (services of the `meetings` area)."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from hypothesis import given
from hypothesis import strategies as st

from alliance.core.models import AuditEntry
from alliance.core.versions import StaleEditError
from alliance.governance.models import AgendaItemKind, AttendanceStatus, DecisionEffect, DecisionMethod, DecisionOutcome
from alliance.governance.queries.attendance import attendance_table
from alliance.governance.services import agenda, meetings
from alliance.governance.services.attendance import GuestEntry, SeatAttendance, record_attendance
from alliance.governance.services.decisions import eligible_voters, record_decision, vote_errors
from alliance.governance.services.replies import record_reply
from alliance.governance.tests.meetings_support import build_steering

PDF = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture
def steering(db):
    return build_steering()


def titles(meeting):
    return list(meeting.agenda_items.order_by("order").values_list("order", "title"))


def test_agenda_add_move_remove_keeps_one_order_and_the_end_time(steering, staff_user):
    meeting = steering["meeting"]
    agenda.add_agenda_item(
        actor=staff_user,
        meeting=meeting,
        data={"kind": AgendaItemKind.BREAK, "title": "휴식", "duration_minutes": 10},
    )
    last = meeting.agenda_items.get(title="휴식")
    agenda.move_agenda_item(actor=staff_user, item=last, direction="up")
    agenda.remove_agenda_item(actor=staff_user, item=meeting.agenda_items.get(title="참석자 소개"))
    meeting.refresh_from_db()

    assert titles(meeting) == [(1, "4/4분기 현황 보고"), (2, "휴식"), (3, "의장 연임 건")]
    assert meeting.ends_at == datetime.time(15, 40)
    assert meeting.sequence == 2  # the end moved on the addition and on the removal, not on the move
    assert AuditEntry.objects.filter(action__startswith="governance.agenda.").count() == 3


def test_moving_the_first_item_up_changes_nothing(steering, staff_user):
    first = steering["meeting"].agenda_items.get(order=1)

    assert agenda.move_agenda_item(actor=staff_user, item=first, direction="up") is False


def test_agenda_refuses_a_blank_title_or_no_duration(steering, staff_user):
    with pytest.raises(ValidationError) as error:
        agenda.add_agenda_item(
            actor=staff_user, meeting=steering["meeting"], data={"kind": "item", "title": " ", "duration_minutes": 5}
        )

    assert error.value.messages == ["제목: 이 순서의 내용을 입력하세요."]


def test_papers_are_checked_by_content(steering, staff_user):
    item = steering["meeting"].agenda_items.get(order=2)
    paper = agenda.add_paper(actor=staff_user, item=item, upload=SimpleUploadedFile("현황 보고.pdf", PDF))

    with pytest.raises(ValidationError) as error:
        agenda.add_paper(actor=staff_user, item=item, upload=SimpleUploadedFile("가짜.docx", PDF))

    assert paper.original_name == "현황 보고.pdf"
    assert error.value.messages == [
        "가짜.docx: 내용이 DOCX 파일이 아닙니다. 파일 이름(확장자)과 내용이 일치해야 합니다."
    ]


def test_a_stale_meeting_form_is_refused_and_the_calendar_revision_rises(steering, staff_user):
    meeting = steering["meeting"]
    meetings.update_meeting(actor=staff_user, meeting=meeting, data={"place": "온라인"}, expected_version=0)

    with pytest.raises(StaleEditError):
        meetings.update_meeting(actor=staff_user, meeting=meeting, data={"place": "다른 곳"}, expected_version=0)
    meeting.refresh_from_db()

    assert (meeting.place, meeting.version, meeting.sequence) == ("온라인", 1, 1)


def test_replies_change_until_the_start_and_need_the_substitute(steering):
    meeting, seat = steering["meeting"], steering["seats"]["member"]
    with pytest.raises(ValidationError):
        record_reply(actor=None, meeting=meeting, seat=seat, answer="substitute", substitute_name="박기주")
    record_reply(actor=None, meeting=meeting, seat=seat, answer="attending")
    reply = record_reply(
        actor=None, meeting=meeting, seat=seat, answer="substitute", substitute_name="박기주", substitute_title="이사"
    )
    meeting.date = datetime.date(2020, 1, 1)

    with pytest.raises(ValidationError) as error:
        record_reply(actor=None, meeting=meeting, seat=seat, answer="absent")

    assert (reply.answer, reply.substitute_name, reply.substitute_title) == ("substitute", "박기주", "이사")
    assert meeting.replies.count() == 1
    assert error.value.messages == ["회의가 시작되어 회신을 더 바꿀 수 없습니다."]


def _record(steering, staff_user, statuses):
    seats = steering["seats"]
    entries = [
        SeatAttendance(seats[key].pk, status, substitute_name="박기주" if status == "substitute" else "")
        for key, status in statuses.items()
    ]
    return record_attendance(
        actor=staff_user, meeting=steering["meeting"], entries=entries, guests=[GuestEntry("이승환", "국회미래연구원")]
    )


def test_attendance_table_counts_substitutes_as_attending_and_observers_apart(steering, staff_user):
    meeting = _record(steering, staff_user, {"chair": "present", "member": "substitute", "observer": "present"})

    table = attendance_table(meeting)

    assert table.headline == "대상 인원 : 총 3명(참석 2명/불참 1명)"
    assert [row.mark for row in table.rows] == ["○", "○ (대참 박기주)", "×"]
    assert [row.seat.person.name for row in table.observers] == ["김사무관"]
    assert (table.quorum, table.quorum_met) == (2, True)
    assert meeting.attendance_recorded_at is not None
    assert [guest.name for guest in table.guests] == ["이승환"]


def test_quorum_without_counting_substitutes(steering, staff_user):
    body = steering["body"]
    body.substitutes_count = False
    body.save()

    table = attendance_table(_record(steering, staff_user, {"chair": "present", "member": "substitute"}))

    assert table.quorum_met is False


def test_a_vote_counts_only_the_seats_that_may_vote(steering, staff_user):
    meeting = _record(steering, staff_user, {"chair": "present", "member": "substitute", "observer": "present"})
    body = steering["body"]
    body.substitutes_vote = False
    body.save()
    meeting.body.refresh_from_db()

    with pytest.raises(ValidationError) as error:
        record_decision(
            actor=staff_user, meeting=meeting, motion="의장 연임", method="vote", outcome="adopted", votes_for=2
        )

    assert eligible_voters(meeting) == 1
    assert error.value.messages == ["2표를 입력했지만 이 회의에서 의결권이 있는 위원은 1명입니다."]


def test_extending_terms_applies_when_recorded(steering, staff_user):
    meeting = _record(steering, staff_user, {"chair": "present", "member": "present"})
    chair = steering["seats"]["chair"]
    end = chair.term_end

    decision = record_decision(
        actor=staff_user,
        meeting=meeting,
        motion="운영위원장 및 분과위원장 임기 1년 연장",
        method=DecisionMethod.VOTE,
        outcome=DecisionOutcome.ADOPTED,
        effect=DecisionEffect.EXTEND_TERMS,
        agenda_item=meeting.agenda_items.get(order=3),
        votes_for=2,
        seats=[chair],
    )
    chair.refresh_from_db()

    assert chair.term_end == end.replace(year=end.year + 1)
    assert list(decision.seats.all()) == [chair]


def test_abolishing_a_body(steering, staff_user):
    from alliance.governance.tests.factories import SubcommitteeFactory

    sub = SubcommitteeFactory(year=steering["body"].year, name="미래전략")
    record_decision(
        actor=staff_user,
        meeting=steering["meeting"],
        motion="미래전략분과 폐지",
        method=DecisionMethod.CONSENSUS,
        outcome=DecisionOutcome.ADOPTED,
        effect=DecisionEffect.ABOLISH_BODY,
        bodies=[sub],
    )
    sub.refresh_from_db()

    assert sub.abolished_on == steering["meeting"].date


counts = st.integers(min_value=0, max_value=40)


@given(counts, counts, counts, st.integers(min_value=0, max_value=40))
def test_a_vote_is_valid_exactly_when_its_total_fits_the_eligible_seats(votes_for, against, abstentions, eligible):
    errors = vote_errors(
        method="vote", votes_for=votes_for, votes_against=against, abstentions=abstentions, eligible=eligible
    )

    total = votes_for + against + abstentions
    assert (errors == []) == (0 < total <= eligible)


@given(counts, counts, counts)
def test_a_consensus_carries_no_counts(votes_for, against, abstentions):
    errors = vote_errors(
        method="consensus", votes_for=votes_for, votes_against=against, abstentions=abstentions, eligible=40
    )

    assert (errors == []) == (votes_for == against == abstentions == 0)


def test_unknown_status_is_refused(steering, staff_user):
    with pytest.raises(ValidationError):
        _record(steering, staff_user, {"chair": "maybe"})

    assert not AttendanceStatus.values.count("maybe")
