"""Results of a panel: the ranking per track, tie decisions, screening outcomes, release, winners.

Results are always recomputed from the stored scores with the rule frozen on the panel, so the sheet printed
today and the one printed next year agree, and its fingerprint proves it.
"""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from alliance.core.audit import record_audit
from alliance.core.delivery.ordering import Addressee, order_delivery
from alliance.programs import ranking
from alliance.programs.models import (
    Award,
    Panel,
    ProjectGroup,
    Score,
    ScreeningMode,
    ScreeningOutcome,
    TieDecision,
    Track,
    Winner,
)
from alliance.programs.services.application_emails import receipt_recipients

RESULTS_MAILING = "programs.results"
AWARDS_MAILING = "programs.awards"


@dataclass(frozen=True)
class TrackResult:
    track: Track
    result: ranking.Result | None
    error: str = ""


def _fresh(panel: Panel) -> Panel:
    """The panel as stored now (a caller's copy may predate its closing or release)."""
    return Panel.objects.select_related("programme").get(pk=panel.pk)


def rule_of(panel: Panel) -> dict:
    """The panel's frozen rule, or the programme's current one before scoring started."""
    if panel.rule_snapshot:
        return panel.rule_snapshot
    programme = panel.programme
    return {
        "rule": programme.ranking_rule,
        "absence_policy": programme.absence_policy,
        "tie_break_chain": list(programme.tie_break_chain),
    }


def sheets_of(panel: Panel) -> dict[int, list[ranking.Sheet]]:
    """Track id → every score of the panel as engine input (judges by e-mail, groups and criteria by name)."""
    rows = Score.objects.filter(panel=panel).values_list(
        "judge__email", "group__name", "group__track_id", "criterion__name", "criterion__is_common", "points"
    )
    sheets: dict[int, list[ranking.Sheet]] = {}
    for judge, group, track_id, criterion, is_common, points in rows:
        sheets.setdefault(track_id, []).append(
            ranking.Sheet(judge=judge, group=group, criterion=criterion, points=points, is_common=is_common)
        )
    return sheets


def decisions_of(panel: Panel) -> dict[int, dict[str, int]]:
    """Track id → group name → rank, from the latest tie decision recorded per tie."""
    decisions: dict[int, dict[str, int]] = {}
    for decision in TieDecision.objects.filter(panel=panel).order_by("decided_at", "pk"):
        decisions.setdefault(decision.track_id, {}).update(decision.order)
    return decisions


def panel_results(panel: Panel) -> list[TrackResult]:
    """The ranking of every track of the programme (tracks without scores have no result)."""
    rule = rule_of(panel)
    sheets = sheets_of(panel)
    decisions = decisions_of(panel)
    results = []
    for track in Track.objects.filter(programme_id=panel.programme_id):
        if track.pk not in sheets:
            results.append(TrackResult(track=track, result=None))
            continue
        try:
            result = ranking.rank(
                sheets[track.pk],
                rule=rule["rule"],
                absence_policy=rule.get("absence_policy"),
                tie_break_chain=rule.get("tie_break_chain") or ranking.DEFAULT_TIE_BREAK_CHAIN,
                decisions=decisions.get(track.pk),
            )
        except ranking.RankingError as error:
            results.append(TrackResult(track=track, result=None, error=error.text(_)))
        else:
            results.append(TrackResult(track=track, result=result))
    return results


def results_as_json(panel: Panel) -> dict:
    """The `judge_results --format json` shape: {"rule", "tracks": {code: [{"group", "score", "rank"}]}}."""
    tracks = {}
    for item in panel_results(panel):
        if item.error:
            raise ValidationError(f"{item.track.code}: {item.error}")
        rows = item.result.rows if item.result else ()
        tracks[item.track.code] = [{"group": row.group, "score": float(row.score), "rank": row.rank} for row in rows]
    return {"rule": rule_of(panel)["rule"], "tracks": tracks}


