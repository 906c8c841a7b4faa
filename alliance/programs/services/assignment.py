"""Who evaluates which group: programme membership, declared ties, and assignments free of conflicts of interest.

Conflicts are judged at the level of the consortium: an evaluator conflicts with a group when any member
company of the group is the evaluator's own organisation or an organisation the evaluator declared a tie to.
"""

from collections import defaultdict

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from alliance.core.audit import record_audit
from alliance.core.roles import Role
from alliance.programs.models import (
    Absence,
    Assignment,
    ConflictTie,
    GroupMember,
    Panel,
    ProgrammeEvaluator,
    ProjectGroup,
    Score,
)
from alliance.programs.queries import groups_going_on
from alliance.programs.services.score_log import withdraw_scores


def conflicted_organisation_ids(membership: ProgrammeEvaluator) -> set[int]:
    """The evaluator's own organisation and every organisation they declared a tie to."""
    ids = set(ConflictTie.objects.filter(evaluator=membership).values_list("organisation_id", flat=True))
    if membership.user.organisation_id:
        ids.add(membership.user.organisation_id)
    return ids


def group_organisation_ids(groups) -> dict[int, set[int]]:
    """Group id → ids of its lead and member companies."""
    companies: dict[int, set[int]] = defaultdict(set)
    for group in groups:
        companies[group.pk].add(group.lead_id)
    rows = GroupMember.objects.filter(group__in=[group.pk for group in groups]).values_list(
        "group_id", "organisation_id"
    )
    for group_id, organisation_id in rows:
        companies[group_id].add(organisation_id)
    return companies


def conflicting_companies(membership: ProgrammeEvaluator, group: ProjectGroup) -> list[str]:
    """Names of the group's companies the evaluator conflicts with (empty when there is no conflict)."""
    conflicted = conflicted_organisation_ids(membership) & group_organisation_ids([group])[group.pk]
    members = GroupMember.objects.filter(group=group, organisation_id__in=conflicted).select_related("organisation")
    names = {member.organisation.name for member in members}
    if group.lead_id in conflicted:
        names.add(group.lead.name)
    return sorted(names)


def add_evaluator(*, actor, programme, user, screens: bool = True, judges_final: bool = False) -> ProgrammeEvaluator:
    """Make an evaluator (Role.EVALUATOR) part of the programme's screening and/or final panel.

    Side effects: the membership row (updated when it exists) and an audit entry.
    """
    if not user.has_role(Role.EVALUATOR):
        raise ValidationError(_("%(name)s is not an evaluator account.") % {"name": user.name})
    with transaction.atomic():
        membership, created = ProgrammeEvaluator.objects.update_or_create(
            programme=programme, user=user, defaults={"screens": screens, "judges_final": judges_final}
        )
        record_audit(
            action="programs.evaluator.added" if created else "programs.evaluator.updated",
            target=membership,
            actor=actor,
            after={"screens": screens, "judges_final": judges_final},
        )
    return membership


def membership_of(user, programme) -> ProgrammeEvaluator | None:
    return ProgrammeEvaluator.objects.filter(programme=programme, user=user).select_related("user").first()


def declare_ties(*, user, programme, organisations, note: str = "") -> ProgrammeEvaluator:
    """The evaluator declares their ties to organisations (an empty list declares none).

    Rule: declaring is required before any proposal is shown. A declaration adds ties; assignments that now
    conflict are withdrawn, the judge's scores for those groups are withdrawn (kept in the amendment log and in
    the audit entry, `score_log.withdraw_scores`), and a recusal is recorded.
    Side effects: ConflictTie rows, ties_declared_at, withdrawn assignments, audit entries.
    """
    membership = membership_of(user, programme)
    if membership is None:
        raise ValidationError(_("You are not an evaluator of this programme."))
    with transaction.atomic():
        for organisation in organisations:
            ConflictTie.objects.get_or_create(evaluator=membership, organisation=organisation, defaults={"note": note})
        membership.ties_declared_at = membership.ties_declared_at or timezone.now()
        membership.save(update_fields=["ties_declared_at"])
        record_audit(
            action="programs.evaluator.ties_declared",
            target=membership,
            actor=user,
            after={"organisations": [organisation.name for organisation in organisations], "note": note},
        )
        _withdraw_conflicting(membership, actor=user)
    return membership


def _withdraw_conflicting(membership: ProgrammeEvaluator, *, actor) -> None:
    conflicted = conflicted_organisation_ids(membership)
    assignments = list(
        Assignment.objects.filter(panel__programme=membership.programme, evaluator=membership.user).select_related(
            "group", "panel"
        )
    )
    companies = group_organisation_ids([assignment.group for assignment in assignments])
    for assignment in assignments:
        if not (companies[assignment.group_id] & conflicted) or assignment.panel.is_closed:
            continue
        withdrawn = withdraw_scores(actor=actor, panel=assignment.panel, judge=membership.user, group=assignment.group)
        Absence.objects.get_or_create(
            panel=assignment.panel,
            judge=membership.user,
            group=assignment.group,
            defaults={"reason": Absence.Reason.RECUSED, "note": _("Declared a tie"), "recorded_by": actor},
        )
        record_audit(
            action="programs.assignment.withdrawn",
            target=assignment.panel,
            actor=actor,
            before={
                "evaluator": membership.user.name,
                "group": assignment.group.name,
                **({"withdrawn_scores": withdrawn} if withdrawn else {}),
            },
        )
        assignment.delete()


