"""The investment day by hand and on the day: booking and moving meetings with conflict checks, check-in,
no-shows and the freed slots offered to waiting companies, the investor's record of interest, and the
schedules sent by e-mail with an iCalendar file.

Rules: a live meeting (not cancelled) never double-books a desk or a company in a slot, never repeats a
company–desk pair, never sits in a slot either side cannot attend, and never pairs a company with a desk
that declined it. Checks run under a lock on the day; the database's unique constraints back them up.
"""

from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.mail import EmailMultiAlternatives
from django.db import IntegrityError, transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from alliance.core.audit import record_audit
from alliance.core.delivery.ordering import Addressee, order_delivery
from alliance.core.mail import Attachment, render_message
from alliance.core.roles import Role
from alliance.programs.models import DayCompany, Decline, Desk, InvestmentDay, Meeting
from alliance.programs.models.investment import HOLDING_STATUSES
from alliance.programs.services.investment_calendar import REQUEST, calendar_file
from alliance.programs.services.investment_cancellations import order_cancellation_emails
from alliance.programs.services.investment_updates import order_update_emails

__all__ = ["calendar_file"]  # the .ics of the downloads and e-mails (investment_calendar), where callers look


def booking_conflicts(*, desk: Desk, company: DayCompany, slot: str, ignore: Meeting | None = None) -> list[str]:
    """Every reason, in Korean, why `company` cannot meet `desk` at `slot`; empty when it can."""
    day = desk.day
    if company.day_id != desk.day_id:
        return [_("%(company)s is not registered for this day.") % {"company": company}]
    if slot not in day.slots:
        return [_("%(slot)s is not a meeting time of this day.") % {"slot": slot}]
    live = Meeting.objects.filter(day_id=day.pk, status__in=HOLDING_STATUSES)
    if ignore is not None:
        live = live.exclude(pk=ignore.pk)
    names = {"desk": desk, "company": company, "slot": slot}
    reasons = []
    if slot in desk.unavailable:
        reasons.append(_("%(desk)s is not available at %(slot)s.") % names)
    if slot in company.unavailable:
        reasons.append(_("%(company)s is not available at %(slot)s.") % names)
    if Decline.objects.filter(desk=desk, company=company).exists():
        reasons.append(_("%(desk)s declined to meet %(company)s.") % names)
    taken = live.filter(desk=desk, slot=slot).select_related("company__organisation").first()
    if taken:
        reasons.append(_("%(desk)s already meets %(other)s at %(slot)s.") % {**names, "other": taken.company})
    busy = live.filter(company=company, slot=slot).select_related("desk").first()
    if busy:
        reasons.append(_("%(company)s already meets %(other)s at %(slot)s.") % {**names, "other": busy.desk})
    twice = live.filter(desk=desk, company=company).first()
    if twice:
        reasons.append(_("%(company)s already meets %(desk)s at %(other)s.") % {**names, "other": twice.slot})
    return reasons


def _lock(day_id: int) -> InvestmentDay:
    return InvestmentDay.objects.select_for_update().get(pk=day_id)


def _save_checked(meeting: Meeting, *, desk, company, slot, ignore=None) -> None:
    reasons = booking_conflicts(desk=desk, company=company, slot=slot, ignore=ignore)
    if reasons:
        raise ValidationError(reasons)
    try:
        with transaction.atomic():
            meeting.save()
    except IntegrityError as error:  # a concurrent booking won the race past the lock (other databases)
        raise ValidationError(_("That slot was just taken; reload the page.")) from error


def book_meeting(*, actor, desk, company, slot, source=Meeting.Source.MANUAL) -> Meeting:
    """Staff add a meeting by hand (or fill a freed slot), after the conflict checks.

    Side effects: audit `programs.investment.meeting_booked`; once the schedules were sent, the invitation
    e-mailed to both parties (`investment_updates`).
    """
    with transaction.atomic():
        day = _lock(desk.day_id)
        meeting = Meeting(day_id=desk.day_id, desk=desk, company=company, slot=slot, source=source)
        _save_checked(meeting, desk=desk, company=company, slot=slot)
        record_audit(
            action="programs.investment.meeting_booked",
            target=meeting,
            actor=actor,
            after={"desk": str(desk), "company": str(company), "slot": slot, "source": source},
        )
        order_update_emails(actor=actor, day=day, meetings=[meeting])
    return meeting


def move_meeting(*, actor, meeting, desk, slot) -> Meeting:
    """Move a scheduled meeting to another desk and/or slot, after the conflict checks.

    Side effects: the meeting's calendar revision raised when it changed; audit `programs.investment.meeting_moved`;
    once the schedules were sent, the updated invitation e-mailed to both parties and the meeting cancelled for
    the investor of a desk it left (`investment_updates`).
    """
    if meeting.status != Meeting.Status.SCHEDULED:
        raise ValidationError(_("Only a scheduled meeting can be moved."))
    with transaction.atomic():
        day = _lock(meeting.day_id)
        before = {"desk": str(meeting.desk), "slot": meeting.slot}
        old_desk_id = meeting.desk_id
        changed = (meeting.desk_id, meeting.slot) != (desk.pk, slot)
        if changed:
            meeting.sequence += 1
        meeting.desk, meeting.slot, meeting.source = desk, slot, Meeting.Source.MANUAL
        _save_checked(meeting, desk=desk, company=meeting.company, slot=slot, ignore=meeting)
        record_audit(
            action="programs.investment.meeting_moved",
            target=meeting,
            actor=actor,
            before=before,
            after={"desk": str(desk), "slot": slot},
        )
        if changed:
            left = {meeting.pk: old_desk_id} if old_desk_id != desk.pk else None
            order_update_emails(actor=actor, day=day, meetings=[meeting], left_desks=left)
    return meeting


