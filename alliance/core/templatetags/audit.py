"""Showing an audit entry's before/after as rows of (field label, old, new), labels in the user's language."""

from django import template
from django.core.exceptions import FieldDoesNotExist
from django.utils.translation import gettext_lazy as _

register = template.Library()

# Keys that services record beside model fields.
_EXTRA_LABELS = {"contact_list": _("contacts"), "rubric": _("rubric")}


def _label(model, name: str) -> str:
    if model is None:
        return name
    try:
        field = model._meta.get_field(name)
    except FieldDoesNotExist:
        return str(_EXTRA_LABELS.get(name, name))
    # Reverse relations (an organisation's contacts) have no verbose_name of their own.
    return str(getattr(field, "verbose_name", None) or field.related_model._meta.verbose_name_plural)


def _value(model, name: str, value):
    """A stored value as people read it: choice labels, lists joined."""
    if isinstance(value, list):
        return ", ".join(str(_value(model, name, item)) for item in value)
    if isinstance(value, dict):
        return ", ".join(f"{key}: {item}" for key, item in value.items() if item not in ("", None))
    try:
        # Reverse relations have no choices.
        choices = dict(getattr(model._meta.get_field(name), "flatchoices", ())) if model is not None else {}
    except FieldDoesNotExist:
        choices = {}
    return choices.get(value, value)


@register.filter
def change_rows(entry) -> list[tuple[str, object, object]]:
    before = entry.before or {}
    after = entry.after or {}
    model = entry.target_type.model_class() if entry.target_type_id else None
    keys = list(dict.fromkeys([*before, *after]))
    return [
        (_label(model, key), _value(model, key, before.get(key)), _value(model, key, after.get(key)))
        for key in keys
        if before.get(key) != after.get(key)
    ]
