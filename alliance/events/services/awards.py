"""The results-sharing day's award list and IR pitching order.

Rule (awards): the competition's winners are taken over from the final ranking of the event's year once its
results are released, each once (`winner` unique per event), after the awards already listed, with the award
name and its presenter as the programme's setup names them; staff add the other awards (유공단체 표창, 자율규제
우수사업자 …) with a category, an award name and a recipient, and remove any. Rule (pitching): the order is
saved whole: the chosen groups in the order given, back to back from the start time, `slot_minutes` each, in
one room; saving again replaces the order.
Side effects: EventAward and PitchSlot rows; audit `events.award.*`, `events.pitching.planned`.
"""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from alliance.core.audit import record_audit, snapshot
from alliance.events.models import Event, EventAward, PitchSlot
from alliance.events.models.awards import SLOT_MINUTES_MAX
from alliance.events.queries.awards import pitch_candidates, presenters_of, programme_of, released_winners

AWARD_FIELDS = ("category", "award_name", "presented_by", "recipient", "position")


def _next_position(event: Event) -> int:
    return (EventAward.objects.filter(event=event).aggregate(last=Max("position"))["last"] or 0) + 1


def import_competition_winners(*, event: Event, actor) -> list[EventAward]:
    """List the released winners not listed yet (the rule above); returns the awards added."""
    winners = released_winners(event)
    if not winners:
        raise ValidationError(
            _("The competition of %(year)s has no released results yet.") % {"year": event.date.year}, code="none"
        )
    presenters = presenters_of(programme_of(event))
    with transaction.atomic():
        event = Event.objects.select_for_update().get(pk=event.pk)
        listed = set(EventAward.objects.filter(event=event, winner__isnull=False).values_list("winner_id", flat=True))
        position = _next_position(event)
        added = []
        for winner in winners:
            if winner.pk in listed:
                continue
            award_name = winner.award_name or _("%(track)s, place %(place)s") % {
                "track": winner.track.name,
                "place": winner.place,
            }
            added.append(
                EventAward.objects.create(
                    event=event,
                    category=EventAward.Category.COMPETITION,
                    award_name=award_name,
                    presented_by=presenters.get((winner.track_id, winner.award_name), ""),
                    recipient=f"{winner.group.name} ({winner.group.lead.name})",
                    organisation=winner.group.lead,
                    winner=winner,
                    position=position,
                    created_by=actor,
                )
            )
            position += 1
        if added:
            record_audit(
                action="events.award.imported",
                target=event,
                actor=actor,
                after={"awards": [award.recipient for award in added]},
            )
    return added


def add_award(
    *, event: Event, actor, category: str, award_name: str, recipient: str, presented_by: str = "", organisation=None
) -> EventAward:
    """An award staff enter, listed last."""
    award_name, recipient = award_name.strip(), recipient.strip()
    if category not in EventAward.Category.values:
        raise ValidationError(_("Choose the award's category."), code="category")
    if not award_name or not recipient:
        raise ValidationError(_("Write the award and its recipient."), code="required")
    with transaction.atomic():
        event = Event.objects.select_for_update().get(pk=event.pk)
        award = EventAward.objects.create(
            event=event,
            category=category,
            award_name=award_name,
            presented_by=presented_by.strip(),
            recipient=recipient,
            organisation=organisation,
            position=_next_position(event),
            created_by=actor,
        )
        record_audit(action="events.award.added", target=award, actor=actor, after=snapshot(award, AWARD_FIELDS))
    return award


def remove_award(*, award: EventAward, actor) -> None:
    with transaction.atomic():
        record_audit(action="events.award.removed", target=award, actor=actor, before=snapshot(award, AWARD_FIELDS))
        award.delete()


def plan_pitching(
    *,
    event: Event,
    actor,
    group_ids: list[int],
    starts_at: datetime.time,
    slot_minutes: int,
    room: str = "",
) -> list[PitchSlot]:
    """Save the IR pitching order (the rule above): `group_ids` in pitching order, each a group still in the
    event's competition."""
    if not 1 <= slot_minutes <= SLOT_MINUTES_MAX:
        raise ValidationError(_("A slot lasts 1 to %(max)s minutes.") % {"max": SLOT_MINUTES_MAX}, code="minutes")
    if len(set(group_ids)) != len(group_ids):
        raise ValidationError(_("Each group pitches once."), code="twice")
    groups = {group.pk: group for group in pitch_candidates(event)}
    if any(pk not in groups for pk in group_ids):
        raise ValidationError(_("Only groups still in the competition pitch."), code="group")
    start = datetime.datetime.combine(event.date, starts_at)
    if start + datetime.timedelta(minutes=slot_minutes * len(group_ids)) > datetime.datetime.combine(
        event.date + datetime.timedelta(days=1), datetime.time.min
    ):
        raise ValidationError(
            _("The pitching would run past midnight: start earlier or shorten the slots."), code="late"
        )
    with transaction.atomic():
        event = Event.objects.select_for_update().get(pk=event.pk)
        PitchSlot.objects.filter(event=event).delete()
        slots = PitchSlot.objects.bulk_create(
            PitchSlot(
                event=event,
                position=index + 1,
                group=groups[pk],
                presenter=f"{groups[pk].name} ({groups[pk].lead.name})",
                starts_at=(start + datetime.timedelta(minutes=slot_minutes * index)).time(),
                minutes=slot_minutes,
                room=room.strip(),
            )
            for index, pk in enumerate(group_ids)
        )
        record_audit(
            action="events.pitching.planned",
            target=event,
            actor=actor,
            after={
                "order": [slot.presenter for slot in slots],
                "starts_at": starts_at.strftime("%H:%M"),
                "slot_minutes": slot_minutes,
                "room": room.strip(),
            },
        )
    return slots
