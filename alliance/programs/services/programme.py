"""Setting up a year's programme: stages, tracks, rubrics, awards and the judging rules.

Rules: a year has one programme; a track's rubric and the ranking rule, absence policy and tie-break
chain are frozen once scoring starts (`rule_locked_at`, set by `lock_ranking_rule`); every change is
audited with before/after values, in the transaction of the change.
"""

import datetime

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from alliance.core.audit import changed, record_audit, snapshot
from alliance.core.versions import bump_version, check_version
from alliance.programs import default_rubric, ranking
from alliance.programs.models import (
    Award,
    Criterion,
    Programme,
    RankingRule,
    ScreeningMode,
    Stage,
    StageKind,
    SupportBenefit,
    Track,
)
from alliance.programs.models.programme import default_absence_policy
from alliance.programs.ranking.values import TIE_BREAK_KEYS

RULE_FIELDS = (
    "ranking_rule",
    "absence_policy",
    "tie_break_chain",
    "objection_days",
    "final_judges",
    "screening_mode",
    "screening_value",
    "company_facts",
)
PROGRAMME_FIELDS = ("year", "name", *RULE_FIELDS)


def _refuse_when_locked(programme: Programme) -> None:
    if programme.is_rule_locked:
        raise ValidationError(
            _("Scoring has started for %(programme)s: its ranking rule and rubric can no longer change.")
            % {"programme": programme.name}
        )


def validate_rules(*, ranking_rule: str, absence_policy: dict, tie_break_chain: list) -> None:
    """Raise a ValidationError naming the first unknown rule, judge count or tie-break, or the first part of the
    absence policy the ranking engine would refuse (`ranking.normalise_policy`, the engine's own check: a rule
    given fewer judges than it needs, such as the trimmed mean with 2 totals, or standardised scores mixed with a
    raw-score rule) — so a programme that could never be ranked is refused before its first score."""
    if ranking_rule not in RankingRule.values:
        raise ValidationError(_("Unknown ranking rule: %(rule)s.") % {"rule": ranking_rule})
    if not isinstance(absence_policy, dict):
        raise ValidationError(_("The absence policy must map numbers of judges to ranking rules."))
    for count, rule in absence_policy.items():
        if not str(count).isdigit() or rule not in RankingRule.values:
            raise ValidationError(
                _("Absence policy: “%(count)s: %(rule)s” is not a number of judges and a ranking rule.")
                % {"count": count, "rule": rule}
            )
    try:
        ranking.normalise_policy(ranking_rule, absence_policy)
    except ranking.RankingError as error:
        labels = dict(RankingRule.choices)
        params = {**error.params}
        if "rule" in params:
            params["rule"] = str(labels.get(params["rule"], params["rule"]))
        raise ValidationError(_(error.template) % params if params else _(error.template)) from None
    for step in tie_break_chain:
        named = isinstance(step, str) and step.startswith("criterion:") and len(step) > len("criterion:")
        if step not in TIE_BREAK_KEYS and not named:
            raise ValidationError(_("Unknown tie-break: %(step)s.") % {"step": step})


def _rubric_snapshot(track: Track) -> list:
    return [[c.name, c.max_points, c.is_common] for c in track.criteria.all()]


def _awards_snapshot(track: Track) -> list:
    return [[a.rank, a.name, a.presented_by, a.count] for a in track.awards.all()]


def _write_track_contents(track: Track, *, criteria: list[dict], awards: list[dict]) -> None:
    Criterion.objects.bulk_create(
        Criterion(
            track=track,
            name=item["name"].strip(),
            max_points=int(item["max_points"]),
            is_common=bool(item.get("is_common", False)),
            position=position,
        )
        for position, item in enumerate(criteria)
    )
    Award.objects.bulk_create(
        Award(
            track=track,
            rank=int(item["rank"]),
            name=item["name"].strip(),
            presented_by=item.get("presented_by", ""),
            count=int(item.get("count", 1)),
        )
        for item in awards
    )


