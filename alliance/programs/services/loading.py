"""Setting up a programme and its paper scores from files (`load_programme`, `import_scores`).

Both validate the whole input first and report every problem with where it is (key, row, column); only a
clean input is written, in one transaction.
"""

import csv
import io
import re
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from alliance.core.audit import record_audit
from alliance.core.korean import company_name_key
from alliance.core.models import User
from alliance.core.roles import Role
from alliance.members.membership import current_members
from alliance.members.models import Organisation
from alliance.programs.models import Criterion, GroupMember, Panel, Programme, ProjectGroup, RankingRule
from alliance.programs.services import assignment as assignment_service
from alliance.programs.services import panels as panel_service
from alliance.programs.services.programme import create_programme

CSV_COLUMNS = ("judge", "group", "criterion", "score")


def find_programme(reference: str) -> Programme:
    """A programme by its year or its exact name."""
    reference = reference.strip()
    programme = None
    if reference.isdigit():
        programme = Programme.objects.filter(year=int(reference)).first()
    programme = programme or Programme.objects.filter(name=reference).first()
    if programme is None:
        raise ValidationError(_("No programme is named or dated “%(value)s”.") % {"value": reference})
    return programme


def _year_of(spec: dict) -> int | None:
    if isinstance(spec.get("year"), int):
        return spec["year"]
    found = re.search(r"(?<!\d)(20\d\d)(?!\d)", str(spec.get("name", "")))
    return int(found.group(1)) if found else None


def _tracks_of(spec: dict, errors: list[str]) -> list[dict]:
    tracks = spec.get("tracks")
    if not isinstance(tracks, dict) or not tracks:
        errors.append(_("“tracks”: give at least one track with its criteria."))
        return []
    criteria_by_track = {}
    for code, track in tracks.items():
        criteria = track.get("criteria") if isinstance(track, dict) else None
        if not isinstance(criteria, dict) or not criteria:
            errors.append(_("tracks.%(code)s.criteria: give each criterion with its maximum points.") % {"code": code})
            continue
        for name, points in criteria.items():
            if not isinstance(points, int) or isinstance(points, bool) or points <= 0:
                errors.append(
                    _("tracks.%(code)s.criteria.%(name)s: the maximum points must be a whole number above 0.")
                    % {"code": code, "name": name}
                )
        criteria_by_track[code] = criteria
    # A criterion every track shares is common (the seed's ① and ②); its subtotal is the first tie-break.
    common = set.intersection(*(set(c) for c in criteria_by_track.values())) if len(criteria_by_track) > 1 else set()
    return [
        {
            "code": code,
            "name": str(tracks[code].get("name") or code),
            "criteria": [
                {"name": name, "max_points": points, "is_common": name in common} for name, points in criteria.items()
            ],
            "awards": tracks[code].get("awards", []),
        }
        for code, criteria in criteria_by_track.items()
    ]


def _member_companies(names: set[str]) -> dict[str, Organisation]:
    keys = {company_name_key(name): name for name in names}
    today = timezone.localdate()
    members = current_members(today).filter(name_key__in=keys)
    return {keys[member.name_key]: member for member in members}


def _judges_of(spec: dict, errors: list[str]) -> list[str]:
    judges = spec.get("judges", [])
    if not isinstance(judges, list) or not all(isinstance(judge, str) and judge.strip() for judge in judges):
        errors.append(_("“judges”: give a list of judges' names or e-mail addresses."))
        return []
    judges = [judge.strip() for judge in judges]
    if len(set(judges)) != len(judges):
        errors.append(_("“judges”: a judge is listed twice."))
    for number, judge in enumerate(judges, start=1):
        if "@" not in judge and User.objects.with_role(Role.EVALUATOR).filter(name=judge).count() > 1:
            errors.append(
                _(
                    "judges[%(number)d] (%(judge)s): more than one evaluator account has this name; "
                    "write the judge's e-mail address instead."
                )
                % {"number": number, "judge": judge}
            )
            continue
        user = _existing_user(judge)
        if user is not None and not user.has_role(Role.EVALUATOR):
            errors.append(_("“judges”: %(judge)s has an account that is not an evaluator's.") % {"judge": judge})
    return judges


def _existing_user(judge: str) -> User | None:
    if "@" in judge:
        return User.objects.filter(email__iexact=judge).first()
    return User.objects.with_role(Role.EVALUATOR).filter(name=judge).order_by("pk").first()


def _judge_user(judge: str, year: int, index: int) -> User:
    user = _existing_user(judge)
    if user is not None:
        return user
    if "@" in judge:
        email, name = judge.lower(), judge.split("@", maxsplit=1)[0]
    else:
        slug = slugify(judge) or f"{index:02d}"
        email, name = f"judge-{year}-{index:02d}-{slug}@judges.alliance.invalid", judge
    return User.objects.create_user(email, None, name=name, roles=(Role.EVALUATOR,))


