"""Two people editing one agency record: the later save is refused and shows what changed meanwhile
(core/versions.py), for a quarterly report's entry (an agency has several liaisons) and the year's deadlines."""

import datetime

import pytest
from django.test import Client
from django.urls import reverse

from alliance.agencies.models import QuarterDeadline, ReportEntry
from alliance.agencies.tests.factories import EntryFactory, LiaisonFactory
from alliance.core.tests.editing import posted

pytestmark = pytest.mark.django_db


def _page_data(response) -> dict:
    data = {}
    for row in response.context["rows"]:
        data |= posted(row["form"])
    return data


def test_a_report_entry_saved_by_another_liaison_refuses_the_later_save_and_shows_the_change():
    entry = EntryFactory(text="설명회 1회 개최", figures="12개 기관 참여")
    first, second = (LiaisonFactory(agency=entry.report.agency) for _ in range(2))
    url = reverse("agencies:report", args=[entry.report.agency_id, 2026, 1])
    one, other = Client(), Client()
    one.force_login(first.user)
    other.force_login(second.user)
    one_data, other_data = _page_data(one.get(url)), _page_data(other.get(url))
    prefix = f"item{entry.plan_item_id}"

    saved = one.post(url, one_data | {f"{prefix}-text": "설명회 2회 개최"})
    later = other.post(url, other_data | {f"{prefix}-figures": "20개 기관 참여"})

    assert (saved.status_code, later.status_code) == (302, 200)
    entry.refresh_from_db()
    assert (entry.text, entry.figures) == ("설명회 2회 개최", "12개 기관 참여")
    form = later.context["rows"][0]["form"]
    assert [(row["theirs"], row["yours"]) for row in form.stale_changes] == [("설명회 2회 개최", "설명회 1회 개최")]
    assert "stale-edit" in later.content.decode()


def test_a_later_save_of_the_years_deadlines_is_refused_and_shows_the_change(client, staff_user):
    url = reverse("agencies:deadlines", args=[2026])
    client.force_login(staff_user)
    data = posted(client.get(url).context["form"])

    saved = client.post(url, data | {"q1": "2026-04-15"})
    later = client.post(url, data | {"q2": "2026-07-20"})

    assert (saved.status_code, later.status_code) == (302, 200)
    assert list(QuarterDeadline.objects.values_list("quarter", "due_on")) == [(1, datetime.date(2026, 4, 15))]
    rows = later.context["form"].stale_changes
    assert [(row["theirs"], row["yours"]) for row in rows] == [("2026. 4. 15.", "2026. 4. 10.")]
    assert ReportEntry.objects.count() == 0
