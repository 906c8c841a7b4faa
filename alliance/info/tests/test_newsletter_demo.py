"""The newsletter's demo: a month of sent editions, a scheduled and a draft one, feed items from local files."""

import pytest

from alliance.info.demo_newsletter import load_newsletter_demo
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
