"""Staff send a meeting's invitation and reminders, after a confirmation with preview and test send."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from alliance.core.confirm import RECIPIENTS, Confirmation, confirmation_gate, email_preview_response
from alliance.core.permissions import POST, permission_required
from alliance.governance.models import Meeting
from alliance.governance.services import invitations as service
from alliance.governance.views.meetings import error_text

PERMISSION = "governance.manage_meetings"


def _meeting(pk: int) -> Meeting:
    return get_object_or_404(Meeting.objects.select_related("body"), pk=pk)


def _name(seat) -> str:
    observer = _(" (observer)") if seat.is_observer else ""
    return f"{seat.person.name} ({seat.person.affiliation}){observer}"


def invitation_confirmation(meeting: Meeting) -> Confirmation:
    seats = service.invitable_seats(meeting)
    missing = [seat for seat in service.meeting_seats(meeting) if not seat.person.email]
    warnings = []
    if missing:
        warnings.append(
            _("No e-mail address, not invited: %(names)s.") % {"names": ", ".join(s.person.name for s in missing)}
        )
    if not meeting.agenda_items.exists():
        warnings.append(_("The meeting has no agenda yet: the e-mail will carry no timetable."))
    sample = seats[0] if seats else None
    return Confirmation(
        title=_("Send the invitation"),
        summary=_(
            "Each seat holder below receives the invitation with the timetable, a personal link to answer and "
            "the meeting's calendar file. Sending again after a change repeats the same links."
        ),
        count=len(seats),
        unit=RECIPIENTS,
        names=[_name(seat) for seat in seats],
        warnings=warnings,
        refusals=service.invitation_refusals(meeting),
        cancel_url=reverse("governance:meeting_detail", args=[meeting.pk]),
        confirm_label=_("Send the invitation"),
        preview_url=reverse("governance:meeting_invite_preview", args=[meeting.pk]),
        sample_email=(lambda: service.sample_meeting_email(meeting=meeting, kind=service.INVITE, seat=sample))
        if sample
        else None,
    )


def reminder_confirmation(meeting: Meeting) -> Confirmation:
    waiting = service.seats_to_remind(meeting)
    refusals = [r for r in service.invitation_refusals(meeting) if service.has_started(meeting)]
    if not waiting:
        refusals.append(_("Every invited seat holder has answered: there is nobody to remind."))
    sample = waiting[0].seat if waiting else None
    return Confirmation(
        title=_("Remind those who have not answered"),
        summary=_("Each seat holder below receives the invitation's link again."),
        count=len(waiting),
        unit=RECIPIENTS,
        names=[_name(invitation.seat) for invitation in waiting],
        refusals=refusals,
        cancel_url=reverse("governance:meeting_detail", args=[meeting.pk]),
        confirm_label=_("Send the reminders"),
        preview_url=reverse("governance:meeting_invite_preview", args=[meeting.pk]) + "?kind=remind",
        sample_email=(lambda: service.sample_meeting_email(meeting=meeting, kind=service.REMIND, seat=sample))
        if sample
        else None,
    )


@permission_required(PERMISSION, methods=POST)
def meeting_invite(request, pk: int):
    meeting = _meeting(pk)
    if (page := confirmation_gate(request, invitation_confirmation(meeting))) is not None:
        return page
    try:
        count = service.invite(actor=request.user, meeting=meeting)
    except ValidationError as error:
        messages.error(request, error_text(error))
    else:
        messages.success(request, _("The invitation is being sent to %(count)s seat holders.") % {"count": count})
    return redirect(reverse("governance:meeting_detail", args=[pk]) + "#replies")


@permission_required(PERMISSION, methods=POST)
def meeting_remind(request, pk: int):
    meeting = _meeting(pk)
    if (page := confirmation_gate(request, reminder_confirmation(meeting))) is not None:
        return page
    try:
        count = service.remind(actor=request.user, meeting=meeting)
    except ValidationError as error:
        messages.error(request, error_text(error))
    else:
        messages.success(request, _("A reminder is being sent to %(count)s seat holders.") % {"count": count})
    return redirect(reverse("governance:meeting_detail", args=[pk]) + "#replies")


@permission_required(PERMISSION)
@require_GET
def meeting_invite_preview(request, pk: int):
    meeting = _meeting(pk)
    seat = next(iter(service.meeting_seats(meeting)), None)
    kind = service.REMIND if request.GET.get("kind") == "remind" else service.INVITE
    if seat is None:
        raise Http404
    return email_preview_response(service.sample_meeting_email(meeting=meeting, kind=kind, seat=seat))
