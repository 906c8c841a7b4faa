"""Two people editing one record at once: the later save is refused instead of silently undoing the other's.

Optimistic locking, one mechanism for every edit form where two roles (or two staff) may edit the same row:

- the model has a `version` integer (`version_field()`), moved on by every service write that changes what an
  edit form shows (`bump_version` before `save()`, or `bump_versions` after a bulk update);
- the form (`VersionedFormMixin`) carries, in one signed hidden field, the version it was loaded with and the
  values it showed then;
- the service takes `expected_version` and calls `check_version` in its transaction before it writes: a
  stale version raises `StaleEditError` (a ValidationError), and nothing is written;
- the view hands the error to `form.stale(error)`, which lists each field changed meanwhile (label, the saved
  value, the user's value) by comparing the values the form showed with the ones it would show now, and
  re-arms the form with the new version: the page (`core/_stale_edit.html`) lets the user save theirs again
  or load the saved values.

A form posted without the hidden field (an old page, a script) is not checked.
"""

import datetime
from collections.abc import Mapping
from dataclasses import dataclass

from django import forms
from django.core import signing
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F
from django.utils.translation import gettext_lazy as _

from alliance.core.dates import DATETIME, format_moment

LOADED_FIELD = "edit_token"
_SALT = "alliance.core.versions"
STALE_MESSAGE = _("Someone else saved this record meanwhile.")


def version_field() -> models.PositiveIntegerField:
    """The `version` column of a record edited through `VersionedFormMixin` forms."""
    return models.PositiveIntegerField(_("edit version"), default=0, editable=False)


class StaleEditError(ValidationError):
    """The record's version moved on since the form was loaded; `changes` is filled by `form.stale`."""

    def __init__(self, *, current_version: int):
        super().__init__(STALE_MESSAGE, code="stale")
        self.current_version = current_version
        self.changes: list[dict] = []


def check_version(instance: models.Model, expected: int | None, *, field: str = "version") -> None:
    """Inside the caller's transaction: refuse with StaleEditError when the stored version is not `expected`.

    The check is a conditional UPDATE of the row (version unchanged), so it also takes the row's write lock
    (PostgreSQL) or the database's (SQLite) until the transaction ends: no second writer slips in between the
    check and the write. `expected` None checks nothing. `field` names the version column when a record has
    several edit forms that change independently (a programme's rules and its stages).
    """
    if expected is None or instance.pk is None:
        return
    rows = type(instance)._default_manager.filter(pk=instance.pk)
    if not rows.filter(**{field: expected}).update(**{field: F(field)}):
        raise StaleEditError(current_version=rows.values_list(field, flat=True).first() or 0)


def bump_version(instance: models.Model, *, field: str = "version") -> None:
    """Move the stored version on by one and set it on `instance`; call it before `instance.save()`, so that
    the save writes the new version whatever version the instance was loaded with."""
    if instance.pk is None:
        return
    rows = type(instance)._default_manager.filter(pk=instance.pk)
    rows.update(**{field: F(field) + 1})
    setattr(instance, field, rows.values_list(field, flat=True).get())


def bump_versions(queryset: models.QuerySet, *, field: str = "version") -> None:
    """After a bulk write: every row of `queryset` moves on by one."""
    queryset.update(**{field: F(field) + 1})


def _comparable(value):
    """A value as JSON, equal for equal values: model rows by pk, lists sorted, files by name."""
    if isinstance(value, models.Model):
        return value.pk
    if isinstance(value, models.QuerySet | list | tuple | set):
        return sorted((_comparable(item) for item in value), key=str)
    if isinstance(value, models.fields.files.FieldFile):
        return value.name or ""
    if value is None or isinstance(value, bool | int | float | str):
        return value
    return str(value)


def _choice_label(field: forms.ChoiceField, value) -> str:
    """The label of the chosen value; of several (a MultipleChoiceField), in the order the form lists them."""
    if isinstance(value, list | tuple | set):
        chosen = {str(item) for item in value}
        return ", ".join(_choice_label(field, key) for key, _label in field.choices if str(key) in chosen) or "-"
    labels = {}
    for key, label in field.choices:
        if isinstance(label, list | tuple):
            labels.update({str(k): v for k, v in label})
        else:
            labels[str(key)] = label
    return str(labels.get(str(value), value))


def _rows_label(field: forms.ModelChoiceField, value) -> str:
    if isinstance(field, forms.ModelMultipleChoiceField):
        rows = list(value)
        if rows and not isinstance(rows[0], models.Model):
            rows = list(field.queryset.filter(pk__in=rows))
        return ", ".join(sorted(field.label_from_instance(row) for row in rows)) or "-"
    row = value if isinstance(value, models.Model) else field.queryset.filter(pk=value).first()
    return field.label_from_instance(row) if row is not None else str(value)


