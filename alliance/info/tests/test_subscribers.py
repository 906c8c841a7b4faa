"""Subscribing with double opt-in, one's own subscription, one-click unsubscribe (RFC 8058) without login."""

import datetime
import re

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from alliance.core.tests.factories import UserFactory
from alliance.info.consent_wording import CURRENT_ADVERTISING, CURRENT_NEWSLETTER
from alliance.info.models import Consent, Subscriber
from alliance.info.services import subscribers as service
from alliance.info.tests.factories_subscribers import SubscriberFactory
from alliance.members.tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db
LINK = re.compile(r"http://\S+/newsletter/s/(\S+)/confirm")


def consents(subscriber):
    return list(Consent.objects.filter(subscriber=subscriber).order_by("id").values_list("purpose", "action", "source"))


def test_double_opt_in_records_consent_only_when_the_link_is_confirmed(
    client, smtp_server, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("info:newsletter_subscribe"),
            {"email": " Reader@Example.kr ", "newsletter": "on", "advertising": "on"},
        )

    assert response.status_code == 200
    assert "메일함을 확인하세요" in response.content.decode()
    subscriber = Subscriber.objects.get()
    assert (subscriber.email, subscriber.state, consents(subscriber)) == ("reader@example.kr", "pending", [])
    [message] = smtp_server.messages
    assert message["To"] == "reader@example.kr"
    token = LINK.search(message.get_body(("plain",)).get_content()).group(1)

    confirm_url = reverse("info:subscription_confirm", args=[token])
    page = client.get(confirm_url)
    assert (page.status_code, Subscriber.objects.get().state) == (200, "pending")  # a scanner's GET subscribes nobody
    client.post(confirm_url)

    subscriber.refresh_from_db()
    assert (subscriber.state, subscriber.advertising, subscriber.receives_advertising) == ("active", True, True)
    assert consents(subscriber) == [("newsletter", "given", "form"), ("advertising", "given", "form")]
    versions = list(
        Consent.objects.filter(subscriber=subscriber).order_by("id").values_list("wording_version", flat=True)
    )
    assert versions == [CURRENT_NEWSLETTER, CURRENT_ADVERTISING]
    assert Consent.objects.filter(subscriber=subscriber, wording__contains="뉴스레터").count() == 2


def test_a_confirmation_link_expires_after_the_confirm_days(client, settings):
    settings.NEWSLETTER_CONFIRM_DAYS = 7
    subscriber = SubscriberFactory(state="pending", requested_at=timezone.now() - datetime.timedelta(days=8))

    response = client.post(reverse("info:subscription_confirm", args=[subscriber.link_token()]))

    subscriber.refresh_from_db()
    assert (response.status_code, subscriber.state, consents(subscriber)) == (410, "pending", [])


def test_the_form_answers_the_same_for_a_subscribed_address_and_sends_nothing(client, smtp_server):
    SubscriberFactory(email="known@example.kr")

    response = client.post(reverse("info:newsletter_subscribe"), {"email": "known@example.kr", "newsletter": "on"})

    assert (response.status_code, "메일함을 확인하세요" in response.content.decode()) == (200, True)
    assert smtp_server.messages == []


def test_the_form_needs_the_newsletter_consent_ticked(client):
    response = client.post(reverse("info:newsletter_subscribe"), {"email": "new@example.kr"})

    assert "뉴스레터 수신 동의에 체크하세요." in response.content.decode()
    assert Subscriber.objects.count() == 0


def test_one_click_unsubscribe_without_login_or_csrf_token_records_the_withdrawal():
    subscriber = SubscriberFactory(advertising=True, advertising_confirmed_at=timezone.now())
    mail_client = Client(enforce_csrf_checks=True)  # a mail provider's POST: no cookie, no form token
    url = reverse("info:subscription_link", args=[subscriber.link_token()]) + "?edition=42"

    response = mail_client.post(
        url, data="List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded"
    )
    again = mail_client.post(url, data="List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded")

    subscriber.refresh_from_db()
    assert (response.status_code, again.status_code, subscriber.state) == (200, 200, "unsubscribed")
    rows = Consent.objects.filter(subscriber=subscriber).order_by("id")
    assert [(row.purpose, row.action, row.source, row.edition_id) for row in rows] == [
        ("advertising", "withdrawn", "email_link", 42),
        ("newsletter", "withdrawn", "email_link", 42),
    ]


def test_the_unsubscribe_link_shows_a_confirm_page_on_get_and_changes_nothing(client):
    subscriber = SubscriberFactory()

    response = client.get(reverse("info:subscription_link", args=[subscriber.link_token()]))

    subscriber.refresh_from_db()
    assert (response.status_code, subscriber.state) == (200, "active")
    assert "수신 거부" in response.content.decode()


def test_an_unknown_token_is_not_found(client):
    assert client.get(reverse("info:subscription_link", args=["no-such-token"])).status_code == 404


def test_a_member_subscribes_their_own_address_from_my_page(client, member_rep):
    client.force_login(member_rep)

    client.post(reverse("info:my_subscription"), {"newsletter": "on", "advertising": "on"})
    client.post(reverse("info:my_subscription"), {"newsletter": "on"})

    subscriber = Subscriber.objects.get(email="rep@zen.example.kr")
    assert (subscriber.state, subscriber.organisation_id, subscriber.advertising) == (
        "active",
        member_rep.organisation_id,
        False,
    )
    assert consents(subscriber) == [
        ("newsletter", "given", "member_profile"),
        ("advertising", "given", "member_profile"),
        ("advertising", "withdrawn", "member_profile"),
    ]


def test_withdrawn_consent_stays_as_history_when_the_address_subscribes_again():
    user = UserFactory(email="again@example.kr")
    service.set_own_subscription(user=user, newsletter=True, advertising=False)
    service.set_own_subscription(user=user, newsletter=False, advertising=False)
    subscriber = service.set_own_subscription(user=user, newsletter=True, advertising=False)

    assert consents(subscriber) == [
        ("newsletter", "given", "member_profile"),
        ("newsletter", "withdrawn", "member_profile"),
        ("newsletter", "given", "member_profile"),
    ]


def test_a_representative_asks_a_contact_who_subscribes_only_by_confirming(
    client, member_rep, smtp_server, django_capture_on_commit_callbacks
):
    from alliance.members.models import Contact

    contact = Contact.objects.create(organisation=member_rep.organisation, name="박담당", email="park@zen.example.kr")
    other = Contact.objects.create(organisation=OrganisationFactory(), name="남의 담당", email="other@b.example.kr")
    client.force_login(member_rep)

    page = client.get(reverse("info:my_subscription")).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("info:my_subscription"), {"invite_contact": contact.pk})
        client.post(reverse("info:my_subscription"), {"invite_contact": other.pk})

    assert "park@zen.example.kr" in page
    assert "other@b.example.kr" not in page
    assert [message["To"] for message in smtp_server.messages] == ["park@zen.example.kr"]
    subscriber = Subscriber.objects.get(email="park@zen.example.kr")
    assert (subscriber.state, consents(subscriber)) == ("pending", [])
