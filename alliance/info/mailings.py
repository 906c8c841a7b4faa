"""The information services' bulk e-mails, registered with the delivery mechanism (alliance.core.delivery).

Each area adds its mailings in its own block.
"""

from django.conf import settings
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from alliance.core.delivery.registry import Mailing, register_mailing
from alliance.info.queries.subscribers import EDITION_MAILING
from alliance.info.services import newsletter_delivery, subscribers_renewal

# ---- subscribers: the two-yearly renewal request of the consent to advertising ----------------------------------
register_mailing(
    Mailing(
        kind=subscribers_renewal.RENEWAL_MAILING,
        label=_("Renewal of the consent to advertising"),
        permission="info.manage_subscribers",
        build=subscribers_renewal.build_renewal_email,
        page_url=lambda delivery: reverse("info:subscriber_list"),
        batch_size=settings.NEWSLETTER_BATCH_SIZE,
        rate_per_minute=lambda: settings.NEWSLETTER_RATE_PER_MINUTE,
    )
)

# ---- subscribers: an edition of the newsletter --------------------------------------------------------------------
register_mailing(
    Mailing(
        kind=EDITION_MAILING,
        label=_("Newsletter edition"),
        permission="info.send_newsletter",
        build=newsletter_delivery.build_edition_email,
        prepare=newsletter_delivery.prepare_edition,
        page_url=lambda delivery: reverse("info:edition_delivery", args=[delivery.target_id]),
        batch_size=settings.NEWSLETTER_BATCH_SIZE,
        rate_per_minute=lambda: settings.NEWSLETTER_RATE_PER_MINUTE,
    )
)