def record_tie_decision(*, actor, panel: Panel, track: Track, order: list[str], reason: str) -> TieDecision:
    """Staff order groups the tie-break chain left tied.

    Rule: the panel is closed; the groups named are exactly one unresolved tie of the track; a reason is given.
    `order` lists the group names, the first placed highest. Side effects: the decision and an audit entry.
    """
    panel = _fresh(panel)
    if not panel.is_closed:
        raise ValidationError(_("Ties are decided after the panel closes."))
    if not reason.strip():
        raise ValidationError(_("State the reason for the decision."))
    result = next((item.result for item in panel_results(panel) if item.track.pk == track.pk), None)
    if result is None:
        raise ValidationError(_("This track has no result."))
    tied = [row for row in result.rows if row.needs_decision and row.group in order]
    if not tied or len({row.rank for row in tied}) != 1 or len(tied) != len(order) or len(set(order)) != len(order):
        raise ValidationError(_("Name every group of one unresolved tie, once each."))
    tie_rank = tied[0].rank
    if {row.group for row in result.rows if row.needs_decision and row.rank == tie_rank} != set(order):
        raise ValidationError(_("Name every group of one unresolved tie, once each."))
    positions = {name: tie_rank + index for index, name in enumerate(order)}
    with transaction.atomic():
        decision = TieDecision.objects.create(
            panel=panel, track=track, order=positions, reason=reason.strip(), decided_by=actor
        )
        record_audit(
            action="programs.results.tie_decided",
            target=panel,
            actor=actor,
            after={
                "track": track.code,
                "order": positions,
                "reason": reason.strip(),
                "fingerprint": result.fingerprint,
            },
        )
    return decision


def _unresolved(results: list[TrackResult]) -> list[str]:
    problems = []
    for item in results:
        if item.error:
            problems.append(f"{item.track.name}: {item.error}")
        elif item.result and item.result.needs_decision:
            problems.append(_("%(track)s: a tie awaits a staff decision") % {"track": item.track.name})
    return problems


def screening_locked_reason(panel: Panel) -> str:
    """Why the screening outcome can no longer change ("" while it can): the groups were told (released), or
    the final panel has started scoring the groups that went on."""
    if panel.is_released:
        return _("The screening results are released; the groups that go on can no longer change.")
    if Score.objects.filter(panel__programme_id=panel.programme_id, panel__kind=Panel.Kind.FINAL).exists():
        return _("The final panel has scores; the groups that went on from the screening can no longer change.")
    return ""


def plan_screening(panel: Panel) -> list[ScreeningOutcome]:
    """The screening outcomes `decide_screening` would record now, unsaved, in ranking order (also what its
    confirmation page shows). Raises ValidationError when the rule refuses (see `decide_screening`)."""
    panel = _fresh(panel)
    if panel.kind != Panel.Kind.SCREENING:
        raise ValidationError(_("Only the document screening selects groups."))
    if not panel.is_closed:
        raise ValidationError(_("Close the panel before selecting the groups that go on."))
    locked = screening_locked_reason(panel)
    if locked:
        raise ValidationError(locked)
    results = panel_results(panel)
    problems = _unresolved(results)
    if problems:
        raise ValidationError(problems)
    programme = panel.programme
    groups = {group.name: group for group in ProjectGroup.objects.filter(programme=programme)}
    outcomes = []
    for item in results:
        for row in item.result.rows if item.result else ():
            if programme.screening_mode == ScreeningMode.CUTOFF:
                advances = row.score >= programme.screening_value
            else:
                advances = row.rank <= int(programme.screening_value)
            group = groups[row.group]
            outcomes.append(
                ScreeningOutcome(panel=panel, group=group, score=row.score, rank=row.rank, advances=advances)
            )
    return outcomes


def decide_screening(*, actor, panel: Panel) -> int:
    """Record which groups go on from the document screening: by cut-off score, or the top N of each track.

    Rule: the panel is closed, no tie awaits a decision, its results are not released yet and the final panel
    has no score (`screening_locked_reason`). Side effects: ScreeningOutcome rows (replaced), an audit entry.
    Returns how many groups advance.
    """
    outcomes = plan_screening(panel)
    panel = _fresh(panel)
    programme = panel.programme
    with transaction.atomic():
        ScreeningOutcome.objects.filter(panel=panel).delete()
        ScreeningOutcome.objects.bulk_create(outcomes)
        advancing = sum(outcome.advances for outcome in outcomes)
        record_audit(
            action="programs.screening.decided",
            target=panel,
            actor=actor,
            after={
                "mode": programme.screening_mode,
                "value": str(programme.screening_value),
                "advancing": advancing,
                "total": len(outcomes),
            },
        )
    return advancing


