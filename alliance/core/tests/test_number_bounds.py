"""Every number a form takes is bounded on both sides (core/bounds.py), and a value out of range gets a
message naming the field, never a 500: a member's revenue of 2^63−1 once broke the public statistics, an id
of 2^63 posted in a hidden field reached the database (OverflowError). This test finds every form of the
project and fails for a numeric field without a minimum and a maximum, then posts 2^63, -1, 1e309 and NaN to
every numeric field of every form and expects a Korean error naming the field."""

import importlib
import inspect
import pkgutil
from types import SimpleNamespace

import pytest
from django import forms
from django.apps import apps
from django.utils import translation

from alliance.core.bounds import POINTS_MAX, parse_id, positive_whole_number

NUMERIC = (forms.IntegerField, forms.DecimalField, forms.FloatField)
# The apps whose forms this test holds to the rule: every app with forms (a new app joins here).
CHECKED_APPS = (
    "alliance.core", "alliance.members", "alliance.ecosystem", "alliance.programs", "alliance.portal",
    "alliance.governance", "alliance.agencies", "alliance.info",
    "alliance.events", "alliance.reports", "alliance.regulation",
)  # fmt: skip
HOSTILE = ["9223372036854775808", "-1", "1e309", "NaN"]


def _form_modules():
    for config in apps.get_app_configs():
        if config.name not in CHECKED_APPS:
            continue
        for name in ("forms",):
            try:
                module = importlib.import_module(f"{config.name}.{name}")
            except ModuleNotFoundError:
                continue
            yield module
            if hasattr(module, "__path__"):
                for info in pkgutil.iter_modules(module.__path__):
                    yield importlib.import_module(f"{module.__name__}.{info.name}")


def project_forms() -> list[type[forms.BaseForm]]:
    found = {}
    for module in _form_modules():
        for _name, value in inspect.getmembers(module, inspect.isclass):
            if issubclass(value, forms.BaseForm) and value.__module__.startswith("alliance."):
                found[f"{value.__module__}.{value.__qualname__}"] = value
    return [found[key] for key in sorted(found)]


def numeric_fields() -> list[tuple[type, str]]:
    return [
        (form, name)
        for form in project_forms()
        for name, field in form.base_fields.items()
        if isinstance(field, NUMERIC)
    ]


def test_the_search_finds_the_forms_with_numbers():
    names = {f"{form.__name__}.{field}" for form, field in numeric_fields()}
    assert {"ScoreForm.points", "DayForm.length_minutes", "TieDecisionForm.track"} <= names


@pytest.mark.parametrize(("form", "name"), numeric_fields(), ids=lambda item: getattr(item, "__name__", item))
def test_every_numeric_field_is_bounded_on_both_sides(form, name):
    field = form.base_fields[name]
    assert (field.min_value is not None, field.max_value is not None) == (True, True), f"{form.__name__}.{name}"


def _stub_taxonomy():
    nothing = SimpleNamespace(values_list=lambda *args, **kwargs: [])
    return SimpleNamespace(technologies=nothing, fields=nothing)


def _decision_arguments():
    AgendaItem, Body, Seat = (apps.get_model("governance", name) for name in ("AgendaItem", "Body", "Seat"))  # noqa: N806
    items = SimpleNamespace(filter=lambda **kwargs: SimpleNamespace(order_by=lambda *a: AgendaItem.objects.none()))
    return {"meeting": SimpleNamespace(agenda_items=items), "seats": Seat.objects.none(), "bodies": Body.objects.none()}


# What each form with a number needs to be built; a new such form fails below until it is added here.
FORM_ARGUMENTS = {
    "ScoreForm": lambda: {"criterion": SimpleNamespace(pk=1, max_points=30)},
    "OverrideForm": lambda: {"groups": []},
    "PlacementForm": lambda: {"taxonomy": None, "node_labels": []},
    "MoveNodeForm": lambda: {"node": SimpleNamespace(level="domain", taxonomy_id=None, version=0), "paths": {}},
    "SurveyAnswerForm": lambda: {"taxonomy": _stub_taxonomy()},
    "BodyForm": lambda: {"year": 2026},
    "DecisionForm": _decision_arguments,
    "PitchingForm": lambda: {"groups": [], "slots": []},
}
KNOWN = {
    "AddNodeForm", "AgendaItemForm", "AnswerForm", "BenefitForm", "BodyForm", "ChartForm", "DayForm",
    "DecisionForm", "MoveNodeForm", "NewMeetingForm", "OpenPanelForm", "ReportFileForm",
    "OrganisationProfileForm", "OverrideForm", "PlacementForm", "PlayerForm", "ProgrammeCreateForm",
    "ProgrammeRulesForm", "ScoreForm", "StaffOrganisationForm", "SurveyAnswerForm", "TaxonomyCreateForm",
    "TieDecisionForm",
    "PitchingForm",
    "EventForm", "ProgrammeRowForm", "SpeakerForm", "QuestionForm",
    "TargetForm", "ValueForm",  # reports: an indicator's target and an entered value
    "StartYearForm", "FilingForm",
}  # fmt: skip


def test_every_form_with_numbers_is_known_to_this_test():
    assert {form.__name__ for form, _name in numeric_fields()} == KNOWN


@pytest.mark.django_db
@pytest.mark.parametrize("value", HOSTILE)
@pytest.mark.parametrize(("form", "name"), numeric_fields(), ids=lambda item: getattr(item, "__name__", item))
def test_a_hostile_number_is_refused_with_the_field_named(form, name, value):
    with translation.override("ko"):
        bound = form({name: value}, **FORM_ARGUMENTS.get(form.__name__, dict)())
        valid = bound.is_valid()
        errors = [str(message) for message in bound.errors.get(name, [])]
        label = bound.fields[name].label

    assert valid is False
    assert errors, f"{form.__name__}.{name} took {value}"
    if label and not isinstance(bound.fields[name].widget, forms.HiddenInput):
        with translation.override("ko"):
            korean_label = str(label)
        assert all(error.startswith(f"{korean_label}: ") for error in errors), errors
        assert all(any("\uac00" <= char <= "\ud7a3" for char in error) for error in errors), errors


@pytest.mark.parametrize(
    ("posted", "expected"),
    [("42", 42), ("999999999999999999", 10**18 - 1), ("9223372036854775808", None), ("0", None), ("-1", None),
     ("²", None), ("١٢", None), ("1e3", None), ("", None), (None, None)],
)  # fmt: skip
def test_a_posted_id_beyond_any_row_is_none(posted, expected):
    assert parse_id(posted) == expected


@pytest.mark.parametrize(
    ("text", "expected"), [("30", 30), ("1000", 1000), ("1001", None), ("0", None), ("9" * 30, None), ("３", None)]
)
def test_a_whole_number_in_a_line_is_bounded(text, expected):
    assert positive_whole_number(text, POINTS_MAX) == expected