def _check_companies(companies, members, seen_companies: dict, *, where: str, group_name: str, errors: list) -> None:
    """Each company is a current member and in no other group of the file."""
    for company in companies:
        if company not in members:
            errors.append(
                _("%(where)s (%(name)s): %(company)s is not a member organisation.")
                % {"where": where, "name": group_name, "company": company}
            )
        elif members[company].pk in seen_companies:
            errors.append(
                _("%(where)s (%(name)s): %(company)s is already in %(other)s.")
                % {
                    "where": where,
                    "name": group_name,
                    "company": company,
                    "other": seen_companies[members[company].pk],
                }
            )
        else:
            seen_companies[members[company].pk] = group_name


def _check_groups(groups, codes: set[str], errors: list[str]) -> dict[str, Organisation]:
    """Check the groups of a `load_programme` file; returns company name → member organisation."""
    if not isinstance(groups, list):
        errors.append(_("“groups”: give a list of groups."))
        return {}
    company_names = {str(c).strip() for g in groups if isinstance(g, dict) for c in g.get("companies") or []}
    members = _member_companies(company_names)
    seen_groups, seen_companies = set(), {}
    for number, group in enumerate(groups, start=1):
        where = _("groups[%(number)d]") % {"number": number}
        if not isinstance(group, dict) or not str(group.get("name", "")).strip():
            errors.append(_("%(where)s: the group's name is missing.") % {"where": where})
            continue
        group_name = group["name"].strip()
        if group_name in seen_groups:
            errors.append(_("%(where)s: the group name %(name)s is used twice.") % {"where": where, "name": group_name})
        seen_groups.add(group_name)
        if group.get("track") not in codes:
            errors.append(
                _("%(where)s (%(name)s): the track “%(track)s” is not defined.")
                % {"where": where, "name": group_name, "track": group.get("track")}
            )
        companies = [str(company).strip() for company in group.get("companies") or []]
        if not companies:
            errors.append(_("%(where)s (%(name)s): list its member companies.") % {"where": where, "name": group_name})
        _check_companies(companies, members, seen_companies, where=where, group_name=group_name, errors=errors)
    return members


def load_programme(*, actor, spec: dict) -> Programme:
    """Set up a programme from the `load_programme` JSON: tracks and rubrics, judges of the final panel, groups
    of member companies (the first company leads). Every problem is reported at once; nothing is written
    unless the whole file is valid.

    Rules: the rule is one of trimmed_mean/mean/median/zscore; every company is a current member and in one
    group only; group tracks exist; judges are evaluators (new names become evaluator accounts).
    Side effects: the programme (through the set-up service), evaluator accounts, the final panel seated
    (judges × groups, conflicts recused), audit entries.
    """
    errors: list[str] = []
    if not isinstance(spec, dict):
        raise ValidationError(_("The file must hold one JSON object."))
    name = str(spec.get("name", "")).strip()
    if not name:
        errors.append(_("“name”: the programme's name is missing."))
    year = _year_of(spec)
    if year is None:
        errors.append(_("“name”: put the year in the name (e.g. 2026 프로젝트 그룹) or give “year”."))
    elif Programme.objects.filter(year=year).exists():
        errors.append(_("The year %(year)d already has a programme.") % {"year": year})
    rule = spec.get("rule", RankingRule.TRIMMED_MEAN)
    if rule not in RankingRule.values:
        errors.append(
            _("“rule”: “%(rule)s” is not one of %(rules)s.") % {"rule": rule, "rules": ", ".join(RankingRule.values)}
        )
    tracks = _tracks_of(spec, errors)
    judges = _judges_of(spec, errors)
    groups = spec.get("groups", [])
    members = _check_groups(groups, {track["code"] for track in tracks}, errors)
    if errors:
        raise ValidationError(errors)
    optional = {key: spec[key] for key in ("absence_policy", "tie_break_chain", "objection_days") if key in spec}
    with transaction.atomic():
        if judges:  # the file's panel is the programme's stated number of final judges
            optional["final_judges"] = len(judges)
        programme = create_programme(actor=actor, year=year, name=name, tracks=tracks, ranking_rule=rule, **optional)
        track_of = {track.code: track for track in programme.tracks.all()}
        now = timezone.now()
        for group in groups:
            companies = [members[str(company).strip()] for company in group["companies"]]
            created = ProjectGroup.objects.create(
                programme=programme, track=track_of[group["track"]], name=group["name"].strip(), lead=companies[0]
            )
            GroupMember.objects.bulk_create(
                GroupMember(
                    group=created,
                    programme=programme,
                    organisation=company,
                    role=GroupMember.Role.LEAD if index == 0 else GroupMember.Role.PARTNER,
                    confirmed_at=now,
                )
                for index, company in enumerate(companies)
            )
        panel = panel_service.open_panel(actor=actor, programme=programme, kind=Panel.Kind.FINAL)
        for index, judge in enumerate(judges, start=1):
            user = _judge_user(judge, year, index)
            assignment_service.add_evaluator(
                actor=actor, programme=programme, user=user, screens=False, judges_final=True
            )
        assignment_service.seat_final_panel(actor=actor, panel=panel)
        record_audit(
            action="programs.programme.loaded",
            target=programme,
            actor=actor,
            after={"group_count": len(groups), "judge_names": judges, "rule": rule},
        )
    return programme


