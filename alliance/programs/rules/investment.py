"""Who may see and change the investment day.

Staff run the day. An investor (Role.INVESTOR) sees only the meetings of their own desk and records interest
only on those; a member representative sees only their organisation's meetings and sets its requests. Every
object outside a user's scope answers 404.
Registered at start-up through alliance/programs/rules.py.
"""

import rules
from django.http import Http404

from alliance.core.permissions import require_object_permission
from alliance.core.roles import Role
from alliance.core.rules import has_organisation, has_role, is_member_representative, is_secretariat
from alliance.programs.models import DayCompany, Desk, Meeting

is_investor = has_role(Role.INVESTOR)


@rules.predicate
def holds_desk(user, meeting) -> bool:
    return meeting is not None and meeting.desk.user_id == getattr(user, "pk", None)


can_have_meetings = is_investor | is_member_representative
rules.add_perm("programs.view_own_meetings", can_have_meetings)
rules.add_perm("programs.request_meetings", is_member_representative & has_organisation)
rules.add_perm("programs.decline_companies", is_investor)
rules.add_perm("programs.record_interest", is_investor & holds_desk)
rules.add_perm("programs.manage_investment_day", is_secretariat)


def own_desk(user, year: int) -> Desk:
    """The investor's desk at the year's investment day; 404 otherwise."""
    desk = None
    if is_investor(user):
        desk = Desk.objects.select_related("day__programme").filter(user=user, day__programme__year=year).first()
    if desk is None:
        raise Http404
    return desk


def own_company(user, year: int) -> DayCompany:
    """The representative's organisation at the year's investment day; 404 otherwise."""
    company = None
    if is_member_representative(user) and getattr(user, "organisation_id", None):
        company = (
            DayCompany.objects.select_related("day__programme", "organisation")
            .filter(organisation_id=user.organisation_id, day__programme__year=year)
            .first()
        )
    if company is None:
        raise Http404
    return company


def desk_meeting(user, pk: int) -> Meeting:
    """A meeting at the investor's own desk; 404 otherwise."""
    meeting = Meeting.objects.select_related("desk", "company__organisation", "day").filter(pk=pk).first()
    require_object_permission(user, "programs.record_interest", meeting)
    return meeting
