"""Staff record the attendance on the day (phone-friendly) and the decisions taken (the `meetings` area)."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from alliance.core.permissions import permission_required
from alliance.governance.forms.meetings import DecisionForm
from alliance.governance.models import AttendanceStatus, Body, Meeting, MeetingFormat, ReplyAnswer
from alliance.governance.queries.attendance import attendance_table
from alliance.governance.queries.meetings import meeting_seats
from alliance.governance.services.attendance import GuestEntry, SeatAttendance, record_attendance
from alliance.governance.services.decisions import eligible_voters, record_decision
from alliance.governance.views.meetings import error_text

GUEST_ROWS = 3
FROM_REPLY = {
    ReplyAnswer.ATTENDING: AttendanceStatus.PRESENT,
    ReplyAnswer.ABSENT: AttendanceStatus.ABSENT,
    ReplyAnswer.SUBSTITUTE: AttendanceStatus.SUBSTITUTE,
}


def _meeting(pk: int) -> Meeting:
    return get_object_or_404(Meeting.objects.select_related("body"), pk=pk)


def _initial(row, meeting: Meeting) -> dict:
    """What a seat's row shows: the recorded attendance, else the seat holder's reply."""
    if row.attendance is not None:
        a = row.attendance
        return {"status": a.status, "online": a.online, "name": a.substitute_name, "title": a.substitute_title}
    if row.reply is not None:
        r = row.reply
        status = FROM_REPLY[r.answer]
        return {
            "status": status,
            "online": meeting.format == MeetingFormat.ONLINE and status != AttendanceStatus.ABSENT,
            "name": r.substitute_name,
            "title": r.substitute_title,
        }
    return {"status": "", "online": meeting.format == MeetingFormat.ONLINE, "name": "", "title": ""}


def _posted(request, table) -> tuple[list[SeatAttendance], list[GuestEntry]]:
    post = request.POST
    entries = []
    for row in [*table.rows, *table.observers]:
        pk = row.seat.pk
        status = post.get(f"status_{pk}", "") or AttendanceStatus.ABSENT
        entries.append(
            SeatAttendance(
                seat_id=pk,
                status=status,
                online=post.get(f"online_{pk}") == "1",
                substitute_name=post.get(f"name_{pk}", "")[:100],
                substitute_title=post.get(f"title_{pk}", "")[:100],
            )
        )
    guests = [
        GuestEntry(name=name[:100], affiliation=aff[:200], title=title[:100])
        for name, aff, title in zip(
            post.getlist("guest_name"), post.getlist("guest_affiliation"), post.getlist("guest_title"), strict=False
        )
    ]
    return entries, guests


@permission_required("governance.manage_meetings")
def meeting_attendance(request, pk: int):
    meeting = _meeting(pk)
    table = attendance_table(meeting)
    if request.method == "POST":
        entries, guests = _posted(request, table)
        try:
            record_attendance(actor=request.user, meeting=meeting, entries=entries, guests=guests)
        except ValidationError as error:
            messages.error(request, error_text(error))
        else:
            messages.success(request, _("The attendance was saved."))
            return redirect(reverse("governance:meeting_detail", args=[pk]) + "#attendance")
    rows = [(row, _initial(row, meeting)) for row in [*table.rows, *table.observers]]
    guests = [*table.guests, *([None] * GUEST_ROWS)]
    context = {
        "meeting": meeting,
        "rows": rows,
        "guests": guests,
        "table": table if meeting.attendance_recorded_at else None,
        "statuses": AttendanceStatus.choices,
    }
    return render(request, "governance/meetings/attendance.html", context)


@permission_required("governance.manage_meetings")
def decision_add(request, pk: int):
    meeting = _meeting(pk)
    seats = meeting_seats(meeting).filter(is_observer=False)
    bodies = Body.objects.filter(year__in=[meeting.body.year, meeting.body.year + 1])
    form = DecisionForm(request.POST or None, meeting=meeting, seats=seats, bodies=bodies)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            record_decision(
                actor=request.user,
                meeting=meeting,
                motion=data["motion"],
                method=data["method"],
                outcome=data["outcome"],
                effect=data["effect"],
                agenda_item=data["agenda_item"],
                votes_for=data["votes_for"] or 0,
                votes_against=data["votes_against"] or 0,
                abstentions=data["abstentions"] or 0,
                seats=data["seats"],
                bodies=data["bodies"],
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The decision was recorded."))
            return redirect(reverse("governance:meeting_detail", args=[pk]) + "#decisions")
    context = {
        "meeting": meeting,
        "form": form,
        "eligible": eligible_voters(meeting) if meeting.attendance_recorded_at else None,
    }
    return render(request, "governance/meetings/decision_form.html", context)
