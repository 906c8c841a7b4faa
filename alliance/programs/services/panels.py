"""Panels and scores: pledges, saving and amending scores, absences, closing a panel, the speaking-order draw.

Every score save locks the panel row first, so saves of one panel are serialised: two judges saving at once
both land, the amendment log sees the true previous value, and closing cannot race a late save.
"""

import random
import secrets
from decimal import Decimal, InvalidOperation

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from alliance.core.audit import record_audit
from alliance.core.delivery.ordering import Addressee, order_delivery
from alliance.core.mail import render_message
from alliance.core.models import User
from alliance.programs.models import (
    Absence,
    Assignment,
    Criterion,
    Panel,
    Pledge,
    Programme,
    ProgrammeEvaluator,
    Score,
    ScoreChange,
    SpeakingOrderDraw,
)
from alliance.programs.services import programme as programme_service
from alliance.programs.services.assignment import check_on_panel, panel_groups
from alliance.programs.services.score_log import withdraw_scores

EVALUATORS_MAILING = "programs.evaluators"
SCREENING_EVALUATORS = 3


def open_panel(*, actor, programme: Programme, kind: str, evaluators_per_group: int | None = None) -> Panel:
    """The programme's screening or final panel, created when it does not exist yet.

    `evaluators_per_group` defaults to 3 for the screening and to the programme's `final_judges` (five, the
    seed's panel) for the final.
    Side effects: the panel and an audit entry when it is new.
    """
    if evaluators_per_group is None:
        evaluators_per_group = programme.final_judges if kind == Panel.Kind.FINAL else SCREENING_EVALUATORS
    with transaction.atomic():
        panel, created = Panel.objects.get_or_create(
            programme=programme, kind=kind, defaults={"evaluators_per_group": evaluators_per_group}
        )
        if created:
            record_audit(action="programs.panel.opened", target=panel, actor=actor, after={"kind": kind})
    return panel


def sign_pledge(*, user, panel: Panel, signed_name: str) -> Pledge:
    """The evaluator signs the confidentiality and impartiality pledge for this panel.

    Rule: ties must be declared first; the name typed must be the evaluator's name.
    Side effects: the pledge and an audit entry.
    """
    membership = ProgrammeEvaluator.objects.filter(programme_id=panel.programme_id, user=user).first()
    if membership is None:
        raise ValidationError(_("You are not an evaluator of this programme."))
    if membership.ties_declared_at is None:
        raise ValidationError(_("Declare your ties to organisations before signing the pledge."))
    if " ".join(signed_name.split()) != " ".join(user.name.split()):
        raise ValidationError(_("Type your name exactly as it is registered: %(name)s.") % {"name": user.name})
    with transaction.atomic():
        pledge, created = Pledge.objects.get_or_create(
            panel=panel, evaluator=user, defaults={"signed_at": timezone.now(), "signed_name": signed_name}
        )
        if created:
            record_audit(action="programs.pledge.signed", target=panel, actor=user, after={"name": signed_name})
    return pledge


def parse_points(value, criterion: Criterion) -> Decimal:
    """Points as a Decimal with at most 2 decimals, between 0 and the criterion's maximum."""
    try:
        points = Decimal(str(value).strip())
    except (InvalidOperation, ValueError):
        raise ValidationError(_("“%(value)s” is not a number.") % {"value": value}) from None
    if not points.is_finite() or points != points.quantize(Decimal("0.01")):
        raise ValidationError(_("Points have at most two decimals."))
    if points < 0 or points > criterion.max_points:
        raise ValidationError(
            _("%(criterion)s takes points from 0 to %(max)s.")
            % {"criterion": criterion.name, "max": criterion.max_points}
        )
    return points


def freeze_rule_on_panel(*, programme: Programme, panel: Panel, actor) -> None:
    """Copy the programme's rule, absence policy and tie-break chain onto the panel and lock the programme's
    (called when the panel's first score is saved; the caller holds the transaction).

    Side effects: the panel's rule snapshot; Programme.rule_locked_at and its audit entry the first time.
    """
    if programme.rule_locked_at is None:
        programme = programme_service.lock_ranking_rule(actor=actor, programme=programme)
    if not panel.rule_snapshot:
        panel.rule_snapshot = {
            "rule": programme.ranking_rule,
            "absence_policy": programme.absence_policy,
            "tie_break_chain": list(programme.tie_break_chain),
        }
        panel.save(update_fields=["rule_snapshot"])


