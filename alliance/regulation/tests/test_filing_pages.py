"""The filing pages: below 1억원 the company is told filing is not required and may file anyway; the public
check page answers only a certificate's own key and shows only number, company, platform, type, date and status;
re-confirmation reminders go out when configured."""

import datetime

import pytest
from django.core import mail
from django.utils import timezone

from alliance.core.roles import Role
from alliance.core.tests.factories import UserFactory
from alliance.regulation.models import Filing
from alliance.regulation.services import filings as service
from alliance.regulation.services.filing_emails import send_reconfirmation_reminders
from alliance.regulation.tests.factories import FilingFactory

pytestmark = pytest.mark.django_db


def _received(organisation):
    filing = FilingFactory(organisation=organisation, contact_phone="010-9999-0000")
    service.submit_filing(actor=None, filing=filing)
    return service.review_filing(actor=UserFactory(role=Role.STAFF), filing_id=filing.pk, receive=True)


def test_below_the_threshold_the_page_says_filing_is_not_required(client, organisation):
    rep = UserFactory(role=Role.MEMBER_REP, organisation=organisation)
    client.force_login(rep)
    body = {
        "kind": "new", "platform_name": "작은 전시관", "address": "https://small.example.kr",
        "description": "소규모 가상 전시관", "platform_type": "exhibition", "revenue_year": "2025",
        "revenue_won": "60000000", "contact_name": "이담당", "contact_email": "small@example.kr",
    }  # fmt: skip
    response = client.post("/regulation/filings/new/", body, follow=True)
    page = response.content.decode()
    assert "신고 대상이 아닙니다" in page
    assert "가상융합산업 진흥법 제9조" in page
    assert Filing.objects.get().revenue_won == 60_000_000


def test_the_check_page_shows_only_the_receipt(client, organisation):
    filing = _received(organisation)
    page = client.get(f"/regulation/check/{filing.check_token}/").content.decode()
    assert filing.receipt_number in page
    assert filing.platform_name in page
    assert organisation.name in page
    assert "010-9999-0000" not in page
    assert "contact@example.kr" not in page
    assert client.get(f"/regulation/check/{filing.check_token[:-1]}x/").status_code == 404
    assert client.get("/regulation/check/short/").status_code == 404


def test_reconfirmation_reminders_only_when_configured(settings, organisation):
    filing = _received(organisation)
    later = timezone.now() + datetime.timedelta(days=400)
    settings.REGULATION_RECONFIRM_MONTHS = 0
    assert send_reconfirmation_reminders(as_of=later) == 0
    settings.REGULATION_RECONFIRM_MONTHS = 12
    mail.outbox.clear()
    assert send_reconfirmation_reminders(as_of=later) == 1
    assert send_reconfirmation_reminders(as_of=later) == 0
    assert mail.outbox[0].to == [filing.contact_email]
    assert filing.platform_name in mail.outbox[0].subject


def test_a_change_starts_from_the_received_filing(client, organisation):
    filing = _received(organisation)
    client.force_login(UserFactory(role=Role.MEMBER_REP, organisation=organisation))
    page = client.get(f"/regulation/filings/new/?kind=change&of={filing.pk}").content.decode()
    assert f'value="{filing.platform_name}"' in page
    assert f'<option value="{filing.pk}" selected>{filing.receipt_number} {filing.platform_name}</option>' in page
    assert client.get("/regulation/filings/new/?kind=cancel&of=abc").status_code == 200


def test_a_save_after_another_representatives_is_refused(organisation):
    from alliance.core.versions import StaleEditError

    filing = FilingFactory(organisation=organisation)
    data = {field: getattr(filing, field) for field in service.FIELDS}
    loaded = Filing.objects.get(pk=filing.pk).version
    service.save_filing(
        actor=None, organisation=organisation, data=data | {"platform_name": "첫째"}, filing=filing,
        expected_version=loaded,
    )  # fmt: skip
    with pytest.raises(StaleEditError):
        service.save_filing(
            actor=None, organisation=organisation, data=data | {"platform_name": "둘째"}, filing=filing,
            expected_version=loaded,
        )  # fmt: skip
    assert Filing.objects.get(pk=filing.pk).platform_name == "첫째"
