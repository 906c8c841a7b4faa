"""Who may do what in the regulatory self-service.

- The checklist: staff and the seat holders of the ethics subcommittee (settings.REGULATION_SUBCOMMITTEE, asked
  through core/seats.py: governance sits beside this app) edit and publish versions and see the statistics.
- A self-check: a member company's representatives answer for their company; they and staff see its result.
  Another company's answer answers 404; the subcommittee sees results only in the statistics (anonymous unless
  the company agreed to share).
- A filing: the company's representatives write and submit it; staff and the delegated agency's liaisons
  (settings.REGULATION_FILING_AGENCY) see every filing and review it. Another company, another agency: 404.
"""

import rules
from django.conf import settings

from alliance.agencies.models import AgencyLiaison
from alliance.core.roles import Role
from alliance.core.rules import has_organisation, has_role, is_member_representative, is_secretariat
from alliance.core.seats import holds_seat_in


@rules.predicate
def sits_on_ethics_subcommittee(user) -> bool:
    if not hasattr(user, "_ethics_seat_cache"):
        user._ethics_seat_cache = holds_seat_in(user, settings.REGULATION_SUBCOMMITTEE)
    return user._ethics_seat_cache


def is_delegated_liaison_user(user) -> bool:
    """The user is a liaison of the agency the filings are delegated to (cached on the user object)."""
    if not (user and user.is_authenticated):
        return False
    if not hasattr(user, "_filing_agency_cache"):
        user._filing_agency_cache = AgencyLiaison.objects.filter(
            user=user, agency__short_name=settings.REGULATION_FILING_AGENCY
        ).exists()
    return user._filing_agency_cache


is_delegated_liaison = has_role(Role.AGENCY) & rules.predicate(is_delegated_liaison_user, name="is_delegated_liaison")
represents_member = is_member_representative & has_organisation


@rules.predicate
def speaks_for_company_of(user, obj) -> bool:
    """The object (a self-check or filing) belongs to the company the user represents."""
    return obj is not None and getattr(user, "organisation_id", None) == obj.organisation_id


@rules.predicate
def is_filed(user, obj) -> bool:
    """A filing past its draft (a draft is the company's own)."""
    return obj is not None and obj.submitted_at is not None


checklist_keepers = is_secretariat | sits_on_ethics_subcommittee
filing_reviewers = is_secretariat | is_delegated_liaison

rules.add_perm("regulation.manage_checklist", checklist_keepers)
rules.add_perm("regulation.view_statistics", checklist_keepers)
rules.add_perm("regulation.answer_selfcheck", represents_member)
rules.add_perm("regulation.view_selfcheck", is_secretariat | (represents_member & speaks_for_company_of))
rules.add_perm("regulation.file_platform", represents_member)
rules.add_perm("regulation.view_filings", filing_reviewers)
rules.add_perm("regulation.view_filing", (filing_reviewers & is_filed) | (represents_member & speaks_for_company_of))
rules.add_perm("regulation.edit_filing", represents_member & speaks_for_company_of)
rules.add_perm("regulation.review_filing", filing_reviewers & is_filed)