def save_score(
    *, judge, panel: Panel, group, criterion: Criterion, points, comment: str = "", source: str = "web", actor=None
) -> Score:
    """Save or amend one judge's points (and comment) for one criterion of one group.

    Rules: the judge is assigned to the group on this panel; on the web, the judge has declared ties and signed
    the pledge; the criterion belongs to the group's track; 0 ≤ points ≤ maximum; the panel is open. The first
    score of a programme locks its ranking rule.
    Side effects: the Score, a ScoreChange entry for every change, an audit entry (before/after).
    """
    points = parse_points(points, criterion)
    if criterion.track_id != group.track_id:
        raise ValidationError(
            _("%(criterion)s is not in the rubric of this group's track.") % {"criterion": criterion.name}
        )
    with transaction.atomic():
        panel = Panel.objects.select_for_update(of=("self",)).select_related("programme").get(pk=panel.pk)
        if panel.is_closed:
            raise ValidationError(_("The panel is closed; scores can no longer change."))
        if not Assignment.objects.filter(panel=panel, evaluator=judge, group=group).exists():
            raise ValidationError(
                _("%(name)s is not assigned to %(group)s.") % {"name": judge.name, "group": group.name}
            )
        if source == "web" and not judge.has_perm("programs.see_proposals", panel):
            raise ValidationError(_("Declare your ties and sign the pledge before scoring."))
        freeze_rule_on_panel(programme=panel.programme, panel=panel, actor=actor or judge)
        score = Score.objects.filter(panel=panel, judge=judge, group=group, criterion=criterion).first()
        before = None if score is None else {"points": str(score.points), "comment": score.comment}
        if score is None:
            score = Score.objects.create(
                panel=panel, judge=judge, group=group, criterion=criterion, points=points, comment=comment
            )
        elif score.points == points and score.comment == comment:
            return score
        else:
            score.points, score.comment = points, comment
            score.save(update_fields=["points", "comment", "updated_at"])
        ScoreChange.of(
            score,
            points_before=None if before is None else Decimal(before["points"]),
            points_after=points,
            comment_before="" if before is None else before["comment"],
            comment_after=comment,
            changed_by=actor or judge,
            source=source,
        ).save()
        record_audit(
            action="programs.score.saved" if before is None else "programs.score.amended",
            target=score,
            actor=actor or judge,
            before=before,
            after={
                "judge": judge.name,
                "group": group.name,
                "criterion": criterion.name,
                "points": str(points),
                "comment": comment,
            },
        )
    return score


def import_score_rows(*, actor, panel: Panel, rows, source: str = "import") -> int:
    """Save many already-checked scores at once (paper scores, demo data): `rows` are objects with judge,
    group, criterion and points. New scores are inserted in bulk; changed ones are amended one by one.

    Rules: as `save_score` without the pledge gate (the secretariat types the sheets in); rows must come
    from `loading.read_score_rows` or equally checked input.
    Side effects: Scores, a ScoreChange for each new or changed score, one audit entry for the batch, the rule
    lock. Returns how many scores were new or changed.
    """
    with transaction.atomic():
        panel = Panel.objects.select_for_update(of=("self",)).select_related("programme").get(pk=panel.pk)
        if panel.is_closed:
            raise ValidationError(_("The panel is closed; scores can no longer change."))
        freeze_rule_on_panel(programme=panel.programme, panel=panel, actor=actor)
        existing = {
            (score.judge_id, score.group_id, score.criterion_id): score for score in Score.objects.filter(panel=panel)
        }
        fresh, changes = [], []
        for row in rows:
            points = parse_points(row.points, row.criterion)
            score = existing.get((row.judge.pk, row.group.pk, row.criterion.pk))
            if score is None:
                fresh.append(
                    Score(panel=panel, judge=row.judge, group=row.group, criterion=row.criterion, points=points)
                )
            elif score.points != points:
                changes.append(
                    ScoreChange.of(
                        score, points_before=score.points, points_after=points, changed_by=actor, source=source
                    )
                )
                score.points = points
                score.save(update_fields=["points", "updated_at"])
        Score.objects.bulk_create(fresh)
        if any(score.pk is None for score in fresh):  # backends that return no ids on bulk insert
            ids = {
                (score.judge_id, score.group_id, score.criterion_id): score.pk
                for score in Score.objects.filter(panel=panel)
            }
            for score in fresh:
                score.pk = ids[(score.judge_id, score.group_id, score.criterion_id)]
        changes += [
            ScoreChange.of(score, points_before=None, points_after=score.points, changed_by=actor, source=source)
            for score in fresh
        ]
        ScoreChange.objects.bulk_create(changes)
        record_audit(
            action="programs.score.imported",
            target=panel,
            actor=actor,
            after={"source": source, "new": len(fresh), "changed": len(changes) - len(fresh)},
        )
    return len(changes)


