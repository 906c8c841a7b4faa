"""Showing an audit entry's before/after as rows of (field label, old, new), labels in the user's language."""

from django import template
from django.core.exceptions import FieldDoesNotExist
from django.utils.translation import gettext_lazy as _

from alliance.core.audit import display_value, key_label

register = template.Library()

# Keys that services record beside model fields.
_EXTRA_LABELS = {"contact_list": _("contacts"), "rubric": _("rubric")}


def _label(model, name: str) -> str:
    if model is None:
        return key_label(name) or str(_EXTRA_LABELS.get(name, name))
    try:
        field = model._meta.get_field(name)
    except FieldDoesNotExist:
        return key_label(name) or str(_EXTRA_LABELS.get(name, name))
    # Reverse relations (an organisation's contacts) have no verbose_name of their own.
    return str(getattr(field, "verbose_name", None) or field.related_model._meta.verbose_name_plural)


@register.filter
def change_rows(entry) -> list[tuple[str, object, object]]:
    before = entry.before or {}
    after = entry.after or {}
    model = entry.target_type.model_class() if entry.target_type_id else None
    keys = list(dict.fromkeys([*before, *after]))
    return [
        (_label(model, key), display_value(model, key, before.get(key)), display_value(model, key, after.get(key)))
        for key in keys
        if before.get(key) != after.get(key)
    ]