def set_meeting_status(*, actor, meeting, status) -> Meeting:
    """Mark a meeting held, a no-show, cancelled, or scheduled again (the last after the checks).

    A no-show or cancellation frees the desk's slot for a waiting company (see `waiting_companies`).
    Side effects: the meeting's calendar revision raised when its status changed; a cancelled meeting's
    cancellation e-mail (with a METHOD:CANCEL .ics) to the people concerned once the schedules were sent
    (`investment_cancellations`); a meeting held again after a cancellation or no-show, its invitation
    (`investment_updates`); audit `programs.investment.meeting_status`.
    """
    if status not in Meeting.Status.values:
        raise ValidationError(_("Unknown meeting status."))
    with transaction.atomic():
        _lock(meeting.day_id)
        before = {"status": meeting.status}
        was_free = meeting.status not in HOLDING_STATUSES
        if meeting.status != status:
            meeting.sequence += 1
        meeting.status = status
        if was_free and status in HOLDING_STATUSES:
            _save_checked(meeting, desk=meeting.desk, company=meeting.company, slot=meeting.slot, ignore=meeting)
        else:
            meeting.save(update_fields=["status", "sequence"])
        record_audit(
            action="programs.investment.meeting_status",
            target=meeting,
            actor=actor,
            before=before,
            after={"status": status},
        )
        if status == Meeting.Status.CANCELLED and before["status"] != status:
            order_cancellation_emails(actor=actor, day=meeting.day, meetings=[meeting])
        if was_free and status in HOLDING_STATUSES:  # booked again: calendars that dropped it take it back
            order_update_emails(actor=actor, day=meeting.day, meetings=[meeting])
    return meeting


def check_in(*, actor, company: DayCompany) -> None:
    """Record that the company has arrived. Side effects: audit `programs.investment.checked_in`."""
    if company.checked_in_at is not None:
        return
    with transaction.atomic():
        company.checked_in_at = timezone.now()
        company.save(update_fields=["checked_in_at"])
        record_audit(action="programs.investment.checked_in", target=company, actor=actor, after={"checked_in": True})


def waiting_companies(meeting: Meeting) -> list[DayCompany]:
    """Companies that could take a freed slot: checked in, free then, not declined, not already meeting
    the desk; those that requested the desk first (by their preference), awardees first among equals."""
    day = meeting.day
    busy = Meeting.objects.filter(day=day, slot=meeting.slot, status__in=HOLDING_STATUSES)
    met = Meeting.objects.filter(day=day, desk=meeting.desk, status__in=HOLDING_STATUSES)
    candidates = (
        DayCompany.objects.filter(day=day, checked_in_at__isnull=False)
        .exclude(pk__in=busy.values("company"))
        .exclude(pk__in=met.values("company"))
        .exclude(pk__in=Decline.objects.filter(desk=meeting.desk).values("company"))
        .select_related("organisation")
        .prefetch_related("requests")
    )
    ranked = []
    for company in candidates:
        if meeting.slot in company.unavailable:
            continue
        rank = next((r.rank for r in company.requests.all() if r.desk_id == meeting.desk_id), 99)
        ranked.append((rank, not company.priority, company.organisation.name, company))
    return [item[3] for item in sorted(ranked, key=lambda item: item[:3])]


def offer_freed_slot(*, actor, meeting: Meeting, company: DayCompany) -> Meeting:
    """Give a no-show's (or cancelled) slot to a waiting company: a new meeting at the same desk and slot.

    The no-show stays recorded. Side effects: those of `book_meeting` (source "offered").
    """
    if meeting.status in HOLDING_STATUSES:
        raise ValidationError(_("This slot is not free: the meeting is not a no-show or cancelled."))
    return book_meeting(
        actor=actor, desk=meeting.desk, company=company, slot=meeting.slot, source=Meeting.Source.OFFERED
    )


def record_interest(*, actor, meeting: Meeting, interest: str, note: str = "") -> None:
    """The investor's interest after a meeting, kept for next year's matching.

    Side effects: the meeting counts as held; audit `programs.investment.interest_recorded`.
    """
    if interest not in Meeting.Interest.values:
        raise ValidationError(_("Unknown level of interest."))
    if meeting.status in (Meeting.Status.CANCELLED, Meeting.Status.NO_SHOW):
        raise ValidationError(_("This meeting did not take place."))
    with transaction.atomic():
        before = {"interest": meeting.interest, "note": meeting.interest_note}
        meeting.interest, meeting.interest_note = interest, note.strip()
        meeting.interest_recorded_at = timezone.now()
        if meeting.status != Meeting.Status.HELD:
            meeting.sequence += 1
        meeting.status = Meeting.Status.HELD
        meeting.save(update_fields=["interest", "interest_note", "interest_recorded_at", "status", "sequence"])
        record_audit(
            action="programs.investment.interest_recorded",
            target=meeting,
            actor=actor,
            before=before,
            after={"interest": interest, "note": meeting.interest_note},
        )


