"""What the documents show, read once per document: every raw score of a panel arranged by track, group and
judge next to the ranking the results service computes, and the figures of the one-page summary."""

from dataclasses import dataclass, field
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.db.models import Count, Q

from alliance.programs.models import (
    Absence,
    Criterion,
    Objection,
    Panel,
    Programme,
    ProjectGroup,
    Score,
    ScreeningOutcome,
    Stage,
    TieDecision,
    Track,
    Winner,
)
from alliance.programs.ranking.values import shown_number
from alliance.programs.services.results import TrackResult, panel_results


@dataclass
class JudgeCell:
    """One judge's line for one group: points per criterion (None when not scored), total, dropped."""

    judge: str
    points: list[Decimal | None]
    total: str = ""
    dropped: bool = False
    absence: str = ""
    z: str = ""


@dataclass
class SheetRow:
    row: object  # ranking.Row
    cells: list[JudgeCell]


@dataclass
class TrackSheet:
    track: Track
    criteria: list[Criterion]
    judges: list[tuple[str, str]]  # (e-mail, name) in name order
    rows: list[SheetRow] = field(default_factory=list)
    result: object = None  # ranking.Result
    error: str = ""
    decisions: list[TieDecision] = field(default_factory=list)


def judge_names(emails) -> dict[str, str]:
    return dict(get_user_model().objects.filter(email__in=set(emails)).values_list("email", "name"))


def _track_sheet(item: TrackResult, *, criteria, points, names, absences, decisions) -> TrackSheet:
    track = item.track
    groups = {row.group for row in _rows(item)}
    emails = {email for (group, email, _criterion) in points if group in groups}
    emails |= {email for (group, email) in absences if group in groups}
    judges = sorted(((email, names.get(email, email)) for email in emails), key=lambda pair: (pair[1], pair[0]))
    sheet = TrackSheet(track=track, criteria=criteria, judges=judges, result=item.result, error=item.error)
    sheet.decisions = decisions
    for row in _rows(item):
        cells = []
        for email, name in judges:
            total = row.judge_totals.get(email)
            cells.append(
                JudgeCell(
                    judge=name,
                    points=[points.get((row.group, email, criterion.pk)) for criterion in criteria],
                    total=shown_number(total) if total is not None else "",
                    dropped=email in row.dropped,
                    absence=absences.get((row.group, email), ""),
                    z=str(round(float(row.judge_z[email]), 3)) if email in row.judge_z else "",
                )
            )
        sheet.rows.append(SheetRow(row=row, cells=cells))
    return sheet


def _rows(item: TrackResult):
    return item.result.rows if item.result else ()


def result_sheets(panel: Panel) -> list[TrackSheet]:
    """Per track: the ranking and, beside it, every raw score, dropped total, absence and tie decision."""
    results = panel_results(panel)
    points = {
        (group, email, criterion): value
        for group, email, criterion, value in Score.objects.filter(panel=panel).values_list(
            "group__name", "judge__email", "criterion_id", "points"
        )
    }
    absences = {
        (group, email): str(Absence.Reason(reason).label)
        for group, email, reason in Absence.objects.filter(panel=panel).values_list(
            "group__name", "judge__email", "reason"
        )
    }
    names = judge_names([email for (_g, email, _c) in points] + [email for (_g, email) in absences])
    criteria_of: dict[int, list[Criterion]] = {}
    for criterion in Criterion.objects.filter(track__programme_id=panel.programme_id).order_by("position", "pk"):
        criteria_of.setdefault(criterion.track_id, []).append(criterion)
    decisions_of: dict[int, list[TieDecision]] = {}
    for decision in TieDecision.objects.filter(panel=panel).select_related("decided_by"):
        decisions_of.setdefault(decision.track_id, []).append(decision)
    return [
        _track_sheet(
            item,
            criteria=criteria_of.get(item.track.pk, []),
            points=points,
            names=names,
            absences=absences,
            decisions=decisions_of.get(item.track.pk, []),
        )
        for item in results
    ]


def winners_of(panel: Panel):
    """The panel's winners with their group, lead and member companies, in track and place order."""
    return (
        Winner.objects.filter(panel=panel)
        .select_related("track", "group__lead")
        .prefetch_related("group__members__organisation")
        .order_by("track__position", "track__code", "place")
    )


@dataclass
class Summary:
    programme: Programme
    stages: list[Stage]
    tracks: list[dict]
    panels: dict[str, Panel]
    judges: int
    results: list[TrackResult]
    winners: list[Winner]
    objections: int
    objections_answered: int


def summary(programme: Programme) -> Summary:
    """The figures of the one-page evaluation summary: applications per track, screening, final results."""
    panels = {panel.kind: panel for panel in Panel.objects.filter(programme=programme)}
    screening = panels.get(Panel.Kind.SCREENING)
    final = panels.get(Panel.Kind.FINAL)
    advancing = dict(
        ScreeningOutcome.objects.filter(panel=screening, advances=True)
        .values_list("group__track_id")
        .annotate(n=Count("pk"))
        .values_list("group__track_id", "n")
    )
    tracks = []
    counts = (
        ProjectGroup.objects.filter(programme=programme)
        .values("track_id")
        .annotate(groups=Count("pk"), submitted=Count("pk", filter=Q(proposal__status="submitted")))
    )
    counts = {entry["track_id"]: entry for entry in counts}
    for track in Track.objects.filter(programme=programme).order_by("position", "code"):
        entry = counts.get(track.pk, {})
        tracks.append(
            {
                "track": track,
                "groups": entry.get("groups", 0),
                "submitted": entry.get("submitted", 0),
                "advancing": advancing.get(track.pk, 0) if screening else None,
            }
        )
    judges = Score.objects.filter(panel=final).values("judge_id").distinct().count() if final is not None else 0
    objections = Objection.objects.filter(panel__programme=programme).aggregate(
        total=Count("pk"), answered=Count("pk", filter=~Q(answer=""))
    )
    return Summary(
        programme=programme,
        stages=list(Stage.objects.filter(programme=programme).order_by("starts_at")),
        tracks=tracks,
        panels=panels,
        judges=judges,
        results=panel_results(final) if final is not None else [],
        winners=list(winners_of(final)) if final is not None else [],
        objections=objections["total"],
        objections_answered=objections["answered"],
    )
