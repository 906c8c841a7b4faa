"""The subscribers' demo: members and public subscribers with their consent, a delivery for each sent edition."""

import datetime

import pytest
from django.utils import timezone

from alliance.core.models import Delivery, DeliveryRecipient
from alliance.info.demo_subscribers import load_subscribers_demo
from alliance.info.models import Consent, Edition, Subscriber

pytestmark = pytest.mark.django_db


def test_the_demo_has_members_public_imported_subscribers_and_deliveries(member_rep, staff_user):
    sent = Edition.objects.create(
        publishing_date=datetime.date(2026, 12, 4),
        subject="뉴스레터",
        state=Edition.State.SENT,
        sent_at=timezone.now(),
    )

    outcome = load_subscribers_demo(seed=7)
    again = load_subscribers_demo(seed=7)

    assert again == "newsletter subscribers: present, kept"
    assert outcome.startswith("newsletter subscribers: ")
    assert Subscriber.objects.filter(organisation=member_rep.organisation).count() in {0, 1}
    assert Subscriber.objects.filter(email__endswith="@demo-mail.kr", state="active").count() > 200
    assert Consent.objects.filter(source="import").count() >= 30
    delivery = Delivery.objects.get(target_id=sent.pk)
    active = Subscriber.objects.filter(state__in=["active", "suspended"]).count()
    assert delivery.recipients.count() == active
    assert DeliveryRecipient.objects.filter(state="sent").count() > 0
