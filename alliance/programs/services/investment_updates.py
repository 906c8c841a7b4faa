"""Telling people that an investment-day meeting changed after they were sent their schedule, so their
calendars move it.

Rule: once the day's schedules were sent (`programs.investment.schedules_sent`), every meeting whose time,
desk or place changed, or that was booked or held again (a move by staff, a new scheduler run, the day moved
to another date, venue or length, a slot filled, a cancelled meeting scheduled again), is e-mailed to the
people concerned: the company's representatives and the investor of the desk, each the meetings of their own
party, with an iCalendar attachment of METHOD:REQUEST holding those meetings with their own UID and their
raised SEQUENCE, which calendars take in place of the copy they hold. A meeting moved to another desk is
also cancelled (METHOD:CANCEL, same UID) for the investor of the desk it left. Before the schedules were
sent nobody holds the meeting, and nobody is told (the schedule e-mail will carry it).
Side effects: two deliveries (`alliance.core.delivery`: company representatives, investors), one e-mail per
address, built when it goes out from the meetings as they then are; a meeting cancelled meanwhile is left
out (its cancellation is sent), and an e-mail left with no meeting is not sent.
"""

from django.conf import settings
from django.utils import translation

from alliance.core.delivery.ordering import Addressee, order_delivery
from alliance.core.mail import Attachment, render_message
from alliance.programs.models import DayCompany, Desk, InvestmentDay, Meeting
from alliance.programs.models.investment import HOLDING_STATUSES
from alliance.programs.services.investment_calendar import REQUEST, calendar_file
from alliance.programs.services.investment_cancellations import (
    CANCELLED_DESK_MAILING,
    addressees,
    schedules_were_sent,
)

UPDATED_COMPANY_MAILING = "programs.investment_updated_company"
UPDATED_DESK_MAILING = "programs.investment_updated_desk"


def order_update_emails(*, actor, day: InvestmentDay, meetings, left_desks: dict | None = None) -> int:
    """Order the update e-mails of these (just changed) meetings; call inside the changing transaction.
    `left_desks` maps a meeting moved to another desk to the desk it left, whose investor gets the meeting
    cancelled. Returns the number of e-mails ordered (0 before the schedules were sent)."""
    meetings = [meeting for meeting in meetings if meeting.status in HOLDING_STATUSES]
    if not meetings or day.date is None or not schedules_were_sent(day):
        return 0
    to_companies, to_desks = addressees(meetings)
    parameters = {"meetings": sorted(meeting.pk for meeting in meetings)}
    for kind, rows in ((UPDATED_COMPANY_MAILING, to_companies), (UPDATED_DESK_MAILING, to_desks)):
        if rows:
            order_delivery(actor=actor, kind=kind, target=day, addressees=rows, parameters=parameters)
    left = _left_desk_addressees(left_desks or {})
    if left:
        moved_away = {str(meeting): desk for meeting, desk in (left_desks or {}).items()}
        order_delivery(
            actor=actor,
            kind=CANCELLED_DESK_MAILING,
            target=day,
            addressees=left,
            parameters={"meetings": [], "moved_away": moved_away},
        )
    return len(to_companies) + len(to_desks) + len(left)


def _left_desk_addressees(left_desks: dict) -> list[Addressee]:
    desks = Desk.objects.filter(pk__in=set(left_desks.values())).select_related("user").order_by("pk")
    active = [desk for desk in desks if desk.user and desk.user.is_active and desk.user.email]
    return [Addressee(desk.user.email, object_id=desk.pk) for desk in active]


def _update_email(recipient, *, for_desk: bool):
    delivery = recipient.delivery
    day = InvestmentDay.objects.select_related("programme").get(pk=delivery.target_id)
    meetings = Meeting.objects.filter(
        pk__in=delivery.parameters.get("meetings", []), status__in=HOLDING_STATUSES
    ).select_related("desk", "company__organisation")
    if for_desk:
        heading = Desk.objects.filter(pk=recipient.object_id).first()
        meetings = list(meetings.filter(desk_id=recipient.object_id).order_by("slot"))
    else:
        heading = DayCompany.objects.select_related("organisation").filter(pk=recipient.object_id).first()
        meetings = list(meetings.filter(company_id=recipient.object_id).order_by("slot"))
    if heading is None or not meetings or day.date is None:
        return None
    language = recipient.language or settings.LANGUAGE_CODE
    with translation.override(language):
        calendar = calendar_file(day=day, meetings=meetings, for_desk=for_desk, method=REQUEST)
    context = {"day": day, "programme": day.programme, "heading": heading, "meetings": meetings, "for_desk": for_desk}
    return render_message(
        "programs/email/investment_updated",
        context,
        to=[recipient.email],
        language=recipient.language,
        attachments=[Attachment("updated.ics", calendar, f"text/calendar; method={REQUEST}")],
    )


def build_company_update_email(recipient, shared=None):
    """One company representative's update e-mail (None: no meeting of theirs is still held)."""
    return _update_email(recipient, for_desk=False)


def build_desk_update_email(recipient, shared=None):
    """One investor's update e-mail (None: no meeting of theirs is still held)."""
    return _update_email(recipient, for_desk=True)
