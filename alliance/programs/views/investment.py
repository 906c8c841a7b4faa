"""Staff pages of the investment consultation day: set-up, desks and companies, the scheduler run, the
printable grid, the on-the-day board (check-in, no-shows, freed slots, manual adjustment) and e-mails."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from alliance.core.confirm import confirmation_gate
from alliance.core.delivery.progress import progress_of
from alliance.core.permissions import permission_required
from alliance.core.versions import LOADED_FIELD, StaleEditError
from alliance.programs.documents import files
from alliance.programs.forms.investment import (
    AvailabilityForm,
    BookForm,
    CompanyAddForm,
    CompanySettingsForm,
    DayForm,
    DeskForm,
    MeetingActionForm,
    OfferForm,
    RequestsForm,
)
from alliance.programs.models import DayCompany, Desk, InvestmentDay, Meeting, Programme
from alliance.programs.queries import investment as queries
from alliance.programs.services import investment as service
from alliance.programs.services import investment_meetings as meetings_service
from alliance.programs.services.investment_scheduling import request_scheduling
from alliance.programs.views import investment_confirm
from alliance.programs.views.documents import file_response


def _day(year: int) -> InvestmentDay:
    day = queries.day_for_year(year)
    if day is None:
        raise Http404
    return day


def _errors(request, error: ValidationError) -> None:
    for message in error.messages:
        messages.error(request, message)


def _back(day: InvestmentDay, name: str = "programs:investment_day"):
    return redirect(name, year=day.programme.year)


@permission_required("programs.manage_investment_day")
@require_http_methods(["GET", "POST"])
def investment_day(request, year: int):
    programme = get_object_or_404(Programme, year=year)
    day = queries.day_for_year(year)
    initial = DayForm.initial_for(day or InvestmentDay(programme=programme))
    form = DayForm(request.POST or None, initial=initial, version=day.version if day else 0)
    if request.method == "POST" and form.is_valid():
        try:
            data = {name: value for name, value in form.cleaned_data.items() if name != LOADED_FIELD}
            day = service.configure_day(
                actor=request.user, programme=programme, expected_version=form.loaded_version, **data
            )
        except StaleEditError as error:
            form.stale(error)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The time grid was saved."))
            return _back(day)
    context = {"programme": programme, "day": day, "form": form}
    if day is not None:
        context |= {
            "desks": queries.desks_with_counts(day),
            "companies": queries.companies_with_requests(day),
            "desk_form": DeskForm(day=day),
            "company_form": CompanyAddForm(),
            "deliveries": progress_of(
                day, (meetings_service.INVESTMENT_COMPANY_MAILING, meetings_service.INVESTMENT_DESK_MAILING)
            ),
        }
    return render(request, "programs/investment/day.html", context)


@permission_required("programs.manage_investment_day")
@require_POST
def investment_desk_add(request, year: int):
    day = _day(year)
    form = DeskForm(request.POST, day=day)
    if form.is_valid():
        try:
            service.add_desk(actor=request.user, day=day, **form.cleaned_data)
        except ValidationError as error:
            _errors(request, error)
        else:
            messages.success(request, _("The desk was added."))
    else:
        messages.error(request, _("Check the desk's fields: %(errors)s") % {"errors": form.errors.as_text()})
    return _back(day)


@permission_required("programs.manage_investment_day")
@require_POST
def investment_company_add(request, year: int):
    day = _day(year)
    form = CompanyAddForm(request.POST)
    if form.is_valid():
        try:
            service.add_company(actor=request.user, day=day, **form.cleaned_data)
        except ValidationError as error:
            _errors(request, error)
        else:
            messages.success(request, _("The company was registered."))
    else:
        messages.error(request, _("Choose a member company."))
    return _back(day)


@permission_required("programs.manage_investment_day")
@require_http_methods(["GET", "POST"])
def investment_desk(request, year: int, pk: int):
    """One investor's schedule (staff), and the slots the investor cannot attend."""
    day = _day(year)
    desk = get_object_or_404(Desk.objects.select_related("user"), pk=pk, day=day)
    form = AvailabilityForm(
        request.POST or None, slots=day.slots, initial={"unavailable": desk.unavailable}, version=desk.version
    )
    if request.method == "POST" and form.is_valid():
        try:
            service.set_unavailable(
                actor=request.user,
                participant=desk,
                unavailable=form.cleaned_data["unavailable"],
                expected_version=form.loaded_version,
            )
        except StaleEditError as error:
            form.stale(error)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Saved."))
            return redirect("programs:investment_desk", year=year, pk=desk.pk)
    meetings = desk.meetings.exclude(status=Meeting.Status.CANCELLED).select_related("company__organisation")
    context = {"day": day, "desk": desk, "form": form, "meetings": meetings, "declines": desk.declines.count()}
    return render(request, "programs/investment/desk.html", context)


