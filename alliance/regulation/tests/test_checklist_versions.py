"""A published version never changes: editing it makes the next version; answers keep their version."""

import pytest
from django.core.exceptions import ValidationError

from alliance.core.roles import Role
from alliance.core.tests.factories import UserFactory
from alliance.regulation.models import Checklist
from alliance.regulation.services import checklist as service
from alliance.regulation.services.selfcheck import save_answers
from alliance.regulation.tests.factories import answers


def _items(version, **change):
    items = [{field: item[field] for field in service.EDITABLE_ITEM_FIELDS} for item in version.content["items"]]
    items[0] |= change
    return items


def test_editing_a_published_version_makes_a_new_draft_and_answers_keep_theirs(organisation, db):
    staff = UserFactory(role=Role.STAFF)
    rep = UserFactory(role=Role.MEMBER_REP, organisation=organisation)
    first = service.start_year(actor=staff, year=2026, publish=True)
    before = Checklist.objects.get(pk=first.pk).content
    draft = save_answers(
        actor=rep, organisation=organisation, year=2026, answers={"1": 5}, share_result=False, submit=False
    )
    items = _items(first, weight=19)
    items[1]["weight"] = 1
    second = service.save_items(actor=staff, checklist=first, items=items, note="1번 가중치")
    assert (second.number, second.is_published) == (2, False)
    assert Checklist.objects.get(pk=first.pk).content == before
    service.publish(actor=staff, checklist=second)
    submitted = save_answers(
        actor=rep, organisation=organisation, year=2026, answers=answers(5), share_result=False, submit=True
    )
    assert (submitted.pk, submitted.checklist_id) == (draft.pk, first.pk)
    with pytest.raises(ValidationError):
        service.save_items(actor=staff, checklist=first, items=_items(first))


def test_weights_not_adding_to_100_are_refused(db):
    first = service.start_year(actor=None, year=2026)
    with pytest.raises(ValidationError):
        service.save_items(actor=None, checklist=first, items=_items(first, weight=11))


def test_a_self_check_saved_after_another_representatives_is_refused(organisation, db):
    from alliance.core.versions import StaleEditError

    service.start_year(actor=None, year=2026, publish=True)
    first = save_answers(
        actor=None, organisation=organisation, year=2026, answers={"1": 5}, share_result=False, submit=False
    )
    loaded = first.version
    save_answers(
        actor=None, organisation=organisation, year=2026, answers={"1": 4}, share_result=False, submit=False,
        expected_version=loaded,
    )  # fmt: skip
    with pytest.raises(StaleEditError):
        save_answers(
            actor=None, organisation=organisation, year=2026, answers={"1": 2}, share_result=False, submit=False,
            expected_version=loaded,
        )  # fmt: skip


def test_a_draft_saved_after_someone_elses_is_refused(db):
    from alliance.core.versions import StaleEditError

    draft = service.start_year(actor=None, year=2026)
    loaded = draft.version
    service.save_items(actor=None, checklist=draft, items=_items(draft, text="바뀐 문항"), expected_version=loaded)
    with pytest.raises(StaleEditError):
        service.save_items(actor=None, checklist=draft, items=_items(draft, text="늦은 문항"), expected_version=loaded)
    assert Checklist.objects.get(pk=draft.pk).content["items"][0]["text"] == "바뀐 문항"
