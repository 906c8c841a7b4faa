"""Who was invited to a meeting and what they answered (staff's summary on the meeting page)."""

from dataclasses import dataclass

from alliance.governance.models import Meeting, ReplyAnswer
from alliance.governance.queries.meetings import invitations_by_seat, meeting_seats, replies_by_seat


@dataclass
class ReplySummary:
    rows: list  # (seat, invitation or None, reply or None)
    attending: int
    absent: int
    substitutes: int
    unanswered: int
    invited: int


def reply_summary(meeting: Meeting) -> ReplySummary:
    seats = list(meeting_seats(meeting))
    invitations = invitations_by_seat(meeting)
    replies = replies_by_seat(meeting)
    answers = [replies[s.pk].answer for s in seats if s.pk in replies]
    return ReplySummary(
        rows=[(seat, invitations.get(seat.pk), replies.get(seat.pk)) for seat in seats],
        attending=answers.count(ReplyAnswer.ATTENDING),
        absent=answers.count(ReplyAnswer.ABSENT),
        substitutes=answers.count(ReplyAnswer.SUBSTITUTE),
        unanswered=len(seats) - len(answers),
        invited=sum(1 for s in seats if s.pk in invitations and invitations[s.pk].sent_at),
    )