def validate_criteria(criteria: list[dict], *, allow_empty: bool = False) -> None:
    names = [str(item.get("name", "")).strip() for item in criteria]
    if not criteria and not allow_empty:
        raise ValidationError(_("A rubric needs at least one criterion."))
    for line, (name, item) in enumerate(zip(names, criteria, strict=True), start=1):
        if not name:
            raise ValidationError(_("Criterion %(line)d: the name is missing.") % {"line": line})
        try:
            points = int(item.get("max_points"))
        except (TypeError, ValueError):
            points = 0
        if points <= 0:
            raise ValidationError(
                _("Criterion %(line)d (%(name)s): the maximum points must be a whole number above 0.")
                % {"line": line, "name": name}
            )
    duplicates = sorted({name for name in names if names.count(name) > 1})
    if duplicates:
        raise ValidationError(_("Criteria named twice: %(names)s.") % {"names": ", ".join(duplicates)})


def validate_awards(awards: list[dict]) -> None:
    ranks = [int(item["rank"]) for item in awards]
    if len(set(ranks)) != len(ranks):
        raise ValidationError(_("Two awards of a track share a rank."))
    for item in awards:
        if not str(item.get("name", "")).strip() or int(item.get("count", 1)) <= 0:
            raise ValidationError(_("Each award needs a name and at least one winner."))


def create_programme(
    *,
    actor,
    year: int,
    name: str,
    tracks: list[dict] | None = None,
    stages: dict[str, tuple[datetime.datetime, datetime.datetime]] | None = None,
    ranking_rule: str = RankingRule.TRIMMED_MEAN,
    absence_policy: dict | None = None,
    tie_break_chain: list | None = None,
    objection_days: int = 7,
    final_judges: int = 5,
    screening_mode: str = ScreeningMode.TOP_N,
    screening_value=5,
    copied_from: Programme | None = None,
    benefits: list[dict] | None = None,
) -> Programme:
    """Create a year's programme with its stages, tracks, rubrics, awards and post-award benefits.

    `tracks` defaults to the 2026 rubric (default_rubric.default_tracks) and `stages` to the year's usual
    dates (call 3/25–5/8 23:59:59 KST, ...); `absence_policy` to the ranking rule's own default
    (`models.programme.DEFAULT_ABSENCE_POLICIES`: for `zscore`, standardised scores at every count); `benefits`
    to the seed's post-award support (default_rubric.default_benefits). Rules the ranking engine would refuse,
    and a year already having a programme, are refused.
    Side effects: audit entry `programs.programme.created` with the programme, tracks and rubric.
    """
    tracks = default_rubric.default_tracks() if tracks is None else tracks
    stages = default_rubric.default_stages(year) if stages is None else stages
    benefits = default_rubric.default_benefits() if benefits is None else benefits
    programme = Programme(
        year=year,
        name=name.strip(),
        ranking_rule=ranking_rule,
        objection_days=objection_days,
        final_judges=final_judges,
        screening_mode=screening_mode,
        screening_value=screening_value,
        copied_from=copied_from,
    )
    programme.absence_policy = default_absence_policy(ranking_rule) if absence_policy is None else absence_policy
    if tie_break_chain is not None:
        programme.tie_break_chain = tie_break_chain
    validate_rules(
        ranking_rule=programme.ranking_rule,
        absence_policy=programme.absence_policy,
        tie_break_chain=programme.tie_break_chain,
    )
    codes = [track["code"] for track in tracks]
    if len(set(codes)) != len(codes):
        raise ValidationError(_("Two tracks share a code."))
    for track in tracks:
        validate_criteria(track["criteria"], allow_empty=True)
        validate_awards(track.get("awards", []))
    for kind, (starts_at, ends_at) in stages.items():
        _validate_stage(kind, starts_at, ends_at)
    if Programme.objects.filter(year=year).exists():
        raise ValidationError(_("The year %(year)d already has a programme.") % {"year": year})
    try:
        with transaction.atomic():
            _write_programme(programme, tracks=tracks, stages=stages, actor=actor, copied_from=copied_from)
            SupportBenefit.objects.bulk_create(SupportBenefit(programme=programme, **benefit) for benefit in benefits)
    except IntegrityError as error:  # another request created the year's programme meanwhile
        raise ValidationError(_("The year %(year)d already has a programme.") % {"year": year}) from error
    return programme


