"""Announcement e-mailings (사업공고 및 행사 이메일링: seed 001 counts 27 in 2025) counted for the quarterly briefing:
a notice e-mailed to the newsletter's subscribers, and a call of the competition e-mailed to the members (the
programs app's call mailing), each delivery once, by the time it was ordered."""

from django.db.models import QuerySet

from alliance.core.dates import period_moments
from alliance.core.models import Delivery

POST_MAILING = "info.post_mailing"  # a notice e-mailed (services/post_mailing.py sends it)
COMPETITION_CALL_MAILING = "programs.call"  # alliance/programs/services/call.py CALL_MAILING
ANNOUNCEMENT_KINDS = (POST_MAILING, COMPETITION_CALL_MAILING)


def announcement_deliveries(year: int, quarter: int | None = None) -> QuerySet[Delivery]:
    start, end = period_moments(year, quarter)
    return Delivery.objects.filter(kind__in=ANNOUNCEMENT_KINDS, ordered_at__gte=start, ordered_at__lt=end)


def mailings_sent(year: int, quarter: int | None = None) -> int:
    """How many announcement e-mailings were ordered in the quarter (the year when `quarter` is None)."""
    return announcement_deliveries(year, quarter).count()