@permission_required("programs.manage_investment_day")
@require_http_methods(["GET", "POST"])
def investment_company(request, year: int, pk: int):
    """One company's schedule (staff), its requests in order, priority and unavailable slots."""
    day = _day(year)
    company = get_object_or_404(DayCompany.objects.select_related("organisation"), pk=pk, day=day)
    desks = list(day.desks.all())
    requests_form = RequestsForm(
        request.POST if "requests" in request.POST else None,
        desks=desks,
        initial=RequestsForm.initial_for(company),
        version=company.version,
    )
    settings_form = CompanySettingsForm(
        request.POST if "settings" in request.POST else None,
        slots=day.slots,
        initial={"priority": company.priority, "unavailable": company.unavailable},
        version=company.version,
    )
    sent = requests_form if requests_form.is_bound else settings_form if settings_form.is_bound else None
    try:
        if sent is requests_form and sent.is_valid():
            service.set_requests(
                actor=request.user,
                company=company,
                desks=sent.cleaned_data["desks"],
                expected_version=sent.loaded_version,
            )
            messages.success(request, _("Saved."))
            return redirect("programs:investment_company", year=year, pk=company.pk)
        if sent is settings_form and sent.is_valid():
            service.set_company_settings(
                actor=request.user,
                company=company,
                priority=sent.cleaned_data["priority"],
                unavailable=sent.cleaned_data["unavailable"],
                expected_version=sent.loaded_version,
            )
            messages.success(request, _("Saved."))
            return redirect("programs:investment_company", year=year, pk=company.pk)
    except StaleEditError as error:
        sent.stale(error)
    except ValidationError as error:
        _errors(request, error)
    meetings = company.meetings.exclude(status=Meeting.Status.CANCELLED).select_related("desk")
    context = {
        "day": day,
        "company": company,
        "requests_form": requests_form,
        "settings_form": settings_form,
        "meetings": meetings,
        "past_interest": queries.past_interest(company.organisation_id).exclude(day=day),
    }
    return render(request, "programs/investment/company.html", context)


@permission_required("programs.manage_investment_day")
@require_POST
def investment_schedule(request, year: int):
    day = _day(year)
    if (page := confirmation_gate(request, investment_confirm.scheduling_confirmation(day))) is not None:
        return page
    try:
        request_scheduling(actor=request.user, day=day)
    except ValidationError as error:
        _errors(request, error)
    else:
        messages.success(request, _("The scheduler was started; the result appears below when it is done."))
    return _back(day)


@permission_required("programs.manage_investment_day")
def investment_grid(request, year: int):
    """The printable grid, as in the seed: slots as rows, desks as columns."""
    day = _day(year)
    desks = list(day.desks.all())
    rows = queries.grid_rows(day, desks, queries.live_meetings(day))
    return render(request, "programs/investment/grid.html", {"day": day, "desks": desks, "rows": rows})


