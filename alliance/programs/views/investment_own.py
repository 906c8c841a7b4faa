"""Investors' and companies' own investment-day pages: their schedule (and .ics), a company's requests, an
investor's declines and the interest recorded after each meeting. Only one's own: 404 otherwise."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from alliance.core import downloads
from alliance.core.permissions import permission_required
from alliance.core.versions import StaleEditError
from alliance.programs.forms.investment import DeclinesForm, InterestForm, RequestsForm
from alliance.programs.models import Meeting
from alliance.programs.queries import investment as queries
from alliance.programs.rules import investment as access
from alliance.programs.services import investment as service
from alliance.programs.services import investment_meetings as meetings_service


@permission_required("programs.view_own_meetings")
def my_meetings(request):
    context = {
        "meetings": queries.own_meetings(request.user),
        "desks": queries.own_desks(request.user),
        "companies": queries.own_companies(request.user),
    }
    return render(request, "programs/investment/my_meetings.html", context)


@permission_required("programs.view_own_meetings")
def my_meetings_ics(request, year: int):
    """The signed-in investor's or company's meetings of that year as an iCalendar file (Asia/Seoul); cancelled
    ones stay in it as cancelled, so a calendar that imported the file before drops them."""
    meetings = [m for m in queries.own_meetings(request.user, cancelled=True) if m.day.programme.year == year]
    meetings = [m for m in meetings if m.status != Meeting.Status.NO_SHOW]
    if not meetings or meetings[0].day.date is None:
        raise Http404
    for_desk = meetings[0].desk.user_id == request.user.pk
    body = meetings_service.calendar_file(day=meetings[0].day, meetings=meetings, for_desk=for_desk)
    return downloads.file_response(body, filename=f"investment-day-{year}.ics", content_type=downloads.ICS)


@permission_required("programs.request_meetings")
@require_http_methods(["GET", "POST"])
def my_investment_requests(request, year: int):
    """A company ranks the investors it wants to meet, until the day is scheduled."""
    company = access.own_company(request.user, year)
    desks = list(company.day.desks.all())
    form = RequestsForm(
        request.POST or None, desks=desks, initial=RequestsForm.initial_for(company), version=company.version
    )
    if request.method == "POST" and form.is_valid():
        try:
            service.set_requests(
                actor=request.user,
                company=company,
                desks=form.cleaned_data["desks"],
                expected_version=form.loaded_version,
            )
        except StaleEditError as error:
            form.stale(error)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Your requests were saved."))
            return redirect("programs:my_investment_requests", year=year)
    return render(request, "programs/investment/my_requests.html", {"company": company, "form": form})


@permission_required("programs.decline_companies")
@require_http_methods(["GET", "POST"])
def my_investment_declines(request, year: int):
    """An investor declines companies before scheduling."""
    desk = access.own_desk(request.user, year)
    companies = list(desk.day.companies.select_related("organisation"))
    declined = {str(pk) for pk in desk.declines.values_list("company_id", flat=True)}
    form = DeclinesForm(
        request.POST or None, companies=companies, initial={"declined": sorted(declined)}, version=desk.version
    )
    if request.method == "POST" and form.is_valid():
        chosen = [form.companies[key] for key in sorted(form.cleaned_data["declined"])]
        try:
            service.set_declines(actor=request.user, desk=desk, companies=chosen, expected_version=form.loaded_version)
        except StaleEditError as error:
            form.stale(error)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Saved."))
            return redirect("programs:my_investment_declines", year=year)
    requested = {r.company_id for r in desk.requests.all()}
    return render(request, "programs/investment/my_declines.html", {"desk": desk, "form": form, "requested": requested})


@permission_required("programs.record_interest", object_level=True)
@require_http_methods(["GET", "POST"])
def my_meeting_interest(request, pk: int):
    """After a meeting, the investor records the interest (kept for next year)."""
    meeting = access.desk_meeting(request.user, pk)
    form = InterestForm(
        request.POST or None, initial={"interest": meeting.interest or "medium", "note": meeting.interest_note}
    )
    if request.method == "POST" and form.is_valid():
        try:
            meetings_service.record_interest(actor=request.user, meeting=meeting, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Saved."))
            return redirect("programs:my_meetings")
    return render(request, "programs/investment/my_interest.html", {"meeting": meeting, "form": form})
