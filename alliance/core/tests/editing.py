"""Test helper: what a browser posts back for a page's form when the user changes nothing."""

from django import forms


def posted(form, **changes) -> dict:
    """The form's fields as the page rendered them (files left out, unchecked boxes absent), plus `changes`."""
    data = {}
    for bound in form:
        if isinstance(bound.field, forms.FileField):
            continue
        value = bound.value()
        if isinstance(bound.field, forms.BooleanField):
            if value:
                data[bound.html_name] = "on"
            continue
        if isinstance(bound.field, forms.MultipleChoiceField | forms.ModelMultipleChoiceField):
            data[bound.html_name] = [str(bound.field.prepare_value(item)) for item in value or []]
            continue
        if isinstance(value, list | tuple):
            data[bound.html_name] = [str(bound.field.prepare_value(item)) for item in value]
        else:
            value = bound.field.prepare_value(value) if value is not None else ""
            data[bound.html_name] = "" if value is None else str(value)
    return data | {form.add_prefix(name): value for name, value in changes.items()}


def posted_formset(formset) -> dict:
    """A formset's management form and every form's fields, unchanged."""
    data = {bound.html_name: bound.value() for bound in formset.management_form}
    for form in formset.forms:
        data |= posted(form)
    return {name: value for name, value in data.items() if value is not None}
