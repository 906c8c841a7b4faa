"""The meeting page (staff and the body's seat holders) and the staff's meeting form (the `meetings` area)."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from alliance.core.bounds import parse_year
from alliance.core.permissions import permission_required, require_object_permission
from alliance.core.versions import StaleEditError
from alliance.governance.forms.meetings import MeetingForm, NewMeetingForm, ReplyForm
from alliance.governance.models import Body, Meeting
from alliance.governance.queries import meetings as queries
from alliance.governance.queries.attendance import attendance_table
from alliance.governance.queries.replies import reply_summary
from alliance.governance.services import meetings as service
from alliance.governance.timetable import compute_timetable, headings


def error_text(error: ValidationError) -> str:
    return " ".join(error.messages)


def visible_meeting(user, pk: int) -> Meeting:
    try:
        meeting = queries.meeting_for_page(pk)
    except Meeting.DoesNotExist:
        raise Http404 from None
    require_object_permission(user, "governance.view_meeting", meeting)
    return meeting


def timetable_of(meeting: Meeting):
    items = list(meeting.agenda_items.all())
    return compute_timetable(meeting.starts_at, items) if meeting.starts_at else []


@permission_required("governance.manage_meetings")
def meeting_list(request):
    """Staff: every body's meetings of a year (the latest year by default), to prepare and follow them."""
    years = queries.meeting_years()
    year = parse_year(request.GET.get("year")) or (years[0] if years else None)
    context = {"years": years, "year": year, "bodies": queries.bodies_with_meetings(year) if year else []}
    return render(request, "governance/meetings/list.html", context)


@permission_required("governance.view_meeting", object_level=True)
def meeting_detail(request, pk: int):
    meeting = visible_meeting(request.user, pk)
    staff = request.user.has_perm("governance.manage_meetings")
    own_seats = list(queries.user_seats(request.user, meeting).select_related("person"))
    replies = queries.replies_by_seat(meeting)
    own_replies = [
        {"seat": seat, "reply": replies.get(seat.pk), "form": ReplyForm(prefix=f"seat{seat.pk}")} for seat in own_seats
    ]
    context = {
        "meeting": meeting,
        "staff": staff,
        "timetable": timetable_of(meeting),
        "headings": headings(),
        "items": list(meeting.agenda_items.all()),
        "own_replies": own_replies,
        "may_reply": bool(own_seats) and not queries.has_started(meeting),
        "summary": reply_summary(meeting) if staff else None,
        "attendance": attendance_table(meeting) if meeting.attendance_recorded_at else None,
        "decisions": list(meeting.decisions.all()),
    }
    return render(request, "governance/meetings/detail.html", context)


@permission_required("governance.manage_meetings")
def meeting_create(request, pk: int):
    body = get_object_or_404(Body, pk=pk)
    next_number = (body.meetings.order_by("-number").values_list("number", flat=True).first() or 0) + 1
    form = NewMeetingForm(request.POST or None, initial={"number": next_number})
    if request.method == "POST" and form.is_valid():
        data = {k: v for k, v in form.cleaned_data.items() if k != "number"}
        try:
            meeting = service.create_meeting(
                actor=request.user, body=body, number=form.cleaned_data["number"], data=data
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The meeting was created. Add its agenda next."))
            return redirect("governance:meeting_detail", pk=meeting.pk)
    return render(request, "governance/meetings/form.html", {"form": form, "body": body, "meeting": None})


@permission_required("governance.manage_meetings")
def meeting_edit(request, pk: int):
    meeting = get_object_or_404(Meeting.objects.select_related("body"), pk=pk)
    form = MeetingForm(request.POST or None, instance=meeting)
    if request.method == "POST" and form.is_valid():
        try:
            service.update_meeting(
                actor=request.user,
                meeting=Meeting.objects.get(pk=pk),
                data=form.cleaned_data,
                expected_version=form.loaded_version,
            )
        except StaleEditError as error:
            form.stale(error)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The meeting was saved."))
            return redirect("governance:meeting_detail", pk=pk)
    return render(request, "governance/meetings/form.html", {"form": form, "body": meeting.body, "meeting": meeting})