def _write_programme(programme: Programme, *, tracks, stages, actor, copied_from) -> None:
    """Save a validated programme with its stages, tracks, criteria, awards and audit entry."""
    programme.save()
    Stage.objects.bulk_create(
        Stage(programme=programme, kind=kind, starts_at=starts_at, ends_at=ends_at)
        for kind, (starts_at, ends_at) in stages.items()
    )
    for position, spec in enumerate(tracks):
        track = Track.objects.create(
            programme=programme,
            code=spec["code"].strip(),
            name=spec["name"].strip(),
            description=spec.get("description", ""),
            position=spec.get("position", position),
        )
        _write_track_contents(track, criteria=spec["criteria"], awards=spec.get("awards", []))
    after = snapshot(programme, PROGRAMME_FIELDS)
    after["rubric"] = {spec["code"]: [c["name"] for c in spec["criteria"]] for spec in tracks}
    after["copied_from"] = copied_from.year if copied_from else None
    record_audit(action="programs.programme.created", actor=actor, target=programme, before=None, after=after)


def update_programme_rules(
    *, actor, programme: Programme, data: dict, expected_version: int | None = None
) -> Programme:
    """Change the name and judging rules (ranking rule, absence policy, tie-breaks, objections, number of final
    judges, screening).

    The ranking rule, absence policy and tie-break chain are refused once `rule_locked_at` is set; the
    name, objection period and screening settings may still change. With `expected_version` (the version
    the form was loaded with), rules saved by someone else since are refused with core.versions.StaleEditError.
    Side effects: audit entry `programs.programme.updated` with the changed fields; the version moves on.
    """
    with transaction.atomic():
        programme = Programme.objects.select_for_update().get(pk=programme.pk)
        check_version(programme, expected_version)
        before = snapshot(programme, PROGRAMME_FIELDS)
        for field in ("name", *RULE_FIELDS):
            if field in data:
                setattr(programme, field, data[field])
        after = snapshot(programme, PROGRAMME_FIELDS)
        old, new = changed(before, after)
        if not new:
            return programme
        if programme.is_rule_locked and set(new) & {"ranking_rule", "absence_policy", "tie_break_chain"}:
            _refuse_when_locked(programme)
        validate_rules(
            ranking_rule=programme.ranking_rule,
            absence_policy=programme.absence_policy,
            tie_break_chain=programme.tie_break_chain,
        )
        bump_version(programme)
        programme.save()
        record_audit(action="programs.programme.updated", actor=actor, target=programme, before=old, after=new)
    return programme


def lock_ranking_rule(*, actor, programme: Programme) -> Programme:
    """Freeze the ranking rule, absence policy, tie-break chain and rubrics; called when scoring starts.

    Idempotent: a locked programme keeps its first lock time.
    Side effects: audit entry `programs.programme.rule_locked` the first time.
    """
    with transaction.atomic():
        programme = Programme.objects.select_for_update().get(pk=programme.pk)
        if programme.rule_locked_at is None:
            programme.rule_locked_at = timezone.now()
            programme.save(update_fields=["rule_locked_at", "updated_at"])
            record_audit(
                action="programs.programme.rule_locked",
                actor=actor,
                target=programme,
                before=None,
                after=snapshot(programme, ("ranking_rule", "absence_policy", "tie_break_chain", "rule_locked_at")),
            )
    return programme


