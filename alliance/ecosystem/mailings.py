"""The ecosystem app's bulk e-mails, registered with the delivery mechanism (alliance.core.delivery)."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from alliance.core.delivery.registry import Mailing, register_mailing
from alliance.ecosystem.services import survey


def _survey_page(delivery) -> str:
    return reverse("ecosystem:survey_detail", args=[delivery.target_id]) + "#emails"


register_mailing(
    Mailing(
        kind=survey.SURVEY_MAILING,
        label=_("Map survey e-mails"),
        permission="ecosystem.review_survey",
        build=survey.build_survey_email,
        sent=survey.survey_email_sent,
        page_url=_survey_page,
    )
)
