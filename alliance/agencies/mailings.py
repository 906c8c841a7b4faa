"""The agencies app's bulk e-mails, registered with the delivery mechanism (alliance.core.delivery)."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from alliance.agencies.models import QuarterDeadline
from alliance.agencies.services import reminders
from alliance.core.delivery.registry import Mailing, register_mailing


def _deadlines_page(delivery) -> str:
    row = QuarterDeadline.objects.filter(pk=delivery.target_id).first()
    return reverse("agencies:deadlines", args=[row.year]) if row else reverse("agencies:agency_list")


register_mailing(
    Mailing(
        kind=reminders.MAILING,
        label=_("Agency report reminders"),
        permission="agencies.manage_agencies",
        build=reminders.build_reminder,
        page_url=_deadlines_page,
    )
)
