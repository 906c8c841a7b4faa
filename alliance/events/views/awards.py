"""The results-sharing day's award list (the competition's winners taken over, other awards staff enter) and
the IR pitching order, for the secretariat (`events.manage_awards`)."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from alliance.core.permissions import POST, permission_required
from alliance.events.forms.awards import AwardForm, PitchingForm
from alliance.events.models import Event, EventAward
from alliance.events.queries import awards as queries
from alliance.events.services import awards as service

MANAGE = "events.manage_awards"


def _errors(request, error: ValidationError) -> None:
    for message in error.messages:
        messages.error(request, message)


@permission_required(MANAGE)
def award_list(request, pk: int):
    event = get_object_or_404(Event, pk=pk)
    form = AwardForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            service.add_award(event=event, actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            _errors(request, error)
        else:
            messages.success(request, _("Award added."))
            return redirect("events:awards", pk=event.pk)
    context = {
        "event": event,
        "awards": queries.awards_of(event),
        "form": form,
        "winners": len(queries.released_winners(event)),
        "slots": [(slot, queries.slot_end(slot)) for slot in queries.pitch_slots(event)],
    }
    return render(request, "events/awards/list.html", context)


@permission_required(MANAGE, methods=POST)
def import_winners(request, pk: int):
    event = get_object_or_404(Event, pk=pk)
    try:
        added = service.import_competition_winners(event=event, actor=request.user)
    except ValidationError as error:
        _errors(request, error)
    else:
        messages.success(request, _("%(count)s winners of the competition listed.") % {"count": len(added)})
    return redirect("events:awards", pk=event.pk)


@permission_required(MANAGE, methods=POST)
def remove_award(request, pk: int, award: int):
    event = get_object_or_404(Event, pk=pk)
    service.remove_award(award=get_object_or_404(EventAward, pk=award, event=event), actor=request.user)
    messages.success(request, _("Award removed."))
    return redirect("events:awards", pk=event.pk)


@permission_required(MANAGE)
def pitching(request, pk: int):
    event = get_object_or_404(Event, pk=pk)
    groups = queries.pitch_candidates(event)
    form = PitchingForm(request.POST or None, groups=groups, slots=queries.pitch_slots(event))
    if request.method == "POST" and form.is_valid():
        try:
            service.plan_pitching(
                event=event,
                actor=request.user,
                group_ids=form.group_ids(),
                starts_at=form.cleaned_data["starts_at"],
                slot_minutes=form.cleaned_data["slot_minutes"],
                room=form.cleaned_data["room"],
            )
        except ValidationError as error:
            _errors(request, error)
        else:
            messages.success(request, _("IR pitching order saved."))
            return redirect("events:awards", pk=event.pk)
    return render(request, "events/awards/pitching.html", {"event": event, "form": form, "groups": groups})
