"""The events app's bulk e-mails, registered with the delivery mechanism (alliance.core.delivery)."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from alliance.core.delivery.registry import Mailing, register_mailing
from alliance.events.queries.survey import SURVEY_MAILING
from alliance.events.services import survey

# ---- after the event: the satisfaction survey to those who came ------------------------------------------------
register_mailing(
    Mailing(
        kind=SURVEY_MAILING,
        label=_("Event satisfaction survey"),
        permission="events.manage_coverage",
        build=survey.build_survey_email,
        prepare=survey.prepare_survey,
        page_url=lambda delivery: reverse("events:survey_results", args=[delivery.target_id]),
    )
)
