"""Showing an audit entry's before/after as rows of (field label, old, new), labels in the user's language."""

from django import template
from django.core.exceptions import FieldDoesNotExist

register = template.Library()


def _label(model, name: str) -> str:
    if model is None:
        return name
    try:
        return str(model._meta.get_field(name).verbose_name)
    except FieldDoesNotExist:
        return name


@register.filter
def change_rows(entry) -> list[tuple[str, object, object]]:
    before = entry.before or {}
    after = entry.after or {}
    model = entry.target_type.model_class() if entry.target_type_id else None
    keys = list(dict.fromkeys([*before, *after]))
    return [(_label(model, key), before.get(key), after.get(key)) for key in keys if before.get(key) != after.get(key)]
