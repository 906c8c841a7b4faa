"""Staff's writes of an event: the event itself, publishing, the programme (rows, speakers) and the
registration questions.

Rule: only staff call these (the views declare `events.manage_event`). An event's edit form carries its
version (core.versions): a save over someone else's is refused with what changed. Raising the capacity
moves the waiting list up at once (services.registration.fill_places). Publishing needs a venue or an
online link.
Side effects: one audit entry per write; e-mails to whoever moves up.
"""

from collections.abc import Mapping

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from alliance.core.audit import changed, record_audit, snapshot
from alliance.core.versions import bump_version, check_version
from alliance.events.models import Event, ProgrammeRow, Question, Speaker
from alliance.events.services.registration import fill_places, locked_event

EVENT_FIELDS = (
    "title",
    "kind",
    "summary",
    "date",
    "starts_at",
    "ends_at",
    "venue_name",
    "venue_address",
    "online_url",
    "host",
    "organiser",
    "sponsor",
    "mc_name",
    "mc_title",
    "capacity",
    "registration_opens_at",
    "registration_closes_at",
    "open_to_members",
    "open_to_public",
)
ROW_FIELDS = ("section", "starts_at", "ends_at", "content", "note", "room", "order")
SPEAKER_FIELDS = ("name", "affiliation", "title", "role", "order")
QUESTION_FIELDS = ("text", "kind", "choices", "required", "order")
NO_PLACE = _("Give a venue or an online link before publishing.")


def create_event(*, values: Mapping, actor) -> Event:
    with transaction.atomic():
        event = Event(**{name: values[name] for name in EVENT_FIELDS if name in values}, created_by=actor)
        event.full_clean()
        event.save()
        record_audit(action="events.event.created", target=event, actor=actor, after=snapshot(event, EVENT_FIELDS))
    return event


def update_event(*, event: Event, values: Mapping, actor, expected_version: int | None = None) -> Event:
    """Save the edit form; a larger capacity moves waiting people up."""
    with transaction.atomic():
        check_version(event, expected_version)
        event = locked_event(event.pk)
        before = snapshot(event, EVENT_FIELDS)
        for name in EVENT_FIELDS:
            if name in values:
                setattr(event, name, values[name])
        event.full_clean()
        bump_version(event)
        event.save()
        old, new = changed(before, snapshot(event, EVENT_FIELDS))
        record_audit(action="events.event.changed", target=event, actor=actor, before=old, after=new)
        fill_places(event, now=timezone.now())
    return event


def set_published(*, event: Event, published: bool, actor) -> Event:
    with transaction.atomic():
        event = locked_event(event.pk)
        if published and not (event.venue_name or event.online_url):
            raise ValidationError(NO_PLACE, code="no_place")
        if event.published == published:
            return event
        event.published = published
        if published and event.published_at is None:
            event.published_at = timezone.now()
        bump_version(event)
        event.save(update_fields=["published", "published_at", "version"])
        record_audit(
            action="events.event.published" if published else "events.event.unpublished",
            target=event,
            actor=actor,
            before={"published": not published},
            after={"published": published},
        )
    return event


def _programme_changed(event: Event, expected_version: int | None) -> None:
    """A programme or question change: refused when the event moved on since the form was loaded, and the
    event's version moves on (every programme form carries it)."""
    check_version(event, expected_version)
    bump_version(event)
    Event.objects.filter(pk=event.pk).update(version=event.version)


def _save_child(model, fields, *, event, instance, values, actor, action, expected_version, parent):
    with transaction.atomic():
        _programme_changed(event, expected_version)
        row = instance or model(**parent)
        before = snapshot(row, fields) if instance else {}
        for name in fields:
            if name in values:
                setattr(row, name, values[name])
        row.full_clean()
        row.save()
        old, new = changed(before, snapshot(row, fields))
        record_audit(action=action, target=row, actor=actor, before=old or None, after=new)
    return row


def _delete_child(row, fields, *, event, actor, action: str) -> None:
    with transaction.atomic():
        _programme_changed(event, None)
        record_audit(action=action, target=row, actor=actor, before=snapshot(row, fields))
        row.delete()


def save_row(*, event: Event, row: ProgrammeRow | None, values: Mapping, actor, expected_version=None) -> ProgrammeRow:
    """Add a programme row (row None) or change one."""
    return _save_child(
        ProgrammeRow,
        ROW_FIELDS,
        event=event,
        instance=row,
        values=values,
        actor=actor,
        action="events.programme.row_saved",
        expected_version=expected_version,
        parent={"event": event},
    )


def delete_row(*, row: ProgrammeRow, actor) -> None:
    _delete_child(row, ROW_FIELDS, event=row.event, actor=actor, action="events.programme.row_deleted")


def save_speaker(
    *, row: ProgrammeRow, speaker: Speaker | None, values: Mapping, actor, expected_version=None
) -> Speaker:
    return _save_child(
        Speaker,
        SPEAKER_FIELDS,
        event=row.event,
        instance=speaker,
        values=values,
        actor=actor,
        action="events.programme.speaker_saved",
        expected_version=expected_version,
        parent={"row": row},
    )


def delete_speaker(*, speaker: Speaker, actor) -> None:
    _delete_child(
        speaker, SPEAKER_FIELDS, event=speaker.row.event, actor=actor, action="events.programme.speaker_deleted"
    )


def save_question(
    *, event: Event, question: Question | None, values: Mapping, actor, expected_version=None
) -> Question:
    return _save_child(
        Question,
        QUESTION_FIELDS,
        event=event,
        instance=question,
        values=values,
        actor=actor,
        action="events.question.saved",
        expected_version=expected_version,
        parent={"event": event},
    )


def delete_question(*, question: Question, actor) -> None:
    _delete_child(question, QUESTION_FIELDS, event=question.event, actor=actor, action="events.question.deleted")
