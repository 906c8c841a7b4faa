"""Writing to and reading the audit log.

Services call `record_audit` inside their own transaction, so a change and its audit entry land together
or not at all. Actions are dotted (`members.org.updated`); each app registers the Korean label of its
actions with `register_actions`, and the log shows those labels. Stored values are JSON (dates as ISO
text); `display_value` shows them in Korean conventions: dates and choices by the field's type, and the
fields an app describes with `register_value_formats` (an amount in 백만원, a registration number).
"""

from collections.abc import Callable, Iterable, Mapping
from datetime import date, datetime, time, timedelta
from decimal import Decimal

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.functional import Promise
from django.utils.translation import gettext, pgettext_lazy

from alliance.core.dates import DATE, DATETIME, format_moment
from alliance.core.models import AuditEntry

_ACTION_LABELS: dict[str, Promise | str] = {}
_VALUE_FORMATS: dict[tuple[str, str], Callable[[object], str]] = {}
_KEY_LABELS: dict[str, Promise | str] = {}
_ACTOR_LABELS: dict[str, Promise | str] = {}


def register_actions(labels: Mapping[str, Promise | str]) -> None:
    _ACTION_LABELS.update(labels)


def action_label(action: str) -> str:
    return str(_ACTION_LABELS.get(action, action))


def action_choices() -> list[tuple[str, str]]:
    """(action, label) of every registered action, by label: the audit log's action filter."""
    return sorted(((action, str(label)) for action, label in _ACTION_LABELS.items()), key=lambda pair: pair[1])


def register_key_labels(labels: Mapping[str, Promise | str]) -> None:
    """Labels of the keys services record beside a model's fields (a programme's `mentor`, `round_number`):
    the history shows these, never the key."""
    _KEY_LABELS.update(labels)


def key_label(key: str) -> str | None:
    label = _KEY_LABELS.get(key)
    return str(label) if label is not None else None


def register_actor_labels(labels: Mapping[str, Promise | str]) -> None:
    """How the log names a command or process recorded as the actor (`demo_data` → 데모 데이터)."""
    _ACTOR_LABELS.update(labels)


def actor_display(entry: AuditEntry) -> str:
    """Who made the change, as people read it: the person, a registered label for a command's name, the
    label recorded (a census respondent), or "System" when nobody is recorded."""
    if entry.actor_label in _ACTOR_LABELS:
        return str(_ACTOR_LABELS[entry.actor_label])
    if entry.actor_label:
        return entry.actor_label
    return str(entry.actor) if entry.actor_id else gettext("System")


def register_value_formats(model_label: str, formats: Mapping[str, Callable[[object], str]]) -> None:
    """How the history shows some fields of one model (`"members.organisation"`): field name → formatter."""
    for name, formatter in formats.items():
        _VALUE_FORMATS[(model_label, name)] = formatter


def display_value(model: type[models.Model] | None, name: str, value):
    """A stored value as people read it: lists joined, registered formats, dates (2025. 10. 30.), choice
    labels. Anything else, or a value its field's type cannot read, is shown as stored."""
    if isinstance(value, list | dict | bool):
        formatter = _VALUE_FORMATS.get((model._meta.label_lower, name)) if model is not None else None
        return formatter(value) if formatter is not None else _composite_value(model, name, value)
    if model is None or value is None or value == "":
        return _moment(value)
    try:
        field = model._meta.get_field(name)
    except FieldDoesNotExist:
        return _moment(value)
    try:
        return _typed_value(model, field, value)
    except (TypeError, ValueError):
        return value


def _composite_value(model, name: str, value) -> str:
    """A list joined, a mapping as "label: value" pairs (never Python syntax), a yes/no."""
    if isinstance(value, list):
        return ", ".join(str(display_value(model, name, item)) for item in value)
    if isinstance(value, dict):
        return ", ".join(
            f"{key_label(key) or key}: {display_value(model, key, item)}"
            for key, item in value.items()
            if item not in ("", None)
        )
    return gettext("Yes") if value else gettext("No")


def _moment(value):
    """A value recorded beside the fields: an ISO date or time (2026-08-03T16:00:00+09:00) shown as a date."""
    if not isinstance(value, str) or len(value) < 10 or value[4:5] != "-" or value[7:8] != "-":
        return value
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        return value
    return format_moment(moment.date() if len(value) == 10 else moment, DATE if len(value) == 10 else DATETIME)


