"""The information services' bulk e-mails, registered with the delivery mechanism (alliance.core.delivery).

Each area adds its mailings in its own block.
"""

from django.conf import settings
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from alliance.core.delivery.registry import Mailing, register_mailing
from alliance.info.queries.subscribers import EDITION_MAILING
from alliance.info.services import newsletter_delivery, post_mailing, subscribers_renewal

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

# ---- board: a notice e-mailed to the subscribers (사업공고·행사 이메일링) ----------------------------------
register_mailing(
    Mailing(
        kind=post_mailing.POST_MAILING,
        label=_("Notice e-mailed to the subscribers"),
        permission="info.send_newsletter",
        build=post_mailing.build_post_email,
        prepare=post_mailing.prepare_post_mailing,
        page_url=lambda delivery: reverse("info:board_post", args=[delivery.target_id]),
        batch_size=settings.NEWSLETTER_BATCH_SIZE,
        rate_per_minute=lambda: settings.NEWSLETTER_RATE_PER_MINUTE,
    )
)
