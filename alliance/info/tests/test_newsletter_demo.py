"""The newsletter's demo: a month of sent editions, a scheduled and a draft one, feed items from local files."""

import pytest

from alliance.info.demo_newsletter import load_newsletter_demo, load_past_newsletter_demo
from alliance.info.models import Edition, FeedItem

pytestmark = pytest.mark.django_db


def test_demo_loads_a_month_of_editions_without_the_network(staff_user):
    summary = load_newsletter_demo(seed=7)
    states = sorted(set(Edition.objects.values_list("state", flat=True)))
    assert states == ["draft", "scheduled", "sent"]
    assert list(Edition.objects.exclude(state="sent").values_list("state", flat=True).order_by("publishing_date")) == [
        "scheduled",
        "draft",
    ]
    assert FeedItem.objects.count() == 30
    sent = Edition.objects.filter(state="sent")
    assert all(edition.html and edition.items.count() == 12 for edition in sent)
    assert summary.startswith(f"newsletter: {sent.count()} sent editions, 1 scheduled, 1 draft")


def test_the_demo_adds_editions_sent_in_2025_q4_without_touching_the_2026_month(staff_user):
    load_newsletter_demo(seed=3)
    before = list(Edition.objects.order_by("pk").values_list("publishing_date", "state", "carries_advertising"))
    summary = load_past_newsletter_demo(seed=3)
    past = Edition.objects.filter(publishing_date__year=2025)
    assert summary == f"newsletter: {past.count()} editions sent in 2025 Q4"
    assert past.count() >= 5
    assert {(edition.state, edition.publishing_date.month >= 10) for edition in past} == {("sent", True)}
    assert all(edition.items.count() == 12 for edition in past)
    assert (
        list(
            Edition.objects.exclude(publishing_date__year=2025)
            .order_by("pk")
            .values_list("publishing_date", "state", "carries_advertising")
        )
        == before
    )
    assert load_past_newsletter_demo(seed=3) == "newsletter: 2025 editions present, kept"
