"""Reads of the member registry that several callers share (directory, statistics, exports).

Rule (issue 2): a member counts on date D when it joined on or before D and had not withdrawn on or
before D.
"""

import datetime

from django.db.models import Q, QuerySet

from alliance.members.models import Organisation


def member_on_q(on: datetime.date, prefix: str = "") -> Q:
    """The condition `member on date D` as a Q, for filters and conditional aggregates."""
    return Q(**{f"{prefix}joined_on__lte": on}) & (
        Q(**{f"{prefix}withdrawn_on__isnull": True}) | Q(**{f"{prefix}withdrawn_on__gt": on})
    )


def current_members(on: datetime.date | None = None) -> QuerySet:
    """Organisations that are members on `on` (today when omitted)."""
    return Organisation.objects.filter(member_on_q(on or datetime.date.today()))
