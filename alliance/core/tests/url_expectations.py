"""Who may open core's URLs (see url_matrix.py)."""

import datetime

from django.utils import timezone

from alliance.core.delivery.ordering import Addressee, order_delivery
from alliance.core.models import Delivery, DeliveryRecipient, PrivacyPolicy
from alliance.core.roles import Role
from alliance.core.tests.factories import UserFactory
from alliance.core.tests.mailing_fixture import KIND
from alliance.core.tests.url_matrix import everyone, no_body, staff_only

EXPECTED = {
    "core:login": everyone(),
    "core:logout": everyone(405),  # POST only
    "core:audit_log": staff_only(),
    "core:accounts": staff_only(),
    "core:account_roles": staff_only(),
    "core:password_reset": everyone(),
    "core:password_reset_sent": everyone(),
    "core:password_reset_confirm": everyone(),  # an unknown link shows "expired" (200), never a form
    "core:password_reset_complete": everyone(),
    "core:privacy": everyone(),
    "core:privacy_version": everyone(),
    "core:privacy_edit": staff_only(),
    "core:audit_log_export": staff_only(),
    "core:set_language": everyone("302 → /"),  # GET changes nothing and goes home; POST switches
    # A delivery of core's test mailing, whose ordering page (the audit log) is the secretariat's.
    "core:delivery_status": staff_only(),
    "core:delivery_resume": staff_only(405),  # POST only: the delivery first, then the method
    "core:healthz": everyone(),
    "core:readyz": everyone(),
}

COUNTED_MODELS = (Delivery, DeliveryRecipient, PrivacyPolicy)
PK_OF = {
    "core:delivery_status": "delivery",
    "core:delivery_resume": "delivery",
    "core:account_roles": "account",
}
PATH_VALUES = {
    "uidb64": lambda world: "MQ",
    "version": lambda world: world["privacy_policy"].version,
}


POST_DATA = {
    "core:delivery_resume": no_body,
    "core:account_roles": lambda world: {"roles": ["steering", "subcommittee"]},
    "core:privacy_edit": lambda world: {"body": "개인정보처리방침 개정안", "effective_on": "2026-01-01"},
}


def build_world(world) -> dict:
    """A delivery whose one e-mail the mail server deferred: staff may send it to the rest; a privacy policy."""
    staff = world["users"]["staff"]
    delivery = order_delivery(actor=staff, kind=KIND, target=staff, addressees=[Addressee("rep@zen.example.kr")])
    Delivery.objects.filter(pk=delivery.pk).update(run_at=timezone.now())
    delivery.recipients.update(
        state=DeliveryRecipient.State.DEFERRED, attempts=1, next_attempt_at=timezone.now() + datetime.timedelta(hours=1)
    )
    # Two versions, so that the earlier one is linked from the current one.
    policy = PrivacyPolicy.objects.create(version=1, body="개인정보처리방침", effective_on=datetime.date(2024, 1, 1))
    PrivacyPolicy.objects.create(version=2, body="개인정보처리방침 개정", effective_on=datetime.date(2025, 1, 1))
    # The account whose roles staff change (a steering member, who also joins a subcommittee): not one of the
    # matrix's users, whose logging in changes their row.
    account = UserFactory(role=Role.STEERING, email="steering-account@example.kr")
    return {"delivery": delivery, "privacy_policy": policy, "account": account}