def record_absence(*, actor, panel: Panel, judge, group, reason: str, note: str = "") -> Absence:
    """Record that a judge does not score a group (absent or recused); their scores for it are withdrawn.

    Rule: the panel is open and judges the group. Withdrawn scores stay in the amendment log (a ScoreChange
    each, `score_log.withdraw_scores`) and their values are in the audit entry.
    Side effects: the Absence, the judge's scores for the group withdrawn, an audit entry.
    """
    if panel.is_closed:
        raise ValidationError(_("The panel is closed; scores can no longer change."))
    check_on_panel(panel, group)
    with transaction.atomic():
        withdrawn = withdraw_scores(actor=actor, panel=panel, judge=judge, group=group)
        absence, _created = Absence.objects.update_or_create(
            panel=panel, judge=judge, group=group, defaults={"reason": reason, "note": note, "recorded_by": actor}
        )
        record_audit(
            action="programs.panel.absence_recorded",
            target=panel,
            actor=actor,
            before={"withdrawn_scores": withdrawn} if withdrawn else None,
            after={"judge": judge.name, "group": group.name, "reason": reason, "note": note},
        )
    return absence


def missing_scores(panel: Panel) -> list[tuple[str, str, int]]:
    """(judge name, group name, criteria without a score) for every assignment not fully scored and not
    excused by a recorded absence."""
    assignments = Assignment.objects.filter(panel=panel).select_related("evaluator", "group")
    excused = set(Absence.objects.filter(panel=panel).values_list("judge_id", "group_id"))
    criteria_of: dict[int, int] = {}
    for track_id in {assignment.group.track_id for assignment in assignments}:
        criteria_of[track_id] = Criterion.objects.filter(track_id=track_id).count()
    scored: dict[tuple[int, int], int] = {}
    for judge_id, group_id in Score.objects.filter(panel=panel).values_list("judge_id", "group_id"):
        scored[(judge_id, group_id)] = scored.get((judge_id, group_id), 0) + 1
    missing = []
    for assignment in assignments:
        key = (assignment.evaluator_id, assignment.group_id)
        if key in excused:
            continue
        lacking = criteria_of[assignment.group.track_id] - scored.get(key, 0)
        if lacking > 0:
            missing.append((assignment.evaluator.name, assignment.group.name, lacking))
    return missing


def unjudged_groups(panel: Panel) -> list[str]:
    """Names of the groups the panel judges (`panel_groups`) that no judge is assigned to — a finalist every
    judge recused from, or one nobody was given — in name order."""
    assigned = Assignment.objects.filter(panel=panel).values("group_id")
    return list(panel_groups(panel).exclude(pk__in=assigned).order_by("name").values_list("name", flat=True))


def closing_refusals(panel: Panel) -> list[str]:
    """Why the panel cannot close now (empty: it can): a group without a judge, an incomplete score sheet no
    absence excuses, or no score at all. `close_panel` refuses with the first."""
    unjudged = unjudged_groups(panel)
    if unjudged:
        return [_("The panel cannot close: no judge is assigned to %(groups)s.") % {"groups": ", ".join(unjudged)}]
    missing = missing_scores(panel)
    if missing:
        listed = "; ".join(
            _("%(judge)s – %(group)s (%(count)s missing)") % {"judge": judge, "group": group, "count": count}
            for judge, group, count in missing[:10]
        )
        return [
            _("The panel cannot close: %(count)s score sheets are incomplete: %(list)s")
            % {"count": len(missing), "list": listed}
        ]
    if not Score.objects.filter(panel=panel).exists():
        return [_("The panel cannot close before any score is saved.")]
    return []


