"""The two-yearly renewal of the consent to advertising, on a fixed clock: the request two years after the last
confirmation, advertising suspended after the grace period, resumed by the renewal link."""

import datetime
import re

import pytest
from django.urls import reverse

from alliance.info.models import Consent, Subscriber
from alliance.info.services.subscribers_renewal import request_renewals, suspend_unrenewed
from alliance.info.tests.factories_subscribers import SubscriberFactory

pytestmark = pytest.mark.django_db
CONFIRMED = datetime.datetime(2024, 3, 4, 9, 0, tzinfo=datetime.UTC)
RENEW_LINK = re.compile(r"http://\S+(/newsletter/s/\S+/renew)")


@pytest.fixture(autouse=True)
def _rules(settings):
    settings.NEWSLETTER_CONSENT_RENEWAL = True
    settings.NEWSLETTER_CONSENT_RENEWAL_DAYS = 730
    settings.NEWSLETTER_RENEWAL_GRACE_DAYS = 30
    settings.NEWSLETTER_RATE_PER_MINUTE = 0


def day(days: int, hours: int = 0) -> datetime.datetime:
    return CONFIRMED + datetime.timedelta(days=days, hours=hours)


def test_the_request_goes_two_years_after_the_last_confirmation_and_once(
    smtp_server, django_capture_on_commit_callbacks
):
    subscriber = SubscriberFactory(advertising=True, advertising_confirmed_at=CONFIRMED)
    SubscriberFactory(advertising=False)  # no consent to advertising: nothing to renew

    with django_capture_on_commit_callbacks(execute=True):
        before = request_renewals(now=day(729, 23))
        due = request_renewals(now=day(730))
        again = request_renewals(now=day(731))

    assert (before, due, again) == (0, 1, 0)
    [message] = smtp_server.messages
    assert message["To"] == subscriber.email
    assert "광고성 정보" in message["Subject"]
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    subscriber.refresh_from_db()
    assert subscriber.renewal_requested_at == day(730)


def test_advertising_is_suspended_after_the_grace_period_and_renewing_resumes_it(
    client, smtp_server, django_capture_on_commit_callbacks
):
    subscriber = SubscriberFactory(advertising=True, advertising_confirmed_at=CONFIRMED)
    with django_capture_on_commit_callbacks(execute=True):
        request_renewals(now=day(730))
    renew_path = RENEW_LINK.search(smtp_server.messages[0].get_body(("plain",)).get_content()).group(1)

    assert suspend_unrenewed(now=day(759)) == 0
    assert suspend_unrenewed(now=day(760)) == 1
    subscriber.refresh_from_db()
    assert (subscriber.state, subscriber.receives_advertising) == ("active", False)  # the newsletter continues

    client.get(renew_path)
    client.post(renew_path)

    subscriber.refresh_from_db()
    assert (subscriber.receives_advertising, subscriber.renewal_requested_at) == (True, None)
    rows = Consent.objects.filter(subscriber=subscriber, purpose="advertising").order_by("id")
    assert [(row.action, row.source) for row in rows] == [("lapsed", "renewal"), ("renewed", "renewal")]


def test_a_renewal_in_time_prevents_the_suspension(client):
    subscriber = SubscriberFactory(advertising=True, advertising_confirmed_at=CONFIRMED, renewal_requested_at=day(730))

    client.post(reverse("info:subscription_renew", args=[subscriber.link_token()]))

    assert suspend_unrenewed(now=day(800)) == 0
    assert Subscriber.objects.get(pk=subscriber.pk).receives_advertising is True


def test_with_the_rule_switched_off_nothing_is_asked_or_suspended(settings):
    settings.NEWSLETTER_CONSENT_RENEWAL = False
    SubscriberFactory(advertising=True, advertising_confirmed_at=CONFIRMED, renewal_requested_at=day(730))
    SubscriberFactory(advertising=True, advertising_confirmed_at=CONFIRMED)

    assert (request_renewals(now=day(2000)), suspend_unrenewed(now=day(2000))) == (0, 0)