def plan_winners(panel: Panel, *, actor=None) -> tuple[list[Winner], list[Winner]]:
    """(the places the ranking would fill now, unsaved; the staff overrides that stay), for `choose_winners`
    and its confirmation page. Raises ValidationError when the rule refuses (see `choose_winners`)."""
    panel = _fresh(panel)
    if panel.kind != Panel.Kind.FINAL or not panel.is_closed:
        raise ValidationError(_("Winners come from the closed final panel."))
    if panel.is_released:
        raise ValidationError(_("Results are released; winners can no longer change."))
    results = panel_results(panel)
    problems = _unresolved(results)
    if problems:
        raise ValidationError(problems)
    groups = {group.name: group for group in ProjectGroup.objects.filter(programme=panel.programme)}
    overrides = list(Winner.objects.filter(panel=panel, is_override=True).select_related("track", "group"))
    taken_places = {(winner.track_id, winner.place) for winner in overrides}
    # Groups an override placed, and groups an override left without a place, are not placed by the ranking.
    taken_groups = {winner.group_id for winner in overrides} | {
        winner.replaced_group_id for winner in overrides if winner.replaced_group_id
    }
    winners = []
    for item in results:
        awards = [
            award for award in Award.objects.filter(track=item.track).order_by("rank") for _n in range(award.count)
        ]
        places = [
            (place, award) for place, award in enumerate(awards, start=1) if (item.track.pk, place) not in taken_places
        ]
        rows = [row for row in (item.result.rows if item.result else ()) if groups[row.group].pk not in taken_groups]
        for (place, award), row in zip(places, rows, strict=False):
            winners.append(
                Winner(
                    panel=panel,
                    track=item.track,
                    group=groups[row.group],
                    place=place,
                    award_name=award.name,
                    decided_by=actor,
                )
            )
    return winners, overrides


def choose_winners(*, actor, panel: Panel) -> int:
    """Place the top groups of each track as its awards state (Award.rank, Award.count), from the ranking.

    Rule: the final panel is closed, its results are not released and no tie awaits a decision. Staff
    overrides (logged with their reason) stay where they are: the ranking fills the other places, in rank order,
    with the groups no override placed or removed. Places from an earlier run are replaced.
    Side effects: Winner rows, an audit entry. Returns how many winners (overrides included).
    """
    winners, overrides = plan_winners(panel, actor=actor)
    with transaction.atomic():
        Winner.objects.filter(panel=panel, is_override=False).delete()
        Winner.objects.bulk_create(winners)
        record_audit(
            action="programs.winners.chosen",
            target=panel,
            actor=actor,
            after={
                "placed": [f"{winner.track.code} {winner.place}: {winner.group_id}" for winner in winners],
                "kept_overrides": [f"{winner.track.code} {winner.place}: {winner.group.name}" for winner in overrides],
            },
        )
    return len(winners) + len(overrides)