def close_panel(*, actor, panel: Panel) -> Panel:
    """Close the panel: from now on scores are final, and staff may compute and release the results.

    Rule: refused while a group of the panel has no assigned judge, and while any assigned judge lacks a score
    that no recorded absence excuses.
    Side effects: closed_at and an audit entry.
    """
    with transaction.atomic():
        panel = Panel.objects.select_for_update().get(pk=panel.pk)
        if panel.is_closed:
            return panel
        if refusals := closing_refusals(panel):
            raise ValidationError(refusals[0])
        panel.closed_at = timezone.now()
        panel.save(update_fields=["closed_at"])
        record_audit(
            action="programs.panel.closed", target=panel, actor=actor, after={"closed_at": panel.closed_at.isoformat()}
        )
    return panel


def evaluators_to_notify(panel: Panel) -> list[tuple[User, int]]:
    """The active evaluators with assignments on the panel, each with how many groups await them."""
    counts: dict[int, int] = {}
    for evaluator_id in Assignment.objects.filter(panel=panel).values_list("evaluator_id", flat=True):
        counts[evaluator_id] = counts.get(evaluator_id, 0) + 1
    evaluators = User.objects.filter(pk__in=counts, is_active=True).order_by("pk")
    return [(evaluator, counts[evaluator.pk]) for evaluator in evaluators]


def _assigned_context(panel: Panel, evaluator: User, count: int) -> dict:
    link = settings.SITE_URL + reverse("programs:judging_home")
    return {"panel": panel, "evaluator": evaluator, "count": count, "link": link}


def assignment_notice(panel: Panel, evaluator: User, count: int) -> EmailMultiAlternatives:
    """One evaluator's notice, unsent and addressed to nobody (the confirmation's preview and test send)."""
    return render_message("programs/judging/email/assigned", _assigned_context(panel, evaluator, count), to=[])


def notify_evaluators(*, actor, panel: Panel) -> int:
    """E-mail every active evaluator with assignments on the panel: how many groups await them and the link to
    their page, where they declare ties and sign the pledge first.

    Rule: the e-mails go out in the background as a delivery of EVALUATORS_MAILING (a mail server that is
    down delays them; it never fails the staff page), and the panel's page shows how far they got.
    Side effects: the delivery (one row per evaluator); audit `programs.panel.evaluators_notified` with the
    number of evaluators. Returns that number.
    """
    addressees = [
        Addressee(email=evaluator.email, object_id=evaluator.pk)
        for evaluator, _count in evaluators_to_notify(panel)
        if evaluator.email
    ]
    with transaction.atomic():
        record_audit(
            action="programs.panel.evaluators_notified",
            target=panel,
            actor=actor,
            after={"evaluators": len(addressees)},
        )
        order_delivery(actor=actor, kind=EVALUATORS_MAILING, target=panel, addressees=addressees)
    return len(addressees)


def build_evaluator_email(recipient, shared=None):
    """One evaluator's notice: the panel, how many groups await them now (None: none any more), their page."""
    panel = Panel.objects.select_related("programme").get(pk=recipient.delivery.target_id)
    evaluator = User.objects.filter(pk=recipient.object_id, is_active=True).first()
    count = Assignment.objects.filter(panel=panel, evaluator_id=recipient.object_id).count()
    if evaluator is None or not count:
        return None
    context = _assigned_context(panel, evaluator, count)
    return render_message("programs/judging/email/assigned", context, to=[recipient.email], language=recipient.language)


def draw_speaking_order(*, actor, panel: Panel, seed: str | None = None) -> SpeakingOrderDraw:
    """Draw the presentation order at random; the seed is kept so the draw can be replayed and checked.

    Rule: the groups are shuffled from their id order with `random.Random(seed)`; each draw is logged.
    Side effects: a SpeakingOrderDraw and an audit entry.
    """
    seed = seed or secrets.token_hex(8)
    group_ids = sorted(panel_groups(panel).values_list("pk", flat=True))
    order = shuffled(group_ids, seed)
    with transaction.atomic():
        draw = SpeakingOrderDraw.objects.create(panel=panel, seed=seed, order=order, drawn_by=actor)
        record_audit(
            action="programs.panel.order_drawn", target=panel, actor=actor, after={"seed": seed, "order": order}
        )
    return draw


def shuffled(items: list, seed: str) -> list:
    order = list(items)
    # A seeded generator on purpose: anyone holding the logged seed can replay the draw.
    random.Random(seed).shuffle(order)  # noqa: S311
    return order