def _validate_stage(kind: str, starts_at, ends_at) -> None:
    if kind not in StageKind.values:
        raise ValidationError(_("Unknown stage: %(kind)s.") % {"kind": kind})
    if ends_at < starts_at:
        raise ValidationError(_("%(stage)s: the end comes before the start.") % {"stage": StageKind(kind).label})


def set_stages(*, actor, programme: Programme, stages: dict, expected_version: int | None = None) -> int:
    """Save the dates form: {kind: (starts_at, ends_at)}; only the stages whose dates differ are written.

    With `expected_version` (the programme's `stages_version` the form was loaded with), dates saved by someone
    else since are refused with core.versions.StaleEditError and nothing is written. Returns how many stages
    changed. Side effects: those of `set_stage` for each.
    """
    with transaction.atomic():
        programme = Programme.objects.select_for_update().get(pk=programme.pk)
        check_version(programme, expected_version, field="stages_version")
        current = {stage.kind: (stage.starts_at, stage.ends_at) for stage in programme.stages.all()}
        changed_kinds = [kind for kind, dates in stages.items() if current.get(kind) != dates]
        for kind in changed_kinds:
            starts_at, ends_at = stages[kind]
            set_stage(actor=actor, programme=programme, kind=kind, starts_at=starts_at, ends_at=ends_at)
    return len(changed_kinds)


def set_stage(*, actor, programme: Programme, kind: str, starts_at, ends_at) -> Stage:
    """Create or move one stage of the programme.

    Side effects: audit entry `programs.stage.updated` with the dates before and after; the programme's
    `stages_version` moves on (an open dates form is now stale).
    """
    _validate_stage(kind, starts_at, ends_at)
    with transaction.atomic():
        stage = Stage.objects.select_for_update().filter(programme=programme, kind=kind).first()
        before = snapshot(stage, ("starts_at", "ends_at")) if stage else None
        if stage is None:
            stage = Stage(programme=programme, kind=kind)
        stage.starts_at, stage.ends_at = starts_at, ends_at
        stage.save()
        bump_version(programme, field="stages_version")
        after = {"kind": kind, **snapshot(stage, ("starts_at", "ends_at"))}
        record_audit(action="programs.stage.updated", actor=actor, target=programme, before=before, after=after)
    return stage


def _locked_track(track: Track, expected_version: int | None) -> Track:
    """The track locked for the write, refused with StaleEditError when changed since the form was loaded."""
    locked = Track.objects.select_for_update().select_related("programme").get(pk=track.pk)
    check_version(locked, expected_version)
    return locked


def save_track(
    *,
    actor,
    programme: Programme,
    code: str,
    name: str,
    description: str = "",
    track=None,
    expected_version: int | None = None,
) -> Track:
    """Add a track, or rename an existing one (its code stays unique in the programme).

    A new track starts with the programme's common criteria (those marked common in its first track). With
    `expected_version` (the version the form was loaded with), a track changed since is refused with
    core.versions.StaleEditError. Side effects: audit entry `programs.track.saved`; the track's version moves on.
    """
    code, name = code.strip().upper(), name.strip()
    if not code or not name:
        raise ValidationError(_("A track needs a code and a name."))
    with transaction.atomic():
        if track is not None:
            track = _locked_track(track, expected_version)
        clash = Track.objects.filter(programme=programme, code=code).exclude(pk=getattr(track, "pk", None))
        if clash.exists():
            raise ValidationError(_("The track code %(code)s is already used.") % {"code": code})
        before = snapshot(track, ("code", "name", "description")) if track else None
        is_new = track is None
        if is_new:
            _refuse_when_locked(programme)
            track = Track(programme=programme, position=programme.tracks.count())
        track.code, track.name, track.description = code, name, description
        bump_version(track)
        track.save()
        if is_new:
            first = programme.tracks.exclude(pk=track.pk).first()
            common = [
                {"name": c.name, "max_points": c.max_points, "is_common": True}
                for c in (first.criteria.filter(is_common=True) if first else [])
            ]
            _write_track_contents(track, criteria=common, awards=[])
        after = snapshot(track, ("code", "name", "description"))
        record_audit(action="programs.track.saved", actor=actor, target=track, before=before, after=after)
    return track


