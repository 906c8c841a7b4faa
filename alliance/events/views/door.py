"""The door: staff's phone-sized check-in page (scan a ticket's QR code, or find a name and press once), walk-ins,
the arrival counter the page polls, attendance by kind of organisation afterwards (page and XLSX) and the name
badges (PDF). Every page is the secretariat's (`events.check_in`)."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from alliance.core.downloads import PDF, XLSX, file_response
from alliance.core.permissions import POST, permission_required
from alliance.core.spreadsheets import table_xlsx
from alliance.events import badges
from alliance.events.forms.door import GuestSearchForm, WalkInForm
from alliance.events.models import Event, Registration
from alliance.events.queries import door
from alliance.events.services import checkin

CHECK_IN = "events.check_in"
RECENT_EVENTS = 30


def _event(pk: int) -> Event:
    return get_object_or_404(Event, pk=pk)


@permission_required(CHECK_IN)
def door_index(request):
    """The events, soonest first from today then the past, each with its door pages."""
    today = timezone.localdate()
    coming = list(Event.objects.filter(date__gte=today).order_by("date", "starts_at", "pk")[:RECENT_EVENTS])
    past = list(Event.objects.filter(date__lt=today).order_by("-date", "-starts_at", "pk")[:RECENT_EVENTS])
    return render(request, "events/door/index.html", {"coming": coming, "past": past, "today": today})


@permission_required(CHECK_IN)
def check_in_page(request, pk: int):
    event = _event(pk)
    return render(
        request,
        "events/door/check_in.html",
        {"event": event, "arrivals": door.arrivals(event), "search_form": GuestSearchForm()},
    )


def _result(request, event: Event, result: checkin.CheckIn):
    registration = result.registration
    response = render(
        request,
        "events/door/_result.html",
        {
            "event": event,
            "result": result,
            "guest": registration if registration is not None and registration.event_id == event.pk else None,
            "organisation": door.organisation_of(registration) if registration is not None else "",
        },
    )
    response["HX-Trigger"] = "checked-in"  # the counter on the page refreshes at once (htmx)
    return response


@permission_required(CHECK_IN, methods=POST)
def check_in_scan(request, pk: int):
    """The scanner posts what it read (`ticket`); the answer is the result fragment."""
    event = _event(pk)
    result = checkin.check_in_ticket(event=event, ticket=request.POST.get("ticket", ""), actor=request.user)
    return _result(request, event, result)


@permission_required(CHECK_IN, methods=POST)
def check_in_guest(request, pk: int, registration: int):
    """One press on a name found on the list."""
    event = _event(pk)
    guest = get_object_or_404(
        Registration.objects.select_related("event", "organisation"), pk=registration, event=event
    )
    return _result(request, event, checkin.check_in_registration(event=event, registration=guest, actor=request.user))


@permission_required(CHECK_IN)
def guest_search(request, pk: int):
    event = _event(pk)
    form = GuestSearchForm(request.GET)
    text = form.cleaned_data["q"] if form.is_valid() else ""
    guests = door.search_guests(event, text)
    rows = [(guest, door.organisation_of(guest)) for guest in guests]
    return render(request, "events/door/_search.html", {"event": event, "rows": rows, "searched": bool(text)})


@permission_required(CHECK_IN)
def arrival_counter(request, pk: int):
    event = _event(pk)
    return render(request, "events/door/_counter.html", {"event": event, "arrivals": door.arrivals(event)})


@permission_required(CHECK_IN)
def walk_in(request, pk: int):
    event = _event(pk)
    form = WalkInForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            guest = checkin.register_walk_in(event=event, actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            for message in error.messages:
                form.add_error(None, message)
        else:
            messages.success(request, _("%(name)s registered at the door and checked in.") % {"name": guest.name})
            return redirect("events:check_in", pk=event.pk)
    return render(request, "events/door/walk_in.html", {"event": event, "form": form})


@permission_required(CHECK_IN)
def attendance(request, pk: int):
    event = _event(pk)
    rows = door.attendance_by_type(event)
    return render(request, "events/door/attendance.html", {"event": event, "rows": rows[:-1], "total": rows[-1]})


def _attendance_rows(event: Event) -> list[list]:
    rows = door.attendance_by_type(event)
    table = [[row.label, row.registered, row.attended, row.absent, row.walk_ins] for row in rows[:-1]]
    total = rows[-1]
    return [*table, [_("Total"), total.registered, total.attended, total.absent, total.walk_ins]]


@permission_required(CHECK_IN)
def attendance_xlsx(request, pk: int):
    event = _event(pk)
    headers = [_("Kind of organisation"), _("Registered"), _("Attended"), _("Did not come"), _("Walk-ins")]
    content = table_xlsx(headers, _attendance_rows(event), title=_("Attendance"))
    filename = _("Attendance %(event)s.xlsx") % {"event": event.title}
    return file_response(content, filename=filename, content_type=XLSX, no_store=True)


@permission_required(CHECK_IN)
def badges_pdf(request, pk: int):
    """The confirmed guests' badges: `?layout=sheet` on A4 label sheets (2 × 4), else one A6 badge per page."""
    event = _event(pk)
    records = [
        badges.Badge(
            name=guest.name, organisation=door.organisation_of(guest), title=guest.job_title, event=event.title
        )
        for guest in door.badge_holders(event)
    ]
    if request.GET.get("layout") == "sheet":
        content = badges.sheet_pdf(records, title=event.title)
        filename = _("Name badges (label sheets) %(event)s.pdf") % {"event": event.title}
    else:
        content = badges.a6_pdf(records, title=event.title)
        filename = _("Name badges (A6) %(event)s.pdf") % {"event": event.title}
    return file_response(content, filename=filename, content_type=PDF, inline=True, no_store=True)
