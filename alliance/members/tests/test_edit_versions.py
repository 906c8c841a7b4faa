"""The version check (core.versions) as a property: whatever the order of loads and saves, a save is applied
exactly when the form was loaded at the record's current version, and no applied change is ever undone
without its author's form having shown it."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from alliance.core.versions import StaleEditError
from alliance.members.models import Organisation
from alliance.members.services.registry import update_organisation
from alliance.members.tests.factories import OrganisationFactory

# A step: (editor, "load") or (editor, "save"); each editor saves its own description.
steps = st.lists(st.tuples(st.integers(0, 2), st.sampled_from(["load", "save"])), max_size=12)


@pytest.mark.django_db
@settings(max_examples=40, deadline=None)
@given(steps=steps)
def test_a_save_is_applied_exactly_when_its_form_is_current(steps):
    organisation = OrganisationFactory()
    loaded: dict[int, tuple[int, str]] = {}  # editor → (version, description) its form shows
    saves = 0
    for editor, action in steps:
        stored = Organisation.objects.get(pk=organisation.pk)
        if action == "load":
            loaded[editor] = (stored.version, stored.description)
            continue
        if editor not in loaded:
            continue
        version, shown = loaded[editor]
        current_version, current_text = stored.version, stored.description
        saves += 1
        text = f"편집자 {editor}의 {saves}번째 저장"
        refused = None
        try:
            update_organisation(actor=None, organisation=stored, data={"description": text}, expected_version=version)
        except StaleEditError as error:
            refused = error
        if refused is not None:
            assert version != current_version
            assert refused.current_version == current_version
            assert Organisation.objects.get(pk=organisation.pk).description == current_text
        else:
            assert version == current_version
            assert shown == current_text  # what it replaced is what its author saw
            after = Organisation.objects.get(pk=organisation.pk)
            assert (after.description, after.version) == (text, version + 1)
            loaded[editor] = (after.version, text)