def _schedule_message(*, day, recipients, heading, meetings, for_desk) -> EmailMultiAlternatives:
    context = {"day": day, "programme": day.programme, "heading": heading, "meetings": meetings, "for_desk": for_desk}
    attachments = []
    if day.date:
        with translation.override(settings.LANGUAGE_CODE):
            calendar = calendar_file(day=day, meetings=meetings, for_desk=for_desk, method=REQUEST)
        attachments.append(Attachment("meetings.ics", calendar, "text/calendar"))
    return render_message("programs/email/investment", context, to=recipients, attachments=attachments)


@dataclass(frozen=True)
class ScheduleMailing:
    """One schedule e-mail: a company's (to its representatives) or an investor desk's (to its user)."""

    heading: object  # the DayCompany or Desk
    recipients: list[str]
    meetings: list[Meeting]
    for_desk: bool


def schedule_mailings(day: InvestmentDay) -> list[ScheduleMailing]:
    """Every company and every desk with live meetings, with the addresses its schedule goes to (empty: none),
    companies first; what `order_schedule_emails` sends and its confirmation page counts."""
    live = day.meetings.filter(status__in=HOLDING_STATUSES).select_related("desk__user", "company__organisation")
    by_company, by_desk = {}, {}
    for meeting in live.order_by("slot", "desk__position"):
        by_company.setdefault(meeting.company, []).append(meeting)
        by_desk.setdefault(meeting.desk, []).append(meeting)
    users = get_user_model().objects.with_role(Role.MEMBER_REP).filter(is_active=True).exclude(email="")
    mailings = []
    for company, meetings in by_company.items():
        recipients = list(users.filter(organisation_id=company.organisation_id).values_list("email", flat=True))
        mailings.append(ScheduleMailing(company, recipients, meetings, for_desk=False))
    for desk, meetings in by_desk.items():
        recipients = [desk.user.email] if desk.user and desk.user.is_active and desk.user.email else []
        mailings.append(ScheduleMailing(desk, recipients, meetings, for_desk=True))
    return mailings


def schedule_email(day: InvestmentDay, mailing: ScheduleMailing) -> EmailMultiAlternatives:
    """One schedule e-mail, unsent and addressed to nobody (the confirmation's preview and test send)."""
    return _schedule_message(
        day=day, recipients=[], heading=mailing.heading, meetings=mailing.meetings, for_desk=mailing.for_desk
    )


INVESTMENT_COMPANY_MAILING = "programs.investment_company"
INVESTMENT_DESK_MAILING = "programs.investment_desk"


def order_schedule_emails(*, actor, day: InvestmentDay) -> int:
    """E-mail every company's representatives and every investor their own meetings, with a .ics file: two
    deliveries (companies, investors; `schedule_mailings`), one e-mail per address, each built when it goes
    out from the meetings then held (a meeting moved meanwhile is sent as it then is).

    Returns the number of e-mails ordered. Side effects: the deliveries; audit
    `programs.investment.schedules_sent` with that number.
    """
    to_companies, to_desks = [], []
    for mailing in schedule_mailings(day):
        rows = to_desks if mailing.for_desk else to_companies
        rows += [Addressee(email, object_id=mailing.heading.pk) for email in mailing.recipients]
    with transaction.atomic():
        record_audit(
            action="programs.investment.schedules_sent",
            target=day,
            actor=actor,
            after={"emails": len(to_companies) + len(to_desks)},
        )
        order_delivery(actor=actor, kind=INVESTMENT_COMPANY_MAILING, target=day, addressees=to_companies)
        order_delivery(actor=actor, kind=INVESTMENT_DESK_MAILING, target=day, addressees=to_desks)
    return len(to_companies) + len(to_desks)


def _schedule_email(recipient, *, for_desk: bool):
    day = InvestmentDay.objects.select_related("programme").get(pk=recipient.delivery.target_id)
    wanted = [m for m in schedule_mailings(day) if m.for_desk == for_desk and m.heading.pk == recipient.object_id]
    if not wanted:
        return None
    mailing = wanted[0]
    return _schedule_message(
        day=day, recipients=[recipient.email], heading=mailing.heading, meetings=mailing.meetings, for_desk=for_desk
    )


def build_company_schedule_email(recipient, shared=None):
    """One company representative's schedule (None: the company has no meeting any more)."""
    return _schedule_email(recipient, for_desk=False)


def build_desk_schedule_email(recipient, shared=None):
    """One investor's schedule (None: the desk has no meeting any more)."""
    return _schedule_email(recipient, for_desk=True)
