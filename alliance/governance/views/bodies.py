"""The secretariat's governance pages: the year's bodies, a body's seats and participants, seat forms, the copy
of a year to the next; and the body page every permitted viewer shares."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from alliance.core.bounds import parse_year
from alliance.core.confirm import RECORDS, Confirmation, confirmation_gate
from alliance.core.permissions import POST, permission_required, require_object_permission
from alliance.core.versions import LOADED_FIELD, StaleEditError
from alliance.governance.forms.bodies import BodyForm, EndSeatForm, SeatEditForm, SeatForm, TermsPeriodForm
from alliance.governance.models import Body, BodyKind, Meeting, Position, Seat, Sector
from alliance.governance.queries import bodies as queries
from alliance.governance.services import bodies as service

MANAGE = "governance.manage_bodies"
UPCOMING_SHOWN = 20


def _year_asked(request) -> int:
    return parse_year(request.GET.get("year")) or queries.current_year()


@permission_required("governance.view_governance", methods=("GET",))
def home(request):
    year = _year_asked(request)
    period = TermsPeriodForm(request.GET or None)
    within = (period.cleaned_data.get("within") if period.is_valid() else None) or 60
    today = timezone.localdate()
    bodies = list(queries.bodies_of_year(year))
    context = {
        "year": year,
        "years": sorted({*queries.years(), year, today.year}, reverse=True),
        "bodies": bodies,
        "period": period,
        "within": within,
        "terms_ending": _terms_ending_rows(today, within),
        "upcoming": queries.upcoming_meetings(year, today, limit=UPCOMING_SHOWN),
        "undated": Meeting.objects.filter(body__year=year, date__isnull=True).count(),
        "planned_total": sum(body.meetings_planned for body in bodies),
        "held_total": sum(body.meetings_held for body in bodies),
        "meeting_links": _meeting_links_exist(),
    }
    return render(request, "governance/home.html", context)


def _terms_ending_rows(today, within: int) -> list[dict]:
    """Terms ending soon, one row per body and end date with the people's names joined: at a year's end nearly
    every term ends within weeks, and hundreds of rows would make the page slow and hard to read."""
    positions = dict(Position.choices)
    rows = queries.terms_ending(as_of=today, within_days=within).values_list(
        "body_id", "body__year", "body__name", "term_end", "person__name", "position"
    )
    grouped: dict[tuple, dict] = {}
    for body_id, year, name, term_end, person, position in rows:
        row = grouped.setdefault(
            (term_end, body_id), {"body_id": body_id, "body": f"{year} {name}", "term_end": term_end, "people": []}
        )
        row["people"].append(person if position == Position.MEMBER else f"{person}({positions.get(position, '')})")
    return [{**row, "count": len(row["people"]), "people": ", ".join(row["people"])} for row in grouped.values()]


def _meeting_links_exist() -> bool:
    """The meeting pages come from the meetings area; link to them once they exist."""
    try:
        reverse("governance:meeting_detail", args=(1,))
    except NoReverseMatch:
        return False
    return True


@permission_required(MANAGE)
def body_create(request):
    year = _year_asked(request)
    form = BodyForm(request.POST or None, year=year, initial={"kind": BodyKind.SUBCOMMITTEE, "meetings_planned": 3})
    if request.method == "POST" and form.is_valid():
        data = {name: value for name, value in form.cleaned_data.items() if name not in ("name", "kind", LOADED_FIELD)}
        body = service.create_body(
            year=year, name=form.cleaned_data["name"], kind=form.cleaned_data["kind"], by=request.user, **data
        )
        messages.success(request, _("Committee created."))
        return redirect("governance:body_detail", pk=body.pk)
    return render(request, "governance/body_form.html", {"form": form, "year": year, "body": None})


@permission_required(MANAGE)
def body_edit(request, pk):
    body = get_object_or_404(Body, pk=pk)
    form = BodyForm(request.POST or None, instance=body, year=body.year)
    if request.method == "POST" and form.is_valid():
        changes = {name: value for name, value in form.cleaned_data.items() if name != LOADED_FIELD}
        body.refresh_from_db()  # the form wrote into the instance; the service compares before and after
        try:
            service.update_body(body=body, by=request.user, expected_version=form.loaded_version, **changes)
        except StaleEditError as error:
            form.stale(error)
        else:
            messages.success(request, _("Saved."))
            return redirect("governance:body_detail", pk=body.pk)
    return render(request, "governance/body_form.html", {"form": form, "year": body.year, "body": body})


def _by_sector(seats) -> list[tuple[str, list[Seat]]]:
    groups = {sector: [] for sector in Sector.values}
    for seat in seats:
        groups.setdefault(seat.person.sector, []).append(seat)
    labels = dict(Sector.choices)
    return [(labels.get(sector, sector), rows) for sector, rows in groups.items() if rows]


@permission_required("governance.view_body", object_level=True)
def body_detail(request, pk):
    body = Body.objects.filter(pk=pk).first()
    require_object_permission(request.user, "governance.view_body", body)
    seats = list(queries.seats_of_body(body))
    manage = request.user.has_perm(MANAGE)
    organisation = getattr(request.user, "organisation", None)
    context = {
        "body": body,
        "members_by_sector": _by_sector([seat for seat in seats if not seat.is_observer]),
        "observers": [seat for seat in seats if seat.is_observer],
        "former": list(queries.former_seats_of_body(body)) if manage else [],
        "manage": manage,
        "participants": list(queries.participants(body))
        if request.user.has_perm("governance.view_participants")
        else None,
        "meetings": list(queries.meetings_of_body(body)),
        "meeting_links": _meeting_links_exist(),
        "may_join": request.user.has_perm("governance.join_subcommittee", body),
        "joined": bool(
            organisation and body.participations.filter(organisation=organisation, left_on__isnull=True).exists()
        ),
    }
    return render(request, "governance/body_detail.html", context)


@permission_required(MANAGE)
def seat_create(request, pk):
    body = get_object_or_404(Body, pk=pk)
    form = SeatForm(request.POST or None, body=body)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        person = data["person"] or service.find_or_create_person(
            name=data["name"],
            organisation=data["member"],
            affiliation=data["affiliation"],
            title=data["title"],
            sector=data["sector"],
            email=data["email"],
            by=request.user,
        )
        if body.seats.filter(person=person).exists():
            form.add_error("name", _("This person already has a seat on this committee."))
        else:
            service.add_seat(
                body=body,
                person=person,
                position=data["position"],
                term_start=data["term_start"],
                term_end=data["term_end"],
                is_observer=data["is_observer"],
                by=request.user,
            )
            messages.success(request, _("Seat added."))
            return redirect("governance:body_detail", pk=body.pk)
    return render(request, "governance/seat_form.html", {"form": form, "body": body, "seat": None})


@permission_required(MANAGE)
def seat_edit(request, pk):
    seat = get_object_or_404(Seat.objects.select_related("body", "person"), pk=pk)
    person = seat.person
    initial = {
        "position": seat.position,
        "term_start": seat.term_start,
        "term_end": seat.term_end,
        "is_observer": seat.is_observer,
        "title": person.title,
        "affiliation": person.affiliation,
        "sector": person.sector,
        "email": person.email,
    }
    form = SeatEditForm(request.POST or None, initial=initial, version=seat.version)
    end_form = EndSeatForm(initial={"ended_on": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            service.edit_seat(
                seat=seat,
                by=request.user,
                expected_version=form.loaded_version,
                person_changes={name: data[name] for name in ("title", "affiliation", "sector", "email")},
                seat_changes={name: data[name] for name in ("position", "term_start", "term_end", "is_observer")},
            )
        except StaleEditError as error:
            form.stale(error)
        else:
            messages.success(request, _("Saved."))
            return redirect("governance:body_detail", pk=seat.body_id)
    context = {"form": form, "end_form": end_form, "body": seat.body, "seat": seat}
    return render(request, "governance/seat_form.html", context)


@permission_required(MANAGE, methods=POST)
def seat_end(request, pk):
    seat = get_object_or_404(Seat.objects.select_related("body"), pk=pk, ended_on__isnull=True)
    form = EndSeatForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Give the day the member leaves the committee."))
        return redirect("governance:seat_edit", pk=seat.pk)
    service.end_seat(seat=seat, on=form.cleaned_data["ended_on"], by=request.user)
    messages.success(request, _("The member leaves the committee."))
    return redirect("governance:body_detail", pk=seat.body_id)


@permission_required(MANAGE, methods=POST)
def year_copy(request, body_year):
    year = body_year
    if not Body.objects.filter(year=year).exists():
        raise Http404
    plan = service.copy_plan(year)
    home_url = reverse("governance:home") + f"?year={year}"
    refusals = []
    if Body.objects.filter(year=year + 1).exists():
        refusals.append(_("%(year)s already has committees: nothing is copied.") % {"year": year + 1})
    confirmation = Confirmation(
        title=_("Start %(next)s as a copy of %(year)s") % {"next": year + 1, "year": year},
        summary=_(
            "Creates %(bodies)s committees, %(seats)s seats with terms a year later and %(meetings)s planned "
            "meetings without dates in %(next)s."
        )
        % {"bodies": plan.bodies, "seats": plan.seats, "meetings": plan.meetings, "next": year + 1},
        count=plan.bodies + plan.seats + plan.meetings,
        unit=RECORDS,
        cancel_url=home_url,
        refusals=refusals,
    )
    if (page := confirmation_gate(request, confirmation)) is not None:
        return page
    service.copy_year(year=year, by=request.user)
    messages.success(request, _("%(next)s starts as a copy of %(year)s.") % {"next": year + 1, "year": year})
    return redirect(reverse("governance:home") + f"?year={year + 1}")
