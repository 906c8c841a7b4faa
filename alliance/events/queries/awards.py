"""Reads of the results-sharing day's awards and IR pitching order, and what they are taken from: the
competition of the event's year (programs) — its winners once the final results are released, and its groups
still in the competition (those who pitch)."""

import datetime

from alliance.events.models import EventAward, PitchSlot
from alliance.programs.models import Award, Panel, Programme, ProjectGroup, Winner
from alliance.programs.queries import groups_going_on, programme_for_year
from alliance.programs.queries.support import winners_with_grants


def programme_of(event) -> Programme | None:
    """The competition whose year is the event's."""
    return programme_for_year(event.date.year)


def released_winners(event) -> list[Winner]:
    """The winners of the final ranking of the event's year, in track and place order, once the results are
    released (before that, none: an award list must not announce them early)."""
    programme = programme_of(event)
    if programme is None:
        return []
    panel = Panel.objects.filter(programme=programme, kind=Panel.Kind.FINAL, released_at__isnull=False).first()
    return winners_with_grants(panel) if panel is not None else []


def presenters_of(programme: Programme) -> dict[tuple[int, str], str]:
    """(track id, award name) → who presents it (과기정통부 장관상 …), as the programme's setup says."""
    return {
        (track_id, name): presented_by
        for track_id, name, presented_by in Award.objects.filter(track__programme=programme).values_list(
            "track_id", "name", "presented_by"
        )
    }


def awards_of(event) -> list[EventAward]:
    return list(
        EventAward.objects.filter(event=event).select_related("organisation", "winner").order_by("position", "pk")
    )


def pitch_candidates(event) -> list[ProjectGroup]:
    """The groups of the event's competition still in it after the document screening, by track and name."""
    programme = programme_of(event)
    if programme is None:
        return []
    return list(
        groups_going_on(programme.pk).select_related("track", "lead").order_by("track__position", "track__code", "name")
    )


def pitch_slots(event) -> list[PitchSlot]:
    return list(PitchSlot.objects.filter(event=event).select_related("group").order_by("position"))


def slot_end(slot: PitchSlot) -> datetime.time:
    start = datetime.datetime.combine(datetime.date.min, slot.starts_at)
    return (start + datetime.timedelta(minutes=slot.minutes)).time()