def check_on_panel(panel: Panel, group: ProjectGroup) -> None:
    """Refuse a group the panel does not judge (`panel_groups`): for the screening a group without a submitted
    proposal (an evaluator would see a draft), for the final a group that did not go on."""
    if group.programme_id != panel.programme_id:
        raise ValidationError(_("The group belongs to another programme."))
    if not panel_groups(panel).filter(pk=group.pk).exists():
        if panel.kind == Panel.Kind.SCREENING:
            raise ValidationError(
                _("%(group)s has not submitted its proposal, so the document screening does not judge it.")
                % {"group": group.name}
            )
        raise ValidationError(
            _("%(group)s did not go on from the document screening, so the final panel does not judge it.")
            % {"group": group.name}
        )


def _check_assignable(panel: Panel, membership: ProgrammeEvaluator | None, group: ProjectGroup) -> None:
    if panel.is_closed:
        raise ValidationError(_("The panel is closed; assignments can no longer change."))
    check_on_panel(panel, group)
    if membership is None:
        raise ValidationError(_("Only evaluators of this programme can be assigned."))
    if panel.kind == Panel.Kind.SCREENING and not membership.screens:
        raise ValidationError(
            _("%(name)s does not take part in the document screening.") % {"name": membership.user.name}
        )
    if panel.kind == Panel.Kind.FINAL and not membership.judges_final:
        raise ValidationError(_("%(name)s is not a judge of the final panel.") % {"name": membership.user.name})
    conflicts = conflicting_companies(membership, group)
    if conflicts:
        raise ValidationError(
            _("%(name)s cannot evaluate %(group)s: conflict of interest with %(companies)s.")
            % {"name": membership.user.name, "group": group.name, "companies": ", ".join(conflicts)}
        )


def assign_evaluator(*, actor, panel: Panel, user, group: ProjectGroup) -> Assignment:
    """Assign one evaluator to one group by hand.

    Rule: only a group the panel judges (`panel_groups`: a submitted proposal for the screening, a group that
    went on for the final); never to a group containing the evaluator's own organisation or a declared tie;
    only evaluators of the programme on this stage; not once the panel is closed.
    Side effects: the assignment and an audit entry.
    """
    membership = membership_of(user, panel.programme)
    _check_assignable(panel, membership, group)
    with transaction.atomic():
        assignment, created = Assignment.objects.get_or_create(
            panel=panel, evaluator=user, group=group, defaults={"assigned_by": actor}
        )
        if created:
            record_audit(
                action="programs.assignment.added",
                target=panel,
                actor=actor,
                after={"evaluator": user.name, "group": group.name},
            )
    return assignment


def remove_assignment(*, actor, assignment: Assignment) -> None:
    """Withdraw an assignment that has no score yet.

    Side effects: deletes the assignment; an audit entry.
    """
    if assignment.panel.is_closed:
        raise ValidationError(_("The panel is closed; assignments can no longer change."))
    if Score.objects.filter(panel=assignment.panel, judge=assignment.evaluator, group=assignment.group).exists():
        raise ValidationError(_("This evaluator has already scored the group; record a recusal instead."))
    with transaction.atomic():
        record_audit(
            action="programs.assignment.removed",
            target=assignment.panel,
            actor=actor,
            before={"evaluator": assignment.evaluator.name, "group": assignment.group.name},
        )
        assignment.delete()


def plan_balanced_assignment(
    needed: dict[int, int], evaluators: list[int], blocked: set[tuple[int, int]], load: dict[int, int] | None = None
) -> list[tuple[int, int]]:
    """(evaluator, group) pairs giving each group up to `needed[group]` more evaluators, never a blocked pair
    (a conflict, or an assignment that exists), loads kept as even as the conflicts allow.

    Deterministic: the most constrained groups are served first, and among the eligible evaluators the least
    loaded one wins, ties by id. `load` counts assignments that already exist.
    """
    load = dict.fromkeys(evaluators, 0) | dict(load or {})
    eligible = {group: [ev for ev in sorted(evaluators) if (ev, group) not in blocked] for group in needed}
    pairs = []
    for group in sorted(needed, key=lambda group: (len(eligible[group]) - needed[group], group)):
        chosen = sorted(eligible[group], key=lambda ev: (load[ev], ev))[: max(needed[group], 0)]
        for evaluator in chosen:
            load[evaluator] += 1
            pairs.append((evaluator, group))
    return pairs


