"""Writing to and reading the audit log.

Services call `record_audit` inside their own transaction, so a change and its audit entry land together
or not at all. Actions are dotted (`members.org.updated`); each app registers the Korean label of its
actions with `register_actions`, and the log shows those labels. Stored values are JSON (dates as ISO
text); `display_value` shows them in Korean conventions: dates and choices by the field's type, and the
fields an app describes with `register_value_formats` (an amount in 백만원, a registration number).
"""

from collections.abc import Callable, Iterable, Mapping
from datetime import date, datetime
from decimal import Decimal

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.functional import Promise

from alliance.core.models import AuditEntry

_ACTION_LABELS: dict[str, Promise | str] = {}
_VALUE_FORMATS: dict[tuple[str, str], Callable[[object], str]] = {}


def register_actions(labels: Mapping[str, Promise | str]) -> None:
    _ACTION_LABELS.update(labels)


def action_label(action: str) -> str:
    return str(_ACTION_LABELS.get(action, action))


def register_value_formats(model_label: str, formats: Mapping[str, Callable[[object], str]]) -> None:
    """How the history shows some fields of one model (`"members.organisation"`): field name → formatter."""
    for name, formatter in formats.items():
        _VALUE_FORMATS[(model_label, name)] = formatter


def display_value(model: type[models.Model] | None, name: str, value):
    """A stored value as people read it: lists joined, registered formats, dates (2025. 10. 30.), choice
    labels. Anything else, or a value its field's type cannot read, is shown as stored."""
    if isinstance(value, list):
        return ", ".join(str(display_value(model, name, item)) for item in value)
    if isinstance(value, dict):
        return ", ".join(f"{key}: {item}" for key, item in value.items() if item not in ("", None))
    if model is None or value is None or value == "":
        return value
    try:
        field = model._meta.get_field(name)
    except FieldDoesNotExist:
        return value
    try:
        return _typed_value(model, field, value)
    except (TypeError, ValueError):
        return value


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
    if isinstance(value, datetime | date):
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