def save_rubric(*, actor, track: Track, criteria: list[dict], expected_version: int | None = None) -> Track:
    """Replace a track's criteria (name, max_points, is_common, in order); refused after scoring starts, and
    with StaleEditError when the track changed since `expected_version`.

    Side effects: audit entry `programs.rubric.saved` with the rubric before and after; the track's version
    moves on.
    """
    _refuse_when_locked(track.programme)
    validate_criteria(criteria)
    with transaction.atomic():
        track = _locked_track(track, expected_version)
        bump_version(track)
        before = {"rubric": _rubric_snapshot(track)}
        track.criteria.all().delete()
        _write_track_contents(track, criteria=criteria, awards=[])
        after = {"rubric": _rubric_snapshot(track)}
        record_audit(action="programs.rubric.saved", actor=actor, target=track, before=before, after=after)
    return track


def save_awards(*, actor, track: Track, awards: list[dict], expected_version: int | None = None) -> Track:
    """Replace a track's awards (rank, name, presented_by, count); refused with StaleEditError when the track
    changed since `expected_version`.

    Side effects: audit entry `programs.awards.saved` with the awards before and after; the track's version
    moves on.
    """
    validate_awards(awards)
    with transaction.atomic():
        track = _locked_track(track, expected_version)
        bump_version(track)
        before = {"award_list": _awards_snapshot(track)}
        track.awards.all().delete()
        _write_track_contents(track, criteria=[], awards=awards)
        after = {"award_list": _awards_snapshot(track)}
        record_audit(action="programs.awards.saved", actor=actor, target=track, before=before, after=after)
    return track


def _shift_year(moment: datetime.datetime, years: int) -> datetime.datetime:
    local = timezone.localtime(moment, default_rubric.SEOUL)
    try:
        return local.replace(year=local.year + years)
    except ValueError:  # 29 February into a common year
        return local.replace(year=local.year + years, day=28)


def copy_programme(*, actor, source: Programme, year: int, name: str | None = None) -> Programme:
    """Start `year`'s programme from `source`: same rules, tracks, rubrics, awards and benefits, stages moved by the
    difference in years; no groups, judges or scores are copied and the copy is not locked.

    Side effects: those of `create_programme` (audit `programs.programme.created` naming the source).
    """
    years = year - source.year
    tracks = [
        {
            "code": track.code,
            "name": track.name,
            "description": track.description,
            "position": track.position,
            "criteria": [
                {"name": c.name, "max_points": c.max_points, "is_common": c.is_common} for c in track.criteria.all()
            ],
            "awards": [
                {"rank": a.rank, "name": a.name, "presented_by": a.presented_by, "count": a.count}
                for a in track.awards.all()
            ],
        }
        for track in source.tracks.prefetch_related("criteria", "awards")
    ]
    stages = {
        stage.kind: (_shift_year(stage.starts_at, years), _shift_year(stage.ends_at, years))
        for stage in source.stages.all()
    }
    return create_programme(
        actor=actor,
        year=year,
        name=name or source.name.replace(str(source.year), str(year)),
        tracks=tracks,
        stages=stages,
        ranking_rule=source.ranking_rule,
        absence_policy=source.absence_policy,
        tie_break_chain=source.tie_break_chain,
        objection_days=source.objection_days,
        final_judges=source.final_judges,
        screening_mode=source.screening_mode,
        screening_value=source.screening_value,
        copied_from=source,
        benefits=[
            {
                "kind": b.kind,
                "code": b.code,
                "name": b.name,
                "granting_body": b.granting_body,
                "applies_to": b.applies_to,
                "points": b.points,
                "position": b.position,
            }
            for b in source.benefits.all()
        ],
    )
