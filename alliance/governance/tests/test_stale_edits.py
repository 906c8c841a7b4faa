"""Two people editing one governance record: the later save is refused and shows what changed meanwhile
(core/versions.py), for a seat, an agenda item, a clause's amendment and an item of draft minutes."""

import datetime
from collections.abc import Callable
from dataclasses import dataclass

import pytest
from django.urls import reverse
from django.utils import timezone

from alliance.core.roles import Role
from alliance.core.tests.editing import posted, posted_formset
from alliance.core.tests.factories import UserFactory
from alliance.governance.models import AgendaItem, Clause, ContractKind, MinutesItem, Position, Seat
from alliance.governance.services.contracts import add_document
from alliance.governance.services.minutes import start_minutes
from alliance.governance.tests.factories import (
    AgendaItemFactory,
    PersonFactory,
    SeatFactory,
    SubcommitteeFactory,
)
from alliance.governance.tests.factories_minutes import attended_meeting

pytestmark = pytest.mark.django_db


@dataclass
class Case:
    page_url: str  # the page whose form is loaded
    post_url: str
    form_data: Callable  # the page's context → what the browser posts back unchanged
    first: dict  # the change saved first
    second: dict  # the later change, from the same stale page
    stored: Callable  # → what the refused save would have changed, as stored (stays as the first save left it)
    rows: list  # (saved meanwhile, your value) of each field changed meanwhile


def _seat(staff) -> Case:
    seat = SeatFactory(person=PersonFactory(title="팀장", email="kim@example.kr"))
    url = reverse("governance:seat_edit", args=[seat.pk])
    return Case(
        url,
        url,
        lambda context: posted(context["form"]),
        {"title": "본부장"},
        {"email": "kim.new@example.kr"},
        lambda: Seat.objects.get(pk=seat.pk).person.email,
        [("본부장", "팀장")],
    )


def _agenda_item(staff) -> Case:
    item = AgendaItemFactory(title="운영 실적 보고", note="")
    url = reverse("governance:agenda_item_edit", args=[item.pk])
    return Case(
        url,
        url,
        lambda context: posted(context["form"]),
        {"title": "4분기 운영 실적 보고"},
        {"note": "자료 별도 배포"},
        lambda: AgendaItem.objects.get(pk=item.pk).note,
        [("4분기 운영 실적 보고", "운영 실적 보고")],
    )


def _amendment(staff) -> Case:
    today = timezone.localdate()
    body = SubcommitteeFactory(year=today.year, name="상생협력분과")
    chair = UserFactory(role=Role.SUBCOMMITTEE)
    SeatFactory(
        body=body,
        person=PersonFactory(user=chair),
        position=Position.SUBCOMMITTEE_CHAIR,
        term_start=today - datetime.timedelta(days=30),
        term_end=today + datetime.timedelta(days=300),
    )
    document = add_document(
        body=body,
        title="표준계약서",
        kind=ContractKind.CONTRACT,
        text="표준계약서\n제1조(목적) 이 계약은 제작에 관한 사항을 정한다.\n",
        comments_close_on=None,
        by=staff,
    )
    clause = document.clauses.get()
    return Case(
        reverse("governance:contract_detail", args=[document.pk]),
        reverse("governance:clause_amend", args=[clause.pk]),
        lambda context: posted(context["clauses"][0].amendment_form),
        {"proposed_text": "이 계약은 제작과 유통에 관한 사항을 정한다.", "reason": "유통 포함"},
        {"proposed_text": "이 계약은 제작 전반을 정한다.", "reason": "범위 정리"},
        lambda: Clause.objects.get(pk=clause.pk).reason,
        [
            ("이 계약은 제작과 유통에 관한 사항을 정한다.", "이 계약은 제작 전반을 정한다."),
            ("유통 포함", "범위 정리"),
        ],
    )


def _minutes_item(staff) -> Case:
    meeting, _people = attended_meeting()
    start_minutes(actor=staff, meeting=meeting)
    item = meeting.minutes.versions.get().items.get(order=1)
    url = reverse("governance:minutes_item_edit", args=[item.pk])

    def data(context) -> dict:
        return posted(context["form"]) | posted_formset(context["presentations"]) | posted_formset(context["actions"])

    return Case(
        url,
        url,
        data,
        {"title": "4/4분기 운영 실적 보고"},
        {"discussion": "회원사 현황 공유"},
        lambda: MinutesItem.objects.get(pk=item.pk).discussion,
        [("4/4분기 운영 실적 보고", item.title)],
    )


@pytest.mark.parametrize("make", [_seat, _agenda_item, _amendment, _minutes_item], ids=lambda make: make.__name__)
def test_a_stale_save_is_refused_and_shows_the_others_change(client, staff_user, make):
    case = make(staff_user)
    client.force_login(staff_user)
    data = case.form_data(client.get(case.page_url).context)
    first = client.post(case.post_url, data | case.first)
    before = case.stored()

    later = client.post(case.post_url, data | case.second)

    assert (first.status_code, later.status_code) == (302, 200)
    assert case.stored() == before
    form = later.context["form"]
    assert [(row["theirs"], row["yours"]) for row in form.stale_changes] == case.rows
    assert "stale-edit" in later.content.decode()
