"""Telling people that an investment-day meeting was cancelled, so their calendars drop it.

Rule: once the day's schedules were sent (`programs.investment.schedules_sent`), every cancellation of a
meeting (by staff, or by a new scheduler run that no longer holds it) is e-mailed to the people concerned:
the company's representatives and the investor of the desk, each the meetings of their own party, with an
iCalendar attachment of METHOD:CANCEL holding those meetings with STATUS:CANCELLED, their own UID and their
raised SEQUENCE; a meeting moved to another desk is cancelled this way for the investor of the desk it left
(`investment_updates`). Before the schedules were sent nobody holds the meeting, and nobody is told.
Side effects: two deliveries (`alliance.core.delivery`: company representatives, investors), one e-mail per
address, built when it goes out; a meeting booked again meanwhile is left out, and an e-mail left with no
cancelled meeting is not sent.
"""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.utils import translation

from alliance.core.delivery.ordering import Addressee, order_delivery
from alliance.core.mail import Attachment, render_message
from alliance.core.models import AuditEntry, User
from alliance.core.roles import Role
from alliance.programs.models import DayCompany, Desk, InvestmentDay, Meeting
from alliance.programs.services.investment_calendar import CANCEL, calendar_file

CANCELLED_COMPANY_MAILING = "programs.investment_cancelled_company"
CANCELLED_DESK_MAILING = "programs.investment_cancelled_desk"


def schedules_were_sent(day: InvestmentDay) -> bool:
    return AuditEntry.objects.filter(
        action="programs.investment.schedules_sent",
        target_type=ContentType.objects.get_for_model(InvestmentDay),
        target_id=str(day.pk),
    ).exists()


def addressees(meetings: list[Meeting]) -> tuple[list[Addressee], list[Addressee]]:
    reps = User.objects.with_role(Role.MEMBER_REP).filter(is_active=True).exclude(email="")
    companies = DayCompany.objects.filter(pk__in={m.company_id for m in meetings}).order_by("pk")
    to_companies = [
        Addressee(email, object_id=company.pk)
        for company in companies
        for email in reps.filter(organisation_id=company.organisation_id)
        .order_by("email")
        .values_list("email", flat=True)
    ]
    desks = Desk.objects.filter(pk__in={m.desk_id for m in meetings}).select_related("user").order_by("pk")
    to_desks = [
        Addressee(desk.user.email, object_id=desk.pk)
        for desk in desks
        if desk.user and desk.user.is_active and desk.user.email
    ]
    return to_companies, to_desks


def order_cancellation_emails(*, actor, day: InvestmentDay, meetings) -> int:
    """Order the cancellation e-mails of these (just cancelled) meetings; call inside the cancelling
    transaction. Returns the number of e-mails ordered (0 before the schedules were sent)."""
    meetings = list(meetings)
    if not meetings or day.date is None or not schedules_were_sent(day):
        return 0
    to_companies, to_desks = addressees(meetings)
    parameters = {"meetings": sorted(meeting.pk for meeting in meetings)}
    for kind, rows in ((CANCELLED_COMPANY_MAILING, to_companies), (CANCELLED_DESK_MAILING, to_desks)):
        if rows:
            order_delivery(actor=actor, kind=kind, target=day, addressees=rows, parameters=parameters)
    return len(to_companies) + len(to_desks)


def _cancellation_email(recipient, *, for_desk: bool):
    delivery = recipient.delivery
    day = InvestmentDay.objects.select_related("programme").get(pk=delivery.target_id)
    meetings = Meeting.objects.filter(
        pk__in=delivery.parameters.get("meetings", []), status=Meeting.Status.CANCELLED
    ).select_related("desk", "company__organisation")
    if for_desk:
        heading = Desk.objects.filter(pk=recipient.object_id).first()
        meetings = list(meetings.filter(desk_id=recipient.object_id)) + _moved_away(delivery, recipient.object_id)
    else:
        heading = DayCompany.objects.select_related("organisation").filter(pk=recipient.object_id).first()
        meetings = list(meetings.filter(company_id=recipient.object_id))
    if heading is None or not meetings:
        return None
    language = recipient.language or settings.LANGUAGE_CODE
    with translation.override(language):
        calendar = calendar_file(day=day, meetings=meetings, for_desk=for_desk, method=CANCEL)
    context = {"day": day, "programme": day.programme, "heading": heading, "meetings": meetings, "for_desk": for_desk}
    return render_message(
        "programs/email/investment_cancelled",
        context,
        to=[recipient.email],
        language=recipient.language,
        attachments=[Attachment("cancelled.ics", calendar, f"text/calendar; method={CANCEL}")],
    )


def _moved_away(delivery, desk_id: int) -> list[Meeting]:
    """Meetings moved from this desk to another (investment_updates): cancelled for this desk's investor,
    shown and filed as cancelled (in memory only: the meeting itself goes on at its new desk)."""
    moved = [int(pk) for pk, old_desk in delivery.parameters.get("moved_away", {}).items() if old_desk == desk_id]
    meetings = list(
        Meeting.objects.filter(pk__in=moved).exclude(desk_id=desk_id).select_related("desk", "company__organisation")
    )
    for meeting in meetings:
        meeting.status = Meeting.Status.CANCELLED
    return meetings


def build_company_cancellation_email(recipient, shared=None):
    """One company representative's cancellation e-mail (None: no meeting of theirs is still cancelled)."""
    return _cancellation_email(recipient, for_desk=False)


def build_desk_cancellation_email(recipient, shared=None):
    """One investor's cancellation e-mail (None: no meeting of theirs is still cancelled)."""
    return _cancellation_email(recipient, for_desk=True)
