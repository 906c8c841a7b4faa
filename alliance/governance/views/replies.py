"""Seat holders answer an invitation (personal link or logged in), see their meetings, and subscribe to their
calendar feed (the `meetings` area)."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from alliance.core import downloads
from alliance.core.links import LinkGone
from alliance.core.permissions import POST, permission_required, personal_link, require_object_permission
from alliance.governance.calendar import calendar_file
from alliance.governance.forms.meetings import ReplyForm
from alliance.governance.models import Meeting, MeetingInvitation, Person
from alliance.governance.queries import meetings as queries
from alliance.governance.services import invitations
from alliance.governance.services.replies import record_reply
from alliance.governance.timetable import compute_timetable, headings


def _link_gone(request, *, status: int):
    return render(request, "governance/meetings/link_gone.html", {"status": status}, status=status)


def _reply(request, form: ReplyForm, *, actor, meeting: Meeting, seat) -> bool:
    """Record the form's answer; False (with the reason on the form) when it is refused."""
    if not form.is_valid():
        return False
    try:
        record_reply(
            actor=actor,
            meeting=meeting,
            seat=seat,
            answer=form.cleaned_data["answer"],
            substitute_name=form.cleaned_data.get("substitute_name", ""),
            substitute_title=form.cleaned_data.get("substitute_title", ""),
        )
    except ValidationError as error:
        form.add_error(None, error)
        return False
    messages.success(request, _("Thank you. Your answer was recorded; you may change it until the meeting starts."))
    return True


@personal_link
def meeting_reply_link(request, reply_token: str):
    """The invitation's personal link: no account; the token alone names one seat of one meeting."""
    try:
        invitation = invitations.invitation_for_token(reply_token)
    except MeetingInvitation.DoesNotExist:
        return _link_gone(request, status=404)
    except LinkGone:
        return _link_gone(request, status=410)
    meeting, seat = invitation.meeting, invitation.seat
    reply = meeting.replies.filter(seat=seat).first()
    initial = None
    if reply:
        initial = {field: getattr(reply, field) for field in ("answer", "substitute_name", "substitute_title")}
    form = ReplyForm(request.POST or None, initial=initial)
    if request.method == "POST" and _reply(request, form, actor=None, meeting=meeting, seat=seat):
        return redirect("governance:meeting_reply_link", reply_token=reply_token)
    items = list(meeting.agenda_items.order_by("order"))
    context = {
        "meeting": meeting,
        "seat": seat,
        "reply": reply,
        "form": form,
        "started": queries.has_started(meeting),
        "timetable": compute_timetable(meeting.starts_at, items) if meeting.starts_at else [],
        "headings": headings(),
    }
    return render(request, "governance/meetings/reply.html", context)


def _visible(request, pk: int) -> Meeting:
    meeting = get_object_or_404(Meeting.objects.select_related("body"), pk=pk)
    require_object_permission(request.user, "governance.reply_to_meeting", meeting)
    return meeting


@permission_required("governance.reply_to_meeting", object_level=True, methods=POST, scope=_visible)
def meeting_reply(request, pk: int):
    """A seat holder answers from the meeting page (for one of their seats in its body)."""
    meeting = _visible(request, pk)
    seat = queries.user_seats(request.user, meeting).filter(pk=request.POST.get("seat") or 0).first()
    if seat is None:
        raise Http404
    form = ReplyForm(request.POST, prefix=f"seat{seat.pk}")
    if not _reply(request, form, actor=request.user, meeting=meeting, seat=seat):
        reasons = [str(e) for errors in form.errors.values() for e in errors]
        messages.error(request, " ".join(reasons) or _("Your answer was not recorded."))
    return redirect(reverse("governance:meeting_detail", args=[pk]) + "#reply")


@permission_required("governance.view_own_meetings")
def my_meetings(request):
    """A seat holder's upcoming meetings, their answers, and the address of their calendar feed."""
    meetings = list(queries.upcoming_meetings_of(request.user))
    people = list(Person.objects.filter(user=request.user, seats__isnull=False).distinct())
    replies = {}
    for meeting in meetings:
        seat = queries.user_seats(request.user, meeting).first()
        replies[meeting.pk] = meeting.replies.filter(seat=seat).first() if seat else None
    rows = [(meeting, replies.get(meeting.pk)) for meeting in meetings]
    feeds = [invitations.feed_link(person) for person in people]
    return render(request, "governance/meetings/mine.html", {"rows": rows, "feeds": feeds})


@personal_link
def calendar_feed(request, feed_token: str):
    """A person's iCalendar feed of every meeting of the bodies they sat on (tokened URL, no login)."""
    try:
        person = invitations.person_for_feed_token(feed_token)
    except Person.DoesNotExist:
        raise Http404 from None
    meetings = queries.meetings_of_person(person)
    content = calendar_file(
        meetings,
        name=_("Metaverse Alliance meetings"),
        urls=lambda meeting: request.build_absolute_uri(reverse("governance:meeting_detail", args=[meeting.pk])),
    )
    return downloads.file_response(
        content, filename="meetings.ics", content_type=downloads.ICS, inline=True, no_store=True
    )