@permission_required("programs.manage_investment_day")
def investment_board(request, year: int):
    """The day itself: check-in, each meeting's status, no-shows with the companies waiting for the slot."""
    day = _day(year)
    desks = list(day.desks.all())
    companies = day.companies.select_related("organisation")
    meetings = list(
        day.meetings.exclude(status=Meeting.Status.CANCELLED)
        .select_related("desk", "company__organisation")
        .order_by("slot", "desk__position")
    )
    freed = [(m, meetings_service.waiting_companies(m)) for m in meetings if m.status == Meeting.Status.NO_SHOW]
    context = {
        "day": day,
        "desks": desks,
        "companies": companies,
        "meetings": meetings,
        "freed": [(m, OfferForm(candidates=waiting, prefix=f"offer{m.pk}"), waiting) for m, waiting in freed],
        "book_form": BookForm(day=day, desks=day.desks.all(), companies=companies),
        "action_form": MeetingActionForm(day=day),
    }
    return render(request, "programs/investment/board.html", context)


@permission_required("programs.manage_investment_day")
@require_GET
def investment_board_xlsx(request, year: int):
    """The board's meetings and the grid as a workbook (for the desk at the door and the report after)."""
    return file_response(files.investment_board(_day(year)))


@permission_required("programs.manage_investment_day")
@require_POST
def investment_book(request, year: int):
    day = _day(year)
    form = BookForm(request.POST, day=day, desks=day.desks.all(), companies=day.companies.all())
    if form.is_valid():
        try:
            meetings_service.book_meeting(actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            _errors(request, error)
        else:
            messages.success(request, _("The meeting was booked."))
    else:
        messages.error(request, _("Choose an investor, a company and a time."))
    return _back(day, "programs:investment_board")


@permission_required("programs.manage_investment_day")
@require_POST
def investment_meeting(request, pk: int):
    meeting = get_object_or_404(Meeting.objects.select_related("day__programme", "desk", "company"), pk=pk)
    form = MeetingActionForm(request.POST, day=meeting.day)
    try:
        if not form.is_valid():
            raise ValidationError(list(form.non_field_errors()) or [_("Choose what to do with the meeting.")])
        data = form.cleaned_data
        if data["action"] == "move":
            meetings_service.move_meeting(actor=request.user, meeting=meeting, desk=data["desk"], slot=data["slot"])
        else:
            meetings_service.set_meeting_status(actor=request.user, meeting=meeting, status=data["action"])
    except ValidationError as error:
        _errors(request, error)
    else:
        messages.success(request, _("Saved."))
    return _back(meeting.day, "programs:investment_board")


@permission_required("programs.manage_investment_day")
@require_POST
def investment_checkin(request, pk: int):
    company = get_object_or_404(DayCompany.objects.select_related("day__programme", "organisation"), pk=pk)
    meetings_service.check_in(actor=request.user, company=company)
    messages.success(request, _("%(company)s checked in.") % {"company": company})
    return _back(company.day, "programs:investment_board")


@permission_required("programs.manage_investment_day")
@require_POST
def investment_offer(request, pk: int):
    meeting = get_object_or_404(Meeting.objects.select_related("day__programme", "desk"), pk=pk)
    form = OfferForm(request.POST, candidates=meetings_service.waiting_companies(meeting), prefix=f"offer{meeting.pk}")
    if form.is_valid():
        try:
            meetings_service.offer_freed_slot(actor=request.user, meeting=meeting, company=form.cleaned_data["company"])
        except ValidationError as error:
            _errors(request, error)
        else:
            messages.success(request, _("The freed slot was given to %(company)s.") % form.cleaned_data)
    else:
        messages.error(request, _("Choose a waiting company."))
    return _back(meeting.day, "programs:investment_board")


@permission_required("programs.manage_investment_day")
@require_POST
def investment_send(request, year: int):
    day = _day(year)
    if (page := confirmation_gate(request, investment_confirm.sending_confirmation(day))) is not None:
        return page
    meetings_service.order_schedule_emails(actor=request.user, day=day)
    messages.success(request, _("The schedules are being e-mailed to every company and investor."))
    return _back(day)