def plan_automatic_assignment(panel: Panel, per_group: int | None = None) -> list[tuple[int, int]]:
    """The (evaluator id, group id) pairs `assign_automatically` would add now, writing nothing (also what its
    confirmation page shows). Rule: as `assign_automatically`'s."""
    per_group = per_group or panel.evaluators_per_group
    memberships = list(_panel_memberships(panel))
    groups = list(panel_groups(panel))
    companies = group_organisation_ids(groups)
    blocked = set(Assignment.objects.filter(panel=panel).values_list("evaluator_id", "group_id"))
    load: dict[int, int] = defaultdict(int)
    have: dict[int, int] = defaultdict(int)
    for evaluator_id, group_id in blocked:
        load[evaluator_id] += 1
        have[group_id] += 1
    for membership in memberships:
        conflicted = conflicted_organisation_ids(membership)
        blocked |= {(membership.user_id, group.pk) for group in groups if companies[group.pk] & conflicted}
    needed = {group.pk: per_group - have[group.pk] for group in groups}
    evaluators = [membership.user_id for membership in memberships]
    return plan_balanced_assignment(needed, evaluators, blocked, load)


def assign_automatically(*, actor, panel: Panel, per_group: int | None = None) -> int:
    """Assign evaluators to every group of the panel that has fewer than `per_group` of them, balancing loads.

    Rule: conflicts of interest are excluded; existing assignments are kept and counted in the loads.
    Side effects: Assignment rows (is_automatic) and one audit entry. Returns how many were added.
    """
    if panel.is_closed:
        raise ValidationError(_("The panel is closed; assignments can no longer change."))
    per_group = per_group or panel.evaluators_per_group
    pairs = plan_automatic_assignment(panel, per_group)
    with transaction.atomic():
        Assignment.objects.bulk_create(
            [
                Assignment(panel=panel, evaluator_id=ev, group_id=group_id, assigned_by=actor, is_automatic=True)
                for ev, group_id in pairs
            ]
        )
        record_audit(
            action="programs.assignment.automatic",
            target=panel,
            actor=actor,
            after={"added": len(pairs), "per_group": per_group},
        )
    return len(pairs)


def _panel_memberships(panel: Panel):
    memberships = ProgrammeEvaluator.objects.filter(programme=panel.programme).select_related("user")
    if panel.kind == Panel.Kind.FINAL:
        return memberships.filter(judges_final=True)
    return memberships.filter(screens=True)


def panel_groups(panel: Panel):
    """The groups a panel judges: every group with a submitted proposal for the screening, the groups that
    went on for the final (every group of the programme when there was no screening)."""
    if panel.kind == Panel.Kind.SCREENING:
        groups = ProjectGroup.objects.filter(programme_id=panel.programme_id, proposal__status="submitted")
    else:
        groups = groups_going_on(panel.programme_id)
    return groups.select_related("track", "lead")


def plan_final_seating(panel: Panel, *, actor=None) -> tuple[list[Assignment], list[Absence]]:
    """The assignments and recusals `seat_final_panel` would add now, unsaved (also what its confirmation page
    shows): every final judge for every finalist, a recusal where a conflict forbids it."""
    memberships = list(_panel_memberships(panel))
    groups = list(panel_groups(panel))
    companies = group_organisation_ids(groups)
    existing = set(Assignment.objects.filter(panel=panel).values_list("evaluator_id", "group_id"))
    absent = set(Absence.objects.filter(panel=panel).values_list("judge_id", "group_id"))
    assignments, recusals = [], []
    for membership in memberships:
        conflicted = conflicted_organisation_ids(membership)
        for group in groups:
            key = (membership.user_id, group.pk)
            if companies[group.pk] & conflicted:
                if key not in absent:
                    recusals.append(
                        Absence(
                            panel=panel,
                            judge=membership.user,
                            group=group,
                            reason=Absence.Reason.RECUSED,
                            note=_("Conflict of interest"),
                            recorded_by=actor,
                        )
                    )
            elif key not in existing:
                assignments.append(Assignment(panel=panel, evaluator=membership.user, group=group, assigned_by=actor))
    return assignments, recusals


def seat_final_panel(*, actor, panel: Panel) -> int:
    """Every final judge is assigned every finalist group, except where a conflict makes them recuse.

    Side effects: assignments, recusals (Absence) for conflicts, one audit entry. Returns assignments added.
    """
    if panel.kind != Panel.Kind.FINAL:
        raise ValidationError(_("Only the final panel seats every judge for every group."))
    if panel.is_closed:
        raise ValidationError(_("The panel is closed; assignments can no longer change."))
    assignments, recusals = plan_final_seating(panel, actor=actor)
    with transaction.atomic():
        Assignment.objects.bulk_create(assignments)
        Absence.objects.bulk_create(recusals)
        record_audit(
            action="programs.assignment.final_seated",
            target=panel,
            actor=actor,
            after={"assigned": len(assignments), "recused": len(recusals)},
        )
    return len(assignments)
