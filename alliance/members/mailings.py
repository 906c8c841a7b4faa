"""The members app's bulk e-mails, registered with the delivery mechanism (alliance.core.delivery)."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from alliance.core.delivery.registry import Mailing, register_mailing
from alliance.members.queries.census import CENSUS_MAILING
from alliance.members.services import census


def _round_page(delivery) -> str:
    return reverse("members:census_round_detail", args=[delivery.target_id]) + "#emails"


register_mailing(
    Mailing(
        kind=CENSUS_MAILING,
        label=_("Census e-mails"),
        permission="members.run_census",
        build=census.build_census_email,
        page_url=_round_page,
    )
)
