"""A seat holder's answer to a meeting invitation: 참석 / 불참 / 대리참석 (the `meetings` area).

Rules:
- By the invitation's personal link (no login) or logged in from the meeting page, for a seat of the
  meeting (queries.meetings.meeting_seats); observers answer too.
- A substitute (대리참석) needs the substitute's name and job title; another answer keeps none.
- The answer may change until the meeting starts; after that it is refused.
Side effects: the seat's Reply (one per seat and meeting), the invitation's `responded_at`, an audit entry.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from alliance.core.audit import record_audit
from alliance.governance.models import Meeting, MeetingInvitation, Reply, ReplyAnswer, Seat
from alliance.governance.queries.meetings import has_started, meeting_seats


def record_reply(
    *, actor, meeting: Meeting, seat: Seat, answer: str, substitute_name: str = "", substitute_title: str = ""
) -> Reply:
    """Record (or change) `seat`'s answer to `meeting`'s invitation. `actor` is None by personal link.

    Rule: before the meeting starts; the seat is one of the meeting's; a substitute has a name and a title.
    Side effects: the Reply; the invitation's `responded_at`; audit `governance.meeting.replied`.
    """
    now = timezone.now()
    if has_started(meeting, now):
        raise ValidationError(_("The meeting has started: answers can no longer change."))
    if answer not in ReplyAnswer.values:
        raise ValidationError(_("Answer: choose attending, not attending or sending a substitute."))
    if not meeting_seats(meeting).filter(pk=seat.pk).exists():
        raise ValidationError(_("This seat is not invited to this meeting."))
    substitute_name, substitute_title = substitute_name.strip(), substitute_title.strip()
    if answer == ReplyAnswer.SUBSTITUTE and not (substitute_name and substitute_title):
        raise ValidationError(_("Substitute: enter the name and job title of the person attending in your place."))
    if answer != ReplyAnswer.SUBSTITUTE:
        substitute_name = substitute_title = ""
    with transaction.atomic():
        previous = Reply.objects.select_for_update().filter(meeting=meeting, seat=seat).first()
        before = {"answer": previous.answer} if previous else {}
        reply, _created = Reply.objects.update_or_create(
            meeting=meeting,
            seat=seat,
            defaults={
                "answer": answer,
                "substitute_name": substitute_name,
                "substitute_title": substitute_title,
                "replied_at": now,
            },
        )
        MeetingInvitation.objects.filter(meeting=meeting, seat=seat).update(responded_at=now)
        record_audit(
            action="governance.meeting.replied",
            actor=actor,
            actor_label="" if actor else seat.person.name,
            target=meeting,
            before=before,
            after={
                "person": seat.person.name,
                "answer": answer,
                "substitute_name": substitute_name,
                "substitute_title": substitute_title,
                "by_link": actor is None,
            },
        )
    return reply
