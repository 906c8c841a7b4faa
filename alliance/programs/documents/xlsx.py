"""XLSX exports: the programme's applications, one judge's score sheet, a panel's results, and the post-award
support record.

Headers are translated (Korean by default); text a spreadsheet would run as a formula is stored as text;
times are Asia/Seoul. Each builder returns the workbook's bytes.
"""

import datetime
import io
from decimal import Decimal

from django.db.models import Prefetch
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import pgettext
from openpyxl import Workbook
from openpyxl.styles import Font

from alliance.core.spreadsheets import new_workbook, text_cell
from alliance.programs.documents import data, labels
from alliance.programs.models import Assignment, Criterion, GroupMember, Panel, Programme, ProjectGroup, Score
from alliance.programs.queries.support import grants_of_programme

_SHEET_NAME_FORBIDDEN = str.maketrans(dict.fromkeys("[]:*?/\\", "_"))
BOLD = Font(bold=True)


def _cell_value(value):
    if isinstance(value, datetime.datetime):
        return timezone.localtime(value).replace(tzinfo=None)
    if isinstance(value, datetime.date):
        return value
    if isinstance(value, Decimal):
        return float(value)  # points and shown scores have two decimals at most
    return value


def _append(sheet, values, *, bold: bool = False) -> None:
    """One row of a write-only sheet (rows are streamed: no per-row scan of the sheet)."""
    cells = []
    for value in values:
        cell = text_cell(sheet, _cell_value(value))  # formula-like text stays text (core.spreadsheets)
        if isinstance(cell.value, datetime.datetime):
            cell.number_format = "yyyy-mm-dd hh:mm"
        elif isinstance(cell.value, datetime.date):
            cell.number_format = "yyyy-mm-dd"
        if bold:
            cell.font = BOLD
        cells.append(cell)
    sheet.append(cells)


def _new_sheet(workbook: Workbook, title: str):
    name = title.translate(_SHEET_NAME_FORBIDDEN)[:31] or "-"
    taken = {sheet.title for sheet in workbook.worksheets}
    suffix = 2
    candidate = name
    while candidate in taken:
        candidate = f"{name[:28]}-{suffix}"
        suffix += 1
    return workbook.create_sheet(candidate)


def _workbook() -> Workbook:
    return new_workbook()  # no default sheet: sheets are named after tracks, created as needed


def _bytes(workbook: Workbook) -> bytes:
    stream = io.BytesIO()
    workbook.save(stream)
    return stream.getvalue()


def applications_xlsx(programme: Programme) -> bytes:
    """One row per project group: track, lead, partners (unconfirmed marked), proposal, status, files."""
    groups = (
        ProjectGroup.objects.filter(programme=programme)
        .select_related("track", "lead", "proposal")
        .prefetch_related(
            Prefetch("members", queryset=GroupMember.objects.select_related("organisation").order_by("pk")),
            "proposal__attachments",
            "extensions",
        )
        .order_by("track__position", "track__code", "name")
    )
    workbook = _workbook()
    sheet = _new_sheet(workbook, _("Applications"))
    headers = [
        _("Track"),
        _("Project group"),
        _("Lead company"),
        _("Partner companies"),
        _("Project title"),
        _("Status"),
        _("Submitted at"),
        _("Attachments"),
        _("Deadline extended until"),
    ]
    _append(sheet, headers, bold=True)
    unconfirmed = _("(not confirmed)")
    for group in groups:
        proposal = getattr(group, "proposal", None)
        partners = [
            member.organisation.name + ("" if member.confirmed_at else f" {unconfirmed}")
            for member in group.members.all()
            if member.role != GroupMember.Role.LEAD
        ]
        extensions = [extension.until for extension in group.extensions.all()]
        _append(
            sheet,
            [
                group.track.name,
                group.name,
                group.lead.name,
                ", ".join(partners),
                proposal.title if proposal else "",
                proposal.get_status_display() if proposal else "",
                proposal.submitted_at if proposal else None,
                len(proposal.attachments.all()) if proposal else 0,
                max(extensions) if extensions else None,
            ],
        )
    return _bytes(workbook)


def judge_scores_xlsx(panel: Panel, judge) -> bytes:
    """The judge's own scores on the panel: per track a sheet, a row per group, a column per criterion,
    the total and the comments. Groups assigned but not yet scored appear with empty cells."""
    scores = Score.objects.filter(panel=panel, judge=judge).select_related("group__track", "criterion")
    assigned = ProjectGroup.objects.filter(
        pk__in=Assignment.objects.filter(panel=panel, evaluator=judge).values("group_id")
    ).select_related("track")
    groups = {group.pk: group for group in assigned}
    by_group: dict[int, dict[int, Score]] = {}
    for score in scores:
        groups.setdefault(score.group_id, score.group)
        by_group.setdefault(score.group_id, {})[score.criterion_id] = score
    criteria_of: dict[int, list[Criterion]] = {}
    for criterion in Criterion.objects.filter(track__programme_id=panel.programme_id).order_by("position", "pk"):
        criteria_of.setdefault(criterion.track_id, []).append(criterion)
    workbook = _workbook()
    tracks = sorted({group.track for group in groups.values()}, key=lambda track: (track.position, track.code))
    for track in tracks:
        sheet = _new_sheet(workbook, track.name)
        _append(sheet, [panel.programme.name, panel.get_kind_display(), judge.name], bold=True)
        _append(sheet, [_("Printed"), timezone.now()])
        criteria = criteria_of.get(track.pk, [])
        _append(
            sheet,
            [_("Project group"), *[f"{c.name} ({c.max_points})" for c in criteria], _("Total"), _("Comments")],
            bold=True,
        )
        for group in sorted((g for g in groups.values() if g.track_id == track.pk), key=lambda g: g.name):
            own = by_group.get(group.pk, {})
            points = [own[c.pk].points if c.pk in own else None for c in criteria]
            complete = all(value is not None for value in points)
            comments = "\n".join(
                f"{c.name}: {own[c.pk].comment}" for c in criteria if c.pk in own and own[c.pk].comment
            )
            _append(sheet, [group.name, *points, sum(points) if complete else None, comments])
    if not tracks:
        _append(_new_sheet(workbook, judge.name), [_("No scores yet.")])
    return _bytes(workbook)


