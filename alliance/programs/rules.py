"""Who may see and change programmes, project groups and proposals.

Staff set programmes up and see every group. A member representative sees only the groups its own
organisation is in (lead or partner, confirmed or not) and only the lead's representative changes one.
Groups outside a user's scope answer 404, not 403, so that a URL does not reveal what exists.
"""

import rules
from django.http import Http404

from alliance.core.rules import is_member_representative, is_secretariat
from alliance.programs import phrases, queries
from alliance.programs.models import InterimResult, MentoringSession, ProjectGroup


@rules.predicate
def is_in_group(user, group) -> bool:
    organisation_id = getattr(user, "organisation_id", None)
    if group is None or organisation_id is None:
        return False
    return group.members.filter(organisation_id=organisation_id).exists()


@rules.predicate
def leads_group(user, group) -> bool:
    return group is not None and getattr(user, "organisation_id", None) == group.lead_id


can_view_group = is_secretariat | (is_member_representative & is_in_group)
can_edit_group = is_member_representative & leads_group

rules.add_perm("programs.manage_programme", is_secretariat)
rules.add_perm("programs.apply", is_member_representative)
rules.add_perm("programs.view_group", can_view_group)
rules.add_perm("programs.change_group", can_edit_group)


def visible_group(user, pk: int) -> ProjectGroup:
    """The group `pk` with its members, proposal and files if `user` may see it; 404 otherwise."""
    group = queries.group_detail(pk)
    if group is None or not user.has_perm("programs.view_group", group):
        raise Http404(phrases.NOT_FOUND)
    return group


def require_applicant(user) -> None:
    """404 for anyone but a member representative with an organisation."""
    if not (user.has_perm("programs.apply") and getattr(user, "organisation_id", None)):
        raise Http404


# ---------------------------------------------------------------- mentoring


@rules.predicate
def mentors_session(user, session) -> bool:
    return session is not None and session.mentor.user_id == getattr(user, "pk", None)


@rules.predicate
def is_in_session_group(user, session) -> bool:
    return session is not None and is_in_group(user, session.group)


can_view_session = is_secretariat | mentors_session | (is_member_representative & is_in_session_group)
rules.add_perm("programs.view_session", can_view_session)
rules.add_perm("programs.schedule_session", is_secretariat | mentors_session)
rules.add_perm("programs.record_feedback", mentors_session)


def visible_session(user, pk: int):
    """The mentoring session `pk` if `user` is staff, its mentor or at one of its group's companies; else 404."""
    session = (
        MentoringSession.objects.select_related("group__programme", "group__track", "mentor__user")
        .filter(pk=pk)
        .first()
    )
    if session is None or not user.has_perm("programs.view_session", session):
        raise Http404
    return session


def visible_interim_result(user, pk: int):
    """An interim result for staff, the group's companies and the group's mentors; 404 for anyone else."""
    result = InterimResult.objects.select_related("group").filter(pk=pk).first()
    if result is None:
        raise Http404
    is_mentor = MentoringSession.objects.filter(group=result.group, mentor__user_id=getattr(user, "pk", None)).exists()
    if not (is_mentor or user.has_perm("programs.view_group", result.group)):
        raise Http404
    return result
