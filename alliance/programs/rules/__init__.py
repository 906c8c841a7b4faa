"""Who may see and change programmes, project groups and proposals.

Staff set programmes up and see every group. A member representative sees only the groups its own
organisation is in (lead or partner, confirmed or not) and only the lead's representative changes one.
Groups outside a user's scope answer 404, not 403, so that a URL does not reveal what exists.

Every `programs.*` permission is registered when this module is imported, which django-rules does at
start-up (`rules.apps.AutodiscoverRulesConfig`): the judging and investment-day rules live in their own
modules and are imported here, so that a management command or the worker sees them too, not only a request
that has loaded the URL configuration.
"""

import rules
from django.http import Http404

from alliance.core.permissions import require_object_permission
from alliance.core.rules import has_organisation, is_member_representative, is_secretariat
from alliance.programs import (
    phrases,
    queries,
)
from alliance.programs.models import InterimResult, MentoringSession, ProjectGroup
from alliance.programs.rules import investment  # noqa: F401  imported to register its permissions at start-up
from alliance.programs.rules.judging import is_evaluator


@rules.predicate
def is_in_group(user, group) -> bool:
    organisation_id = getattr(user, "organisation_id", None)
    if group is None or organisation_id is None:
        return False
    return group.lead_id == organisation_id or group.members.filter(organisation_id=organisation_id).exists()


@rules.predicate
def leads_group(user, group) -> bool:
    return group is not None and getattr(user, "organisation_id", None) == group.lead_id


can_view_group = is_secretariat | (is_member_representative & is_in_group)
can_edit_group = is_member_representative & leads_group
# A group's companies speak for it: they object to its result (이의신청).
speaks_for_group = is_member_representative & is_in_group

rules.add_perm("programs.manage_programme", is_secretariat)
rules.add_perm("programs.apply", is_member_representative & has_organisation)
rules.add_perm("programs.view_group", can_view_group)
rules.add_perm("programs.change_group", can_edit_group)
rules.add_perm("programs.object_to_result", speaks_for_group)


def visible_group(user, pk: int) -> ProjectGroup:
    """The group `pk` with its members, proposal and files if `user` may see it; 404 otherwise."""
    group = queries.group_detail(pk)
    if group is None or not user.has_perm("programs.view_group", group):
        raise Http404(phrases.NOT_FOUND)
    return group


# ---------------------------------------------------------------- mentoring


@rules.predicate
def mentors_session(user, session) -> bool:
    return session is not None and session.mentor.user_id == getattr(user, "pk", None)


@rules.predicate
def is_in_session_group(user, session) -> bool:
    return session is not None and is_in_group(user, session.group)


@rules.predicate
def mentors_result_group(user, result) -> bool:
    """A mentor of any session of the interim result's group."""
    return result is not None and (
        MentoringSession.objects.filter(group_id=result.group_id, mentor__user_id=getattr(user, "pk", None)).exists()
    )


@rules.predicate
def may_view_result_group(user, result) -> bool:
    return result is not None and can_view_group(user, result.group)


can_view_session = is_secretariat | mentors_session | (is_member_representative & is_in_session_group)
rules.add_perm("programs.view_session", can_view_session)
rules.add_perm("programs.schedule_session", is_secretariat | mentors_session)
rules.add_perm("programs.record_feedback", mentors_session)
rules.add_perm("programs.view_own_sessions", is_evaluator)  # mentors are evaluators (Role.EVALUATOR)
rules.add_perm("programs.view_interim_result", mentors_result_group | may_view_result_group)


def visible_session(user, pk: int):
    """The mentoring session `pk` if `user` is staff, its mentor or at one of its group's companies; else 404."""
    session = (
        MentoringSession.objects.select_related("group__programme", "group__track", "mentor__user")
        .filter(pk=pk)
        .first()
    )
    require_object_permission(user, "programs.view_session", session)
    return session


def visible_interim_result(user, pk: int):
    """An interim result for staff, the group's companies and the group's mentors; 404 for anyone else."""
    result = InterimResult.objects.select_related("group").filter(pk=pk).first()
    require_object_permission(user, "programs.view_interim_result", result)
    return result


# ---------------------------------------------------------------- post-award support


@rules.predicate
def leads_awarded_group(user, grant) -> bool:
    return grant is not None and leads_group(user, grant.winner.group)


@rules.predicate
def is_in_awarded_group(user, grant) -> bool:
    return grant is not None and is_in_group(user, grant.winner.group)


# Staff, or the awarded group's lead representative, who records its own use of a benefit.
rules.add_perm("programs.record_support_use", is_secretariat | (is_member_representative & leads_awarded_group))
# Staff and the awarded group's companies see a grant's certificate.
rules.add_perm("programs.view_support_grant", is_secretariat | (is_member_representative & is_in_awarded_group))
