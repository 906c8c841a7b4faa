"""Who may open core's URLs (see url_matrix.py)."""

import datetime

from django.utils import timezone

from alliance.core.delivery.ordering import Addressee, order_delivery
from alliance.core.models import Delivery, DeliveryRecipient
from alliance.core.tests.mailing_fixture import KIND
from alliance.core.tests.url_matrix import everyone, no_body, signed_in, staff_only

EXPECTED = {
    "core:login": everyone(),
    "core:logout": everyone(405),  # POST only
    "core:audit_log": staff_only(),
    "core:set_language": everyone("302 → /"),  # GET changes nothing and goes home; POST switches
    # A delivery of core's test mailing, whose ordering page (the audit log) is the secretariat's.
    "core:delivery_status": staff_only(),
    "core:delivery_resume": signed_in(405),  # POST only
}

COUNTED_MODELS = (Delivery, DeliveryRecipient)
PK_OF = {"core:delivery_status": "delivery", "core:delivery_resume": "delivery"}


POST_DATA = {"core:delivery_resume": no_body}


def build_world(world) -> dict:
    """A delivery whose one e-mail the mail server deferred: staff may send it to the rest."""
    staff = world["users"]["staff"]
    delivery = order_delivery(actor=staff, kind=KIND, target=staff, addressees=[Addressee("rep@zen.example.kr")])
    Delivery.objects.filter(pk=delivery.pk).update(run_at=timezone.now())
    delivery.recipients.update(
        state=DeliveryRecipient.State.DEFERRED, attempts=1, next_attempt_at=timezone.now() + datetime.timedelta(hours=1)
    )
    return {"delivery": delivery}
