"""The results-sharing day's award list (the competition's released winners, then awards staff enter) and the
IR pitching order from the competition's groups."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from alliance.core.models import AuditEntry
from alliance.events.models import EventAward, PitchSlot
from alliance.events.services import awards
from alliance.events.tests.door_factories import make_event
from alliance.members.tests.factories import OrganisationFactory
from alliance.programs.models import Panel, ScreeningOutcome, Winner
from alliance.programs.tests.factories import ProgrammeFactory, ProjectGroupFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def programme():
    return ProgrammeFactory(year=2025)


@pytest.fixture
def event(programme):
    return make_event(date=datetime.date(2025, 12, 2))


def final_panel(programme, *, released=True) -> Panel:
    return Panel.objects.create(
        programme=programme, kind=Panel.Kind.FINAL, released_at=timezone.now() if released else None
    )


def win(panel, group, place, award_name):
    return Winner.objects.create(panel=panel, track=group.track, group=group, place=place, award_name=award_name)


def test_the_released_winners_are_listed_once_with_their_award_and_presenter(event, programme, staff_user):
    panel = final_panel(programme)
    first = ProjectGroupFactory(programme=programme, name="메타 그룹", lead=OrganisationFactory(name="메타랩"))
    second = ProjectGroupFactory(programme=programme, name="XR 그룹", lead=OrganisationFactory(name="엑스알"))
    win(panel, second, 2, "최우수상")
    win(panel, first, 1, "대상")
    awards.add_award(
        event=event,
        actor=staff_user,
        category=EventAward.Category.MERIT,
        award_name="과학기술정보통신부 장관 표창",
        recipient="한국메타버스산업협회",
    )

    added = awards.import_competition_winners(event=event, actor=staff_user)
    again = awards.import_competition_winners(event=event, actor=staff_user)

    listed = [
        (award.position, award.category, award.award_name, award.presented_by, award.recipient)
        for award in EventAward.objects.filter(event=event).order_by("position")
    ]
    assert listed == [
        (1, "merit", "과학기술정보통신부 장관 표창", "", "한국메타버스산업협회"),
        (2, "competition", "대상", "과학기술정보통신부 장관상", "메타 그룹 (메타랩)"),
        (3, "competition", "최우수상", "NIPA 원장상", "XR 그룹 (엑스알)"),
    ]
    assert (len(added), again) == (2, [])
    assert AuditEntry.objects.filter(action="events.award.imported").count() == 1


def test_winners_not_yet_released_are_not_listed(event, programme, staff_user):
    group = ProjectGroupFactory(programme=programme)
    win(final_panel(programme, released=False), group, 1, "대상")

    with pytest.raises(ValidationError) as refused:
        awards.import_competition_winners(event=event, actor=staff_user)

    assert refused.value.code == "none"
    assert not EventAward.objects.exists()


def test_an_award_needs_its_name_and_recipient(event, staff_user):
    with pytest.raises(ValidationError):
        awards.add_award(event=event, actor=staff_user, category="merit", award_name=" ", recipient="누군가")


def test_the_pitching_order_runs_back_to_back_from_the_start(event, programme, staff_user):
    groups = [ProjectGroupFactory(programme=programme, name=f"그룹 {n}") for n in range(3)]

    awards.plan_pitching(
        event=event,
        actor=staff_user,
        group_ids=[groups[2].pk, groups[0].pk],
        starts_at=datetime.time(14, 0),
        slot_minutes=15,
        room="미팅룸(8층)",
    )

    slots = [
        (slot.position, slot.group_id, slot.starts_at, slot.minutes, slot.room) for slot in PitchSlot.objects.all()
    ]
    assert slots == [
        (1, groups[2].pk, datetime.time(14, 0), 15, "미팅룸(8층)"),
        (2, groups[0].pk, datetime.time(14, 15), 15, "미팅룸(8층)"),
    ]


def test_only_groups_still_in_the_competition_pitch_and_each_once(event, programme, staff_user):
    kept, dropped = ProjectGroupFactory(programme=programme), ProjectGroupFactory(programme=programme)
    screening = Panel.objects.create(programme=programme, kind=Panel.Kind.SCREENING)
    ScreeningOutcome.objects.create(panel=screening, group=kept, score=80, rank=1, advances=True)
    ScreeningOutcome.objects.create(panel=screening, group=dropped, score=60, rank=2, advances=False)
    plan = {"event": event, "actor": staff_user, "starts_at": datetime.time(14, 0), "slot_minutes": 15}

    with pytest.raises(ValidationError) as other:
        awards.plan_pitching(group_ids=[dropped.pk], **plan)
    with pytest.raises(ValidationError) as twice:
        awards.plan_pitching(group_ids=[kept.pk, kept.pk], **plan)

    assert (other.value.code, twice.value.code) == ("group", "twice")


def test_staff_number_the_groups_on_the_pitching_page(client, staff_user, event, programme):
    first, second = ProjectGroupFactory(programme=programme), ProjectGroupFactory(programme=programme)
    client.force_login(staff_user)

    response = client.post(
        reverse("events:pitching", args=[event.pk]),
        {
            "starts_at": "14:00",
            "slot_minutes": "20",
            "room": "8층",
            f"order_{first.pk}": "2",
            f"order_{second.pk}": "1",
        },
    )
    page = client.get(reverse("events:awards", args=[event.pk])).content.decode()

    assert response.status_code == 302
    assert list(PitchSlot.objects.values_list("group_id", flat=True)) == [second.pk, first.pk]
    assert "14:20 ~ 14:40" in page
