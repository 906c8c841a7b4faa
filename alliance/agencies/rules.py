"""Who may do what with the partner agencies' pages.

Staff see and edit every agency's plan and reports, review the reports and set the deadlines. A liaison
(a user with the agency role linked to one agency by `AgencyLiaison`) sees and edits only their own agency's
plan and reports: another agency's pages answer 404. Everyone else signed in gets 404.
The role test goes through core's predicates (`has_role`), never `user.role` itself.
"""

import rules

from alliance.agencies.models import (
    Agency,
    AgencyLiaison,
    LinkagePlan,
    PlanItem,
    QuarterlyReport,
    ReportEntry,
    ReportFile,
)
from alliance.core.roles import Role
from alliance.core.rules import has_role, is_secretariat


def liaison_agency_id(user) -> int | None:
    """The agency the user speaks for (None for anyone who is not a liaison); cached on the user object."""
    if not (user and user.is_authenticated):
        return None
    if not hasattr(user, "_agency_id_cache"):
        user._agency_id_cache = AgencyLiaison.objects.filter(user=user).values_list("agency_id", flat=True).first()
    return user._agency_id_cache


def agency_id_of(obj) -> int | None:
    """The agency an agency page's object belongs to (an agency, plan, plan item, report, entry or file)."""
    if isinstance(obj, Agency):
        return obj.pk
    if isinstance(obj, LinkagePlan | QuarterlyReport):
        return obj.agency_id
    if isinstance(obj, PlanItem):
        return obj.plan.agency_id
    if isinstance(obj, ReportEntry):
        return obj.report.agency_id
    if isinstance(obj, ReportFile):
        return obj.entry.report.agency_id
    return None


@rules.predicate
def links_to_an_agency(user) -> bool:
    return liaison_agency_id(user) is not None


@rules.predicate
def speaks_for(user, obj) -> bool:
    """The object belongs to the agency the user is the liaison of."""
    agency_id = liaison_agency_id(user)
    return agency_id is not None and obj is not None and agency_id_of(obj) == agency_id


is_liaison = has_role(Role.AGENCY) & links_to_an_agency

rules.add_perm("agencies.view_own_agency", is_liaison)
rules.add_perm("agencies.manage_agencies", is_secretariat)
# Object-level: staff for every agency, a liaison for their own agency's plan, reports and files.
rules.add_perm("agencies.work_on_agency", is_secretariat | (is_liaison & speaks_for))
