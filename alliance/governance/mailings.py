"""The governance app's bulk e-mails, registered with the delivery mechanism (alliance.core.delivery).

Each area adds its mailings in its own block.
"""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from alliance.core.delivery.registry import Mailing, register_mailing
from alliance.governance.services import invitations, minutes_circulation

# ---- minutes: circulation to the attendees for comments ------------------------------------------------------


def _minutes_page(delivery) -> str:
    from alliance.governance.models import MinutesVersion  # noqa: PLC0415  the registry is read at sending time

    return minutes_circulation.circulation_page(
        MinutesVersion.objects.select_related("minutes").get(pk=delivery.target_id)
    )


register_mailing(
    Mailing(
        kind=minutes_circulation.MINUTES_MAILING,
        label=_("Minutes circulated for comments"),
        permission="governance.change_minutes",
        build=minutes_circulation.build_circulation_email,
        sent=minutes_circulation.circulation_email_sent,
        page_url=_minutes_page,
    )
)


# ---- meetings: invitations and reminders (the `meetings` area) -----------------------------------------------


def _meeting_page(delivery) -> str:
    return reverse("governance:meeting_detail", args=[delivery.target_id]) + "#replies"


register_mailing(
    Mailing(
        kind=invitations.MEETING_MAILING,
        label=_("Meeting invitations"),
        permission="governance.manage_meetings",
        build=invitations.build_meeting_email,
        page_url=_meeting_page,
    )
)
