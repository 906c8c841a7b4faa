"""The minutes' state machine as a property: whatever staff try in whatever order, only the allowed moves
happen (draft → circulated → confirmed, circulated → draft), every refused step writes nothing, a correction is
a new version, and a confirmed version's text never changes afterwards."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone
from hypothesis import given, settings
from hypothesis import strategies as st

from alliance.core.roles import Role
from alliance.core.tests.factories import UserFactory
from alliance.governance.models import MinutesState, MinutesVersion
from alliance.governance.services import minutes as service
from alliance.governance.services.minutes_circulation import add_comment
from alliance.governance.tests.factories import BodyFactory
from alliance.governance.tests.factories_minutes import attended_meeting

STEPS = ["circulate", "reopen", "confirm", "edit", "add_item", "correct", "comment"]
ALLOWED = {
    ("draft", "circulate"): "circulated",
    ("circulated", "reopen"): "draft",
    ("circulated", "confirm"): "confirmed",
    ("draft", "edit"): "draft",
    ("draft", "add_item"): "draft",
    ("circulated", "comment"): "circulated",
}


def snapshot(version: MinutesVersion):
    """Everything a version says (ticking an action item done is follow-up, not text)."""
    version = MinutesVersion.objects.get(pk=version.pk)
    items = [
        (
            item.order,
            item.title,
            item.discussion,
            sorted(item.decisions.values_list("pk", flat=True)),
            list(item.presentations.values_list("title", "presenter", "affiliation")),
            list(item.action_items.values_list("description", "owner", "due_on")),
        )
        for item in version.items.order_by("order")
    ]
    return (version.state, version.reason, items, list(version.files.values_list("pk", flat=True)))


def _take(step, version, minutes, actor, people, counter):  # noqa: PLR0917  one step of the test
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    if step in ("circulate", "reopen", "confirm"):
        service.move(actor=actor, version=version, step=step, comments_due=tomorrow)
    elif step == "edit":
        service.update_item(
            actor=actor,
            item=version.items.order_by("order").first(),
            title=f"안건 {counter}",
            discussion=f"논의 {counter}",
            decisions=[],
            presentations=[{"title": "발표", "presenter": "발표자", "affiliation": "소속"}],
            action_items=[{"description": "후속 조치", "owner": "사무국", "due_on": None, "done": False}],
        )
    elif step == "add_item":
        service.add_item(actor=actor, version=version, title=f"추가 안건 {counter}")
    elif step == "correct":
        service.start_correction(actor=actor, minutes=minutes, reason=f"정정 {counter}")
    elif step == "comment":
        add_comment(version=version, person=people[0], text=f"의견 {counter}")


@pytest.mark.django_db
@settings(max_examples=30, deadline=None)
@given(steps=st.lists(st.sampled_from(STEPS), max_size=12))
def test_only_the_allowed_moves_happen_and_confirmed_minutes_never_change(steps):
    staff_user = UserFactory(role=Role.STAFF)
    meeting, people = attended_meeting(body=BodyFactory(year=2025))
    minutes = service.start_minutes(actor=staff_user, meeting=meeting)
    confirmed: dict[int, tuple] = {}
    for counter, step in enumerate(steps):
        newest = minutes.versions.order_by("-number").first()
        state = newest.state
        before = snapshot(newest)
        versions_before = minutes.versions.count()
        try:
            _take(step, newest, minutes, staff_user, people, counter)
            refused = False
        except ValidationError:
            refused = True
        if step == "correct":
            assert refused == (state != MinutesState.CONFIRMED)
            assert minutes.versions.count() == versions_before + (0 if refused else 1)
        else:
            assert refused == ((state, step) not in ALLOWED)
            after = snapshot(newest)
            if refused:
                assert after == before
            else:
                assert after[0] == ALLOWED[(state, step)]
        newest.refresh_from_db()
        if newest.state == MinutesState.CONFIRMED and newest.pk not in confirmed:
            confirmed[newest.pk] = snapshot(newest)[1:]
        for pk, text in confirmed.items():
            version = MinutesVersion.objects.get(pk=pk)
            assert version.state == MinutesState.CONFIRMED
            assert snapshot(version)[1:] == text
    superseded = minutes.versions.filter(state=MinutesState.CONFIRMED, superseded_at__isnull=True)
    assert superseded.count() <= 1
