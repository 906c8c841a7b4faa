"""What the investment day's mass actions say before they act (core/confirm.py): the scheduler run, which
replaces every scheduled meeting, and the schedules e-mailed to every company and investor; and the preview of
a schedule e-mail that the sending's confirmation page frames."""

from django.core.exceptions import ValidationError
from django.http import Http404
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from alliance.core.confirm import ORGANISATIONS, RECIPIENTS, Confirmation, email_preview_response
from alliance.core.permissions import permission_required
from alliance.programs.models import InvestmentDay, Meeting
from alliance.programs.queries import investment as queries
from alliance.programs.services import investment as service
from alliance.programs.services import investment_meetings as meetings_service


def _day_url(day: InvestmentDay) -> str:
    return reverse("programs:investment_day", args=[day.programme.year])


def scheduling_confirmation(day: InvestmentDay) -> Confirmation:
    companies = [
        str(company) for company in day.companies.select_related("organisation").order_by("organisation__name")
    ]
    refusals = []
    try:
        service.refuse_once_started(day)
    except ValidationError as error:
        refusals += error.messages
    if not day.desks.exists() or not companies:
        refusals.append(_("Add the investor desks and the companies before running the scheduler."))
    scheduled = day.meetings.filter(status=Meeting.Status.SCHEDULED)
    warnings = []
    if count := scheduled.count():
        warnings.append(_("The %(count)s meetings scheduled now are replaced by the result.") % {"count": count})
    if by_hand := scheduled.exclude(source=Meeting.Source.SOLVER).count():
        warnings.append(_("%(count)s of them were booked by hand and are replaced too.") % {"count": by_hand})
    return Confirmation(
        title=_("Run the scheduler"),
        summary=_("The scheduler pairs the companies below with the investor desks they asked for, in free slots."),
        count=len(companies),
        unit=ORGANISATIONS,
        names=companies,
        warnings=warnings,
        refusals=refusals,
        cancel_url=_day_url(day),
        confirm_label=_("Run the scheduler"),
    )


def sending_confirmation(day: InvestmentDay) -> Confirmation:
    mailings = meetings_service.schedule_mailings(day)
    reached = [mailing for mailing in mailings if mailing.recipients]
    refusals, warnings = [], []
    if not mailings:
        refusals.append(_("No meeting is scheduled: there is no schedule to send."))
    elif day.date and day.date < timezone.localdate():
        when = date_format(day.date, "DATE_FORMAT")
        warnings.append(
            _("The investment day was on %(date)s and is over: check that this sending is wanted.") % {"date": when}
        )
    if unreachable := [str(mailing.heading) for mailing in mailings if not mailing.recipients]:
        warnings.append(
            _("%(count)s companies or investors have no e-mail address and are not sent their schedule: %(list)s")
            % {"count": len(unreachable), "list": ", ".join(unreachable[:10])}
        )
    if mailings and not day.date:
        warnings.append(_("The day has no date: the e-mails carry no calendar file."))
    sample = reached[0] if reached else None
    return Confirmation(
        title=_("E-mail the schedules"),
        summary=_("Each company and investor below receives its own meetings by e-mail, with a calendar file."),
        count=sum(len(mailing.recipients) for mailing in reached),
        unit=RECIPIENTS,
        names=[f"{mailing.heading} ({', '.join(mailing.recipients)})" for mailing in reached],
        warnings=warnings,
        refusals=refusals,
        cancel_url=_day_url(day),
        confirm_label=_("Send the schedules"),
        preview_url=reverse("programs:investment_send_preview", args=[day.programme.year]) if sample else "",
        sample_email=(lambda: meetings_service.schedule_email(day, sample)) if sample else None,
    )


@permission_required("programs.manage_investment_day")
@require_GET
def investment_send_preview(request, year: int):
    """The first company's schedule e-mail, for the sending's confirmation page."""
    day = queries.day_for_year(year)
    mailings = [mailing for mailing in meetings_service.schedule_mailings(day) if mailing.recipients] if day else []
    if not mailings:
        raise Http404
    return email_preview_response(meetings_service.schedule_email(day, mailings[0]))