def _plain(value) -> str:
    if isinstance(value, int) and not isinstance(value, bool):
        return f"{value:,}"
    if isinstance(value, datetime.datetime):
        return format_moment(value, DATETIME)
    if isinstance(value, datetime.date):
        return format_moment(value)
    if isinstance(value, list | tuple):
        return ", ".join(str(item) for item in value) or "-"
    return str(value)


def display(field: forms.Field, value) -> str:
    """A form value as people read it: choice labels, names of chosen rows, 1,234 for numbers, '-' for none."""
    if value is None or value == "" or (value is False and isinstance(field, forms.FileField)):
        return "-"
    if isinstance(field, forms.ModelChoiceField):  # ModelMultipleChoiceField too
        return _rows_label(field, value)
    if isinstance(field, forms.BooleanField):
        return str(_("Yes") if value else _("No"))
    if isinstance(field, forms.FileField):
        return str(getattr(value, "name", value))
    if isinstance(field, forms.ChoiceField):
        return _choice_label(field, value)
    return _plain(value)


@dataclass(frozen=True)
class Extra:
    """A part of the record edited beside the form (e.g. an organisation's contacts): label and value as text."""

    label: str
    value: str


class VersionedFormMixin:
    """For a form editing a versioned record: put it before the form class (`class F(VersionedFormMixin,
    forms.Form)`). A ModelForm takes the version from its instance; a plain form gets `version=`. `extra`
    names parts of the record edited beside the form ({key: Extra(label, current text)}) so that their
    changes are listed too."""

    def __init__(self, *args, version: int | None = None, extra: Mapping[str, Extra] | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.extra = dict(extra or {})
        self.stale_changes: list[dict] = []
        self.is_stale = False  # set by `stale`: the page then says so, even when nothing on this form changed
        if version is None:
            version = getattr(getattr(self, "instance", None), "version", 0) or 0
        self.shown_version = version
        # A callable initial: the token is made when the form is rendered, after subclasses set their initial.
        self.fields[LOADED_FIELD] = forms.CharField(widget=forms.HiddenInput, required=False, initial=self._token)

    def _token(self) -> str:
        return signing.dumps({"v": self.shown_version, "i": self._shown_values()}, salt=_SALT, compress=True)

    def _shown_values(self) -> dict:
        values = {
            name: _comparable(field.prepare_value(self.get_initial_for_field(field, name)))
            for name, field in self.fields.items()
            if name != LOADED_FIELD
        }
        return values | {f"extra:{key}": extra.value for key, extra in self.extra.items()}

    def _loaded(self) -> dict | None:
        token = self.data.get(self.add_prefix(LOADED_FIELD)) if self.is_bound else None
        if not token:
            return None
        try:
            return signing.loads(token, salt=_SALT)
        except signing.BadSignature:
            return None

    @property
    def loaded_version(self) -> int | None:
        """The version the form was loaded with, None when the post did not say (then nothing is checked)."""
        loaded = self._loaded()
        return None if loaded is None else int(loaded["v"])

    def stale(self, error: StaleEditError, *, yours_extra: Mapping[str, str] | None = None) -> None:
        """List what changed since the form was loaded (label, saved value, the user's value) on `error` and
        `self.stale_changes`, and re-arm the form with the version it shows now, so that saving again keeps
        the user's values. (If yet another save came between loading this request's record and the check,
        the version shown is still stale and the next save is refused again, with that change listed.)"""
        shown_then = (self._loaded() or {}).get("i", {})
        shown_now = self._shown_values()
        rows = []
        for name, field in self.fields.items():
            if name != LOADED_FIELD and shown_then.get(name) != shown_now.get(name):
                theirs = self.get_initial_for_field(field, name)
                yours = self.cleaned_data.get(name) if hasattr(self, "cleaned_data") else None
                rows.append({"label": field.label, "theirs": display(field, theirs), "yours": display(field, yours)})
        for key, extra in self.extra.items():
            if shown_then.get(f"extra:{key}") != extra.value:
                yours = (yours_extra or {}).get(key, "")
                rows.append({"label": extra.label, "theirs": extra.value or "-", "yours": yours or "-"})
        error.changes = self.stale_changes = rows
        self.is_stale = True
        data = self.data.copy()
        data[self.add_prefix(LOADED_FIELD)] = self._token()
        self.data = data