def results_xlsx(panel: Panel) -> bytes:
    """Per track: ranks, scores, every judge's total (dropped ones marked), the rule applied, tie-breaks and
    the fingerprint; then every raw score on one sheet, so the ranking can be recomputed."""
    sheets = data.result_sheets(panel)
    workbook = _workbook()
    dropped_mark = _("(dropped)")
    for track_sheet in sheets:
        sheet = _new_sheet(workbook, track_sheet.track.name)
        result = track_sheet.result
        _append(sheet, [panel.programme.name, panel.get_kind_display(), track_sheet.track.name], bold=True)
        if track_sheet.error:
            _append(sheet, [track_sheet.error])
        if result is None:
            continue
        _append(sheet, [_("Ranking rule"), labels.rule_label(result.rule)])
        _append(sheet, [_("When a judge is absent or recuses"), labels.policy_label(result.absence_policy)])
        _append(sheet, [_("Tie-break chain"), labels.chain_label(result.tie_break_chain)])
        _append(sheet, [_("Fingerprint"), result.fingerprint])
        _append(sheet, [])
        judges = [name for _email, name in track_sheet.judges]
        _append(
            sheet,
            [_("Rank"), _("Project group"), _("Score"), *judges, _("Rule applied"), _("Tie-break"), _("Decision")],
            bold=True,
        )
        for line in track_sheet.rows:
            row = line.row
            totals = [
                cell.absence or (f"{cell.total} {dropped_mark}" if cell.dropped else _number(cell.total))
                for cell in line.cells
            ]
            steps = " → ".join(f"{labels.tie_break_label(step.key)} {step.shown}" for step in row.tie_break)
            decision = (
                _("staff decision") if row.decided else (_("awaits a staff decision") if row.needs_decision else "")
            )
            _append(
                sheet, [row.rank, row.group, row.score, *totals, labels.rule_label(row.rule_applied), steps, decision]
            )
    raw = _new_sheet(workbook, _("Raw scores"))
    _append(raw, [_("Track"), _("Project group"), _("Judge"), _("Criterion"), _("Points"), _("Comment")], bold=True)
    names = data.judge_names(Score.objects.filter(panel=panel).values_list("judge__email", flat=True))
    rows = Score.objects.filter(panel=panel).values_list(
        "group__track__position",
        "group__track__code",
        "group__track__name",
        "group__name",
        "judge__email",
        "criterion__position",
        "criterion__name",
        "points",
        "comment",
    )
    ordered = sorted(rows, key=lambda r: (r[0], r[1], r[3], names.get(r[4], r[4]), r[5], r[6]))
    for *_order, track, group, email, _position, criterion, points, comment in ordered:
        _append(raw, [track, group, names.get(email, email), criterion, points, comment])
    return _bytes(workbook)


def support_xlsx(programme: Programme) -> bytes:
    """The post-award support record: one row per benefit granted to a winner — its award, the group and its
    companies, the benefit (kind, granting body, what it applies to, points), the certificate number and issue
    date, and whether it was used (when, where and for what)."""
    workbook = _workbook()
    sheet = _new_sheet(workbook, _("Post-award support"))
    _append(
        sheet,
        [
            _("Track"),
            pgettext("award rank", "Place"),
            _("Award"),
            _("Project group"),
            _("Companies"),
            _("Benefit"),
            _("Kind"),
            _("Granting body"),
            _("Applies to"),
            _("Bonus points"),
            _("Certificate number"),
            _("Issued on"),
            _("Used?"),
            _("Used on"),
            _("Where and for what (or why not)"),
        ],
        bold=True,
    )
    for grant in grants_of_programme(programme):
        winner, benefit = grant.winner, grant.benefit
        _append(
            sheet,
            [
                winner.track.name,
                winner.place,
                winner.award_name,
                winner.group.name,
                ", ".join(member.organisation.name for member in winner.group.members.all()),
                benefit.name,
                benefit.get_kind_display(),
                benefit.granting_body,
                benefit.applies_to,
                benefit.points,
                grant.number,
                grant.issued_on,
                grant.get_use_display(),
                grant.used_on,
                grant.used_for,
            ],
        )
    return _bytes(workbook)


def _number(text: str):
    """A shown total back as a number for the spreadsheet (exact decimals only; others stay text)."""
    if not text:
        return None
    try:
        return float(Decimal(text)) if Decimal(text) == Decimal(text).quantize(Decimal("0.01")) else text
    except ArithmeticError:
        return text
