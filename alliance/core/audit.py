"""Writing to and reading the audit log.

Services call `record_audit` inside their own transaction, so a change and its audit entry land together
or not at all. Actions are dotted (`members.org.updated`); each app registers the Korean label of its
actions with `register_actions`, and the log shows those labels.
"""

from collections.abc import Iterable, Mapping
from datetime import date, datetime
from decimal import Decimal

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.functional import Promise

from alliance.core.models import AuditEntry

_ACTION_LABELS: dict[str, Promise | str] = {}


def register_actions(labels: Mapping[str, Promise | str]) -> None:
    _ACTION_LABELS.update(labels)


def action_label(action: str) -> str:
    return str(_ACTION_LABELS.get(action, action))


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