def override_winner(*, actor, winner: Winner, group: ProjectGroup, reason: str) -> Winner:
    """Staff put another group in a winner's place; the reason is required and logged. When the group
    already holds another place, the two groups swap places (both rows are marked as overrides); otherwise the
    group that held the place is recorded as `replaced_group`, so placing the winners again keeps it out.
    Refused once the results are released.

    Side effects: the Winner row(s) (is_override, reason) and an audit entry with before/after.
    """
    if not reason.strip():
        raise ValidationError(_("State the reason for the override."))
    if group.track_id != winner.track_id:
        raise ValidationError(_("The group must be of the same track."))
    if winner.panel.is_released:
        raise ValidationError(_("Results are released; winners can no longer change."))
    with transaction.atomic():
        before = {"group": winner.group.name, "reason": winner.reason}
        previous = winner.group
        swapped = Winner.objects.filter(panel=winner.panel, group=group).exclude(pk=winner.pk).first()
        if swapped is not None:
            swapped.delete()  # the unique (panel, group) pair is re-created below with the groups exchanged
        winner.group, winner.is_override, winner.reason, winner.decided_by = group, True, reason.strip(), actor
        replaced = None if swapped is not None else (winner.replaced_group or previous)
        winner.replaced_group = None if replaced is None or replaced.pk == group.pk else replaced
        winner.save()
        if swapped is not None:
            Winner.objects.create(
                panel=winner.panel,
                track=swapped.track,
                group=previous,
                place=swapped.place,
                award_name=swapped.award_name,
                is_override=True,
                reason=winner.reason,
                decided_by=actor,
            )
        record_audit(
            action="programs.winners.overridden",
            target=winner.panel,
            actor=actor,
            before=before,
            after={"group": group.name, "place": winner.place, "reason": winner.reason},
        )
    return winner


def release_refusals(panel: Panel, results: list[TrackResult] | None = None) -> list[str]:
    """Why the panel's results cannot be released now (empty: they can): the panel is open, already released,
    a tie awaits a decision or a track cannot be ranked, or the screening has not selected who goes on."""
    if not panel.is_closed:
        return [_("Close the panel before releasing its results.")]
    if panel.is_released:
        return [_("The results are already released; the e-mails are not sent twice.")]
    if panel.kind == Panel.Kind.SCREENING and not panel.outcomes.exists():
        return [_("Select the groups that go on before releasing the screening results.")]
    return _unresolved(results if results is not None else panel_results(panel))


def release_results(*, actor, panel: Panel, notify: bool = True) -> Panel:
    """Release a closed panel's results: applicants see their own result and may object; the public page
    shows the final results. Each group's representatives get an e-mail (a delivery of RESULTS_MAILING, built
    by `stage_emails`: rank, score, whether it goes on after the screening; the winners of the final also
    their award, AWARDS_MAILING), and the results page shows how far the e-mails got.

    Rule: the panel is closed and every tie is decided; for the screening, the groups that go on are selected
    (the e-mail tells each group whether it goes on). Side effects: released_at, audit entry, e-mails
    (unless `notify` is false, as for demo data).
    """
    panel = _fresh(panel)
    if panel.is_released:
        return panel
    results = panel_results(panel)
    if refusals := release_refusals(panel, results):
        raise ValidationError(refusals)
    with transaction.atomic():
        panel.released_at = timezone.now()
        panel.save(update_fields=["released_at"])
        record_audit(
            action="programs.results.released",
            target=panel,
            actor=actor,
            after={item.track.code: item.result.fingerprint for item in results if item.result},
        )
        if notify:
            _order_results_emails(actor, panel, results)
    return panel


def _order_results_emails(actor, panel: Panel, results) -> None:
    """One delivery of RESULTS_MAILING (each ranked group's representatives, one e-mail each) and, after the
    final, one of AWARDS_MAILING (each winner's representatives): ordered in this order, sent in this order."""
    groups = {group.name: group for group in ProjectGroup.objects.filter(programme_id=panel.programme_id)}
    ranked = [groups[row.group] for item in results if item.result for row in item.result.rows]
    addressees = [Addressee(email, object_id=group.pk) for group in ranked for email in receipt_recipients(group)]
    order_delivery(actor=actor, kind=RESULTS_MAILING, target=panel, addressees=addressees)
    if panel.kind == Panel.Kind.FINAL:
        winners = Winner.objects.filter(panel=panel).select_related("group").order_by("pk")
        addressees = [Addressee(email, object_id=w.pk) for w in winners for email in receipt_recipients(w.group)]
        order_delivery(actor=actor, kind=AWARDS_MAILING, target=panel, addressees=addressees)


def group_result(panel: Panel, group: ProjectGroup):
    """(track result, row) of one group, or (None, None) when it was not ranked."""
    for item in panel_results(panel):
        if item.result:
            for row in item.result.rows:
                if row.group == group.name:
                    return item, row
    return None, None