def _typed_value(model: type[models.Model], field, value):
    formatter = _VALUE_FORMATS.get((model._meta.label_lower, field.name))
    if formatter is not None:
        return formatter(value)
    if isinstance(field, models.DateTimeField) and isinstance(value, str):
        moment = datetime.fromisoformat(value)
        return date_format(timezone.localtime(moment) if timezone.is_aware(moment) else moment, "SHORT_DATETIME_FORMAT")
    if isinstance(field, models.DateField) and isinstance(value, str):
        return date_format(date.fromisoformat(value), "DATE_FORMAT")
    # Reverse relations have no choices.
    return dict(getattr(field, "flatchoices", ())).get(value, value)


def _json_value(value):
    if isinstance(value, datetime | date | time):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, models.Model):
        return value.pk
    if isinstance(value, models.fields.files.FieldFile):
        return value.name or ""
    if isinstance(value, list | tuple | set):
        return [_json_value(item) for item in value]
    return value


def snapshot(instance: models.Model, fields: Iterable[str]) -> dict:
    """The named fields of a record as JSON-ready values, for a before/after entry."""
    return {name: _json_value(getattr(instance, name)) for name in fields}


def changed(before: Mapping, after: Mapping) -> tuple[dict, dict]:
    """Only the keys whose values differ, as (before, after)."""
    keys = [key for key in after if before.get(key) != after.get(key)]
    return {key: before.get(key) for key in keys}, {key: after.get(key) for key in keys}


def build_audit(
    *,
    action: str,
    target: models.Model | None,
    actor=None,
    actor_label: str = "",
    before: Mapping | None = None,
    after: Mapping | None = None,
) -> AuditEntry:
    """An unsaved entry, for services that write many at once with `AuditEntry.objects.bulk_create`."""
    actor_user = actor if getattr(actor, "is_authenticated", False) else None
    return AuditEntry(
        action=action,
        actor=actor_user,
        actor_label=actor_label or (str(actor_user) if actor_user else ""),
        target_type=ContentType.objects.get_for_model(target) if target is not None else None,
        target_id=str(target.pk) if target is not None else "",
        target_label=str(target)[:300] if target is not None else "",
        before=dict(before) if before is not None else None,
        after=dict(after) if after is not None else None,
    )


def record_audit(**kwargs) -> AuditEntry:
    """Write one entry; takes the keyword arguments of `build_audit`."""
    entry = build_audit(**kwargs)
    entry.save()
    return entry


def history_of(target: models.Model):
    """The audit entries of one record, newest first."""
    return AuditEntry.objects.filter(
        target_type=ContentType.objects.get_for_model(target), target_id=str(target.pk)
    ).select_related("actor")


def filtered_entries(*, record: str = "", person: str = "", action: str = "", since=None, until=None):
    """The log narrowed as staff ask: `record` in the changed record's name (an organisation, a group), `person`
    in the actor's name, e-mail or recorded label, one `action`, and a period of days (Korean time, both
    included). Newest first."""
    entries = AuditEntry.objects.select_related("actor", "target_type")
    if record:
        entries = entries.filter(target_label__icontains=record)
    if person:
        matches = [label for label, shown in _ACTOR_LABELS.items() if person.casefold() in str(shown).casefold()]
        entries = entries.filter(
            models.Q(actor__name__icontains=person)
            | models.Q(actor__email__icontains=person)
            | models.Q(actor_label__icontains=person)
            | models.Q(actor_label__in=matches)
        )
    if action:
        entries = entries.filter(action=action)
    if since:
        entries = entries.filter(created_at__gte=_day_start(since))
    if until:
        entries = entries.filter(created_at__lt=_day_start(until + timedelta(days=1)))
    return entries


def _day_start(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, datetime.min.time()))


# Keys many services record beside a model's fields (an import's counts, a year, a status).
COMMON_KEY_LABELS = {
    "rows": pgettext_lazy("audit key", "rows"),
    "created": pgettext_lazy("audit key", "new"),
    "unchanged": pgettext_lazy("audit key", "unchanged"),
    "rejected": pgettext_lazy("audit key", "refused"),
    "year": pgettext_lazy("audit key", "year"),
    "status": pgettext_lazy("audit key", "status"),
    "name": pgettext_lazy("audit key", "name"),
    "kind": pgettext_lazy("audit key", "kind"),
    "file": pgettext_lazy("audit key", "file"),
    "changes": pgettext_lazy("audit key", "changes"),
    "text": pgettext_lazy("audit key", "text"),
    "size": pgettext_lazy("audit key", "size"),
    "note": pgettext_lazy("audit key", "note"),
    "new": pgettext_lazy("audit key", "new value"),
    "count": pgettext_lazy("audit key", "count"),
    "changed": pgettext_lazy("audit key", "changed"),
    "added": pgettext_lazy("audit key", "added"),
    "organisations": pgettext_lazy("audit key", "organisations"),
}
register_key_labels(COMMON_KEY_LABELS)
