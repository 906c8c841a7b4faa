"""The secretariat's pages: the events, one event's edit form and publishing, its programme (rows in
parallel rooms, speakers, the MC on the event form), its registration questions, registrations and guests."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Count, Q
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from alliance.core.permissions import POST, permission_required
from alliance.core.versions import LOADED_FIELD, StaleEditError
from alliance.events import queries
from alliance.events.forms import EventForm, GuestInviteForm, ProgrammeRowForm, QuestionForm, SpeakerForm
from alliance.events.models import Event, ProgrammeRow, Question, Registration, Speaker
from alliance.events.services import events as event_services
from alliance.events.services import guests, registration
from alliance.events.views.common import error_text

MANAGE = "events.manage_event"


def _data(form) -> dict:
    return {name: value for name, value in form.cleaned_data.items() if name != LOADED_FIELD}


@permission_required(MANAGE)
def event_list(request):
    events = Event.objects.annotate(
        confirmed=Count("registrations", filter=Q(registrations__status=Registration.Status.CONFIRMED)),
        waiting=Count("registrations", filter=Q(registrations__status=Registration.Status.WAITING)),
    )
    return render(request, "events/staff/list.html", {"events": events})


@permission_required(MANAGE)
def event_create(request):
    form = EventForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            event = event_services.create_event(values=_data(form), actor=request.user)
        except ValidationError as error:
            messages.error(request, error_text(error))
        else:
            messages.success(request, _("Event created. Add its programme, then publish it."))
            return redirect("events:staff_edit", pk=event.pk)
    return render(request, "events/staff/edit.html", {"form": form, "event": None})


@permission_required(MANAGE)
def event_edit(request, pk: int):
    event = get_object_or_404(Event, pk=pk)
    form = EventForm(request.POST or None, instance=event)
    if request.method == "POST" and form.is_valid():
        try:
            event_services.update_event(
                event=event, values=_data(form), actor=request.user, expected_version=form.loaded_version
            )
        except StaleEditError as error:
            form.stale(error)
        except ValidationError as error:
            messages.error(request, error_text(error))
        else:
            messages.success(request, _("Event saved."))
            return redirect("events:staff_edit", pk=event.pk)
    return render(request, "events/staff/edit.html", {"form": form, "event": event})


@permission_required(MANAGE, methods=POST)
def event_publish(request, pk: int):
    event = get_object_or_404(Event, pk=pk)
    publish = request.POST.get("publish", "1") == "1"
    try:
        event_services.set_published(event=event, published=publish, actor=request.user)
    except ValidationError as error:
        messages.error(request, error_text(error))
    else:
        messages.success(request, _("Event published.") if publish else _("Event withdrawn from the public pages."))
    return redirect("events:staff_edit", pk=event.pk)


@permission_required(MANAGE)
def programme(request, pk: int):
    event = get_object_or_404(Event, pk=pk)
    form = ProgrammeRowForm(request.POST or None, version=event.version)
    if request.method == "POST" and form.is_valid():
        try:
            event_services.save_row(event=event, row=None, values=_data(form), actor=request.user)
        except ValidationError as error:
            messages.error(request, error_text(error))
        else:
            messages.success(request, _("Programme row added."))
            return redirect("events:staff_programme", pk=event.pk)
    rows = event.programme_rows.prefetch_related("speakers")
    return render(request, "events/staff/programme.html", {"event": event, "rows": rows, "form": form})


@permission_required(MANAGE)
def programme_row(request, pk: int):
    row = get_object_or_404(ProgrammeRow.objects.select_related("event"), pk=pk)
    event = row.event
    adding_speaker = "add_speaker" in request.POST
    form = ProgrammeRowForm(None if adding_speaker else request.POST or None, instance=row, version=event.version)
    speaker_form = SpeakerForm(request.POST if adding_speaker else None, prefix="speaker", version=event.version)
    if request.method == "POST":
        try:
            if adding_speaker and speaker_form.is_valid():
                event_services.save_speaker(row=row, speaker=None, values=_data(speaker_form), actor=request.user)
                messages.success(request, _("Speaker added."))
                return redirect("events:staff_row", pk=row.pk)
            if not adding_speaker and form.is_valid():
                event_services.save_row(
                    event=event,
                    row=row,
                    values=_data(form),
                    actor=request.user,
                    expected_version=form.loaded_version,
                )
                messages.success(request, _("Programme row saved."))
                return redirect("events:staff_programme", pk=event.pk)
        except StaleEditError as error:
            form.stale(error)
        except ValidationError as error:
            messages.error(request, error_text(error))
    context = {"event": event, "row": row, "form": form, "speaker_form": speaker_form, "speakers": row.speakers.all()}
    return render(request, "events/staff/row.html", context)


@permission_required(MANAGE, methods=POST)
def programme_row_delete(request, pk: int):
    row = get_object_or_404(ProgrammeRow.objects.select_related("event"), pk=pk)
    event_services.delete_row(row=row, actor=request.user)
    messages.success(request, _("Programme row deleted."))
    return redirect("events:staff_programme", pk=row.event_id)


@permission_required(MANAGE, methods=POST)
def speaker_delete(request, pk: int):
    speaker = get_object_or_404(Speaker.objects.select_related("row__event"), pk=pk)
    event_services.delete_speaker(speaker=speaker, actor=request.user)
    messages.success(request, _("Speaker removed."))
    return redirect("events:staff_row", pk=speaker.row_id)


@permission_required(MANAGE)
def questions(request, pk: int):
    event = get_object_or_404(Event, pk=pk)
    form = QuestionForm(request.POST or None, version=event.version)
    if request.method == "POST" and form.is_valid():
        event_services.save_question(event=event, question=None, values=_data(form), actor=request.user)
        messages.success(request, _("Question added."))
        return redirect("events:staff_questions", pk=event.pk)
    return render(
        request, "events/staff/questions.html", {"event": event, "questions": event.questions.all(), "form": form}
    )


@permission_required(MANAGE, methods=POST)
def question_delete(request, pk: int):
    question = get_object_or_404(Question.objects.select_related("event"), pk=pk)
    event_services.delete_question(question=question, actor=request.user)
    messages.success(request, _("Question deleted."))
    return redirect("events:staff_questions", pk=question.event_id)


@permission_required(MANAGE)
def registrations(request, pk: int):
    event = get_object_or_404(Event, pk=pk)
    form = GuestInviteForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            guests.invite_guest(event=event, actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            form.add_error("email", error_text(error))
        else:
            messages.success(request, _("Invitation sent."))
            return redirect("events:staff_registrations", pk=event.pk)
    context = {
        "event": event,
        "form": form,
        "registrations": event.registrations.select_related("organisation").order_by("sequence"),
        "invitations": event.guest_invitations.select_related("registration"),
        "attendance": queries.attendance(event),
    }
    return render(request, "events/staff/registrations.html", context)


@permission_required(MANAGE, methods=POST)
def registration_cancel(request, pk: int):
    item = get_object_or_404(Registration, pk=pk)
    try:
        moved = registration.cancel(registration=item, actor=request.user)
    except ValidationError as error:
        messages.error(request, error_text(error))
    else:
        messages.success(
            request,
            _("Registration cancelled.") + (" " + _("The first on the waiting list moved up.") if moved else ""),
        )
    return redirect("events:staff_registrations", pk=item.event_id)