@dataclass(frozen=True)
class ScoreRow:
    judge: User
    group: ProjectGroup
    criterion: Criterion
    points: str


def _row_problems(values: dict, judge, group, criterion, assigned: set) -> list[str]:
    problems = []
    if judge is None:
        problems.append(_("unknown judge “%(value)s”") % {"value": values["judge"]})
    if group is None:
        problems.append(_("unknown group “%(value)s”") % {"value": values["group"]})
    if group is not None and criterion is None:
        problems.append(
            _("“%(value)s” is not a criterion of the %(track)s rubric")
            % {"value": values["criterion"], "track": group.track.code}
        )
    if criterion is not None:
        try:
            panel_service.parse_points(values["score"], criterion)
        except ValidationError as error:
            problems.append(_("score: %(problem)s") % {"problem": " ".join(error.messages)})
    if judge is not None and group is not None and (judge.pk, group.pk) not in assigned:
        problems.append(
            _("%(judge)s does not score %(group)s on this panel (not assigned, or recused)")
            % {"judge": judge.name, "group": group.name}
        )
    return problems


def read_score_rows(panel: Panel, content: str) -> list[ScoreRow]:
    """Parse and check a scores CSV (judge, group, criterion, score); raises a ValidationError listing every
    bad row (row numbers count the header as row 1). The judge column holds the judge's name or e-mail address;
    a name two evaluators of the programme share is refused (the row must give the e-mail address)."""
    reader = csv.DictReader(io.StringIO(content.lstrip("\ufeff")))
    header = [column.strip().lower() for column in reader.fieldnames or []]
    missing = [column for column in CSV_COLUMNS if column not in header]
    if missing:
        raise ValidationError(_("The file lacks the column(s): %(columns)s.") % {"columns": ", ".join(missing)})
    reader.fieldnames = header
    members = assignment_service.ProgrammeEvaluator.objects.filter(programme=panel.programme).select_related("user")
    judges, named = {}, {}
    for membership in members:
        judges[membership.user.email.lower()] = membership.user
        named.setdefault(membership.user.name, []).append(membership.user)
    # A name two evaluators of the programme share identifies neither: such rows must give the e-mail address.
    ambiguous = {name for name, users in named.items() if len(users) > 1}
    judges |= {name: users[0] for name, users in named.items() if name not in ambiguous}
    groups = {group.name: group for group in ProjectGroup.objects.filter(programme=panel.programme)}
    criteria = {(c.track_id, c.name): c for c in Criterion.objects.filter(track__programme=panel.programme)}
    assigned = set(panel.assignments.values_list("evaluator_id", "group_id"))
    errors, rows, seen = [], [], {}
    for number, raw in enumerate(reader, start=2):
        values = {column: (raw.get(column) or "").strip() for column in CSV_COLUMNS}
        where = _("Row %(row)d") % {"row": number}
        judge = judges.get(values["judge"].lower()) or judges.get(values["judge"])
        group = groups.get(values["group"])
        criterion = criteria.get((group.track_id, values["criterion"])) if group else None
        if values["judge"] in ambiguous:
            errors.append(
                _(
                    "%(where)s: more than one evaluator of this programme is named “%(judge)s”; "
                    "write the judge's e-mail address in the judge column instead."
                )
                % {"where": where, "judge": values["judge"]}
            )
            continue
        problems = _row_problems(values, judge, group, criterion, assigned)
        if judge and group and criterion:
            key = (judge.pk, group.pk, criterion.pk)
            if key in seen:
                problems.append(_("the same score as row %(row)d") % {"row": seen[key]})
            seen[key] = number
        if problems:
            errors.append(f"{where}: " + "; ".join(problems))
        else:
            rows.append(ScoreRow(judge=judge, group=group, criterion=criterion, points=values["score"]))
    if errors:
        raise ValidationError(errors)
    if not rows:
        raise ValidationError(_("The file holds no scores."))
    return rows


def import_scores(*, actor, panel: Panel, content: str) -> int:
    """Load scores taken on paper. Nothing is written unless every row is valid; then all rows in one
    transaction (`panels.import_score_rows`; each new or changed score gets a ScoreChange with source "import").

    Side effects: Scores, ScoreChanges, one audit entry; the programme's rule locks.
    """
    if panel.is_closed:
        raise ValidationError(_("The panel is closed; scores can no longer change."))
    rows = read_score_rows(panel, content)
    panel_service.import_score_rows(actor=actor, panel=panel, rows=rows)
    return len(rows)
