"""A year's competition of project groups (프로젝트 그룹): its stages, tracks, rubrics, awards and judging rules."""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from alliance.core.versions import version_field


class RankingRule(models.TextChoices):
    # The names are an interface (load_programme, judge_results, ranking.RULES): they never change.
    TRIMMED_MEAN = "trimmed_mean", _("Mean without the highest and lowest judge total")
    MEAN = "mean", _("Arithmetic mean")
    MEDIAN = "median", _("Median")
    ZSCORE = "zscore", _("Mean of per-judge standardised scores")


class ScreeningMode(models.TextChoices):
    CUTOFF = "cutoff", _("Cut-off score")
    TOP_N = "top_n", _("Top N per track")


class StageKind(models.TextChoices):
    CALL = "call", pgettext_lazy("programme stage", "Call for applications")
    SCREENING = "screening", pgettext_lazy("programme stage", "Document screening")
    MENTORING_1 = "mentoring_1", pgettext_lazy("programme stage", "Mentoring round 1")
    MENTORING_2 = "mentoring_2", pgettext_lazy("programme stage", "Mentoring round 2")
    INVESTMENT_DAY = "investment_day", pgettext_lazy("programme stage", "Investment consultation day")
    FINAL = "final", pgettext_lazy("programme stage", "Final presentation judging")
    AWARDS = "awards", pgettext_lazy("programme stage", "Awards")


# What each ranking rule does by default when a judge recuses or is absent; keys are numbers of judge totals
# (a group with more totals than the largest key is ranked by the programme's rule itself). The seed's rule
# (seed 001: five judges, drop the highest and the lowest) still drops one high and one low with four totals
# and takes the plain mean with three or fewer; the other rules keep themselves at every count — above all
# `zscore`, whose standardised scores cannot be mixed with a raw-score rule.
DEFAULT_ABSENCE_POLICIES = {
    "trimmed_mean": {"4": "trimmed_mean", "3": "mean", "2": "mean", "1": "mean"},
    "mean": {"4": "mean", "3": "mean", "2": "mean", "1": "mean"},
    "median": {"4": "median", "3": "median", "2": "median", "1": "median"},
    "zscore": {"4": "zscore", "3": "zscore", "2": "zscore", "1": "zscore"},
}
DEFAULT_ABSENCE_POLICY = DEFAULT_ABSENCE_POLICIES["trimmed_mean"]
DEFAULT_TIE_BREAK_CHAIN = ["common_subtotal", "untrimmed_mean"]


# Readable names of the tie-break keys of ranking.values.TIE_BREAK_KEYS ("criterion:<name>" is shown as the name).
TIE_BREAK_LABELS = {
    "common_subtotal": _("Common-criteria subtotal"),
    "untrimmed_mean": _("Mean of all judge totals"),
    "median_total": _("Median judge total"),
    "highest_single_total": _("Highest single judge total"),
    "highest_lowest_total": _("Higher lowest judge total"),
}


def tie_break_label(key: str) -> str:
    """The one readable name of a tie-break key, for pages, documents and exports alike."""
    if key.startswith("criterion:"):
        return _("Criterion: %(name)s") % {"name": key.removeprefix("criterion:")}
    return str(TIE_BREAK_LABELS.get(key, key))


def tie_note(row) -> str:
    """What decided the rank of a ranking row whose score equals another's: the key of the chain, or staff."""
    if row.decided:
        return str(_("Tie decided by staff"))
    if row.deciding_key:
        return _("Tie broken by: %(rule)s") % {"rule": tie_break_label(row.deciding_key)}
    return ""


def default_absence_policy(rule: str = "trimmed_mean") -> dict:
    """The absence policy a programme ranked by `rule` starts with (the seed's for the default rule)."""
    return dict(DEFAULT_ABSENCE_POLICIES.get(rule, DEFAULT_ABSENCE_POLICY))


def default_tie_break_chain() -> list:
    return list(DEFAULT_TIE_BREAK_CHAIN)


class Programme(models.Model):
    year = models.PositiveSmallIntegerField(_("year"), unique=True)
    name = models.CharField(_("name"), max_length=200)
    ranking_rule = models.CharField(
        _("ranking rule"), max_length=20, choices=RankingRule.choices, default=RankingRule.TRIMMED_MEAN
    )
    absence_policy = models.JSONField(_("when a judge is absent or recuses"), default=default_absence_policy)
    tie_break_chain = models.JSONField(_("tie-break chain"), default=default_tie_break_chain)
    # Set when scoring starts (P2's judging service); from then on the rule, policy and chain are frozen.
    rule_locked_at = models.DateTimeField(_("ranking rule locked at"), null=True, blank=True)
    objection_days = models.PositiveSmallIntegerField(_("objection period (days)"), default=7)
    # Seed 001: five expert judges score the final presentations. The final panel's page warns when its number
    # of judges differs.
    final_judges = models.PositiveSmallIntegerField(_("judges on the final panel"), default=5)
    screening_mode = models.CharField(
        _("screening"), max_length=10, choices=ScreeningMode.choices, default=ScreeningMode.TOP_N
    )
    screening_value = models.DecimalField(_("cut-off score or N"), max_digits=6, decimal_places=2, default=5)
    # Set once when staff announce the call to every member representative (one announcement per programme).
    call_announced_at = models.DateTimeField(_("call announced at"), null=True, blank=True)
    # Facts about the group companies kept by other apps (core/company_facts.py) shown to the evaluators, such as
    # the latest ethics self-check score (regulation): keys of registered facts.
    company_facts = models.JSONField(_("facts shown to evaluators"), default=list, blank=True)
    copied_from = models.ForeignKey(
        "self", verbose_name=_("copied from"), on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    # Moved on by every change of the rules form's values; the form carries it (core.versions).
    version = version_field()
    # Moved on by every change of a stage's dates: the dates form carries it (core.versions).
    stages_version = version_field()
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-year"]
        verbose_name = _("programme")
        verbose_name_plural = _("programmes")

    def __str__(self):
        return self.name

    @property
    def is_rule_locked(self) -> bool:
        return self.rule_locked_at is not None

    @property
    def absence_policy_labels(self) -> list[tuple[str, str]]:
        """(number of judge totals, rule label), most totals first."""
        labels = dict(RankingRule.choices)
        ordered = sorted(self.absence_policy.items(), key=lambda item: -int(item[0]))
        return [(count, str(labels.get(rule, rule))) for count, rule in ordered]

    @property
    def tie_break_labels(self) -> list[str]:
        return [tie_break_label(key) for key in self.tie_break_chain]


class Stage(models.Model):
    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="stages")
    kind = models.CharField(_("stage"), max_length=20, choices=StageKind.choices)
    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"))

    class Meta:
        ordering = ["programme", "starts_at"]
        verbose_name = _("stage")
        verbose_name_plural = _("stages")
        constraints = [
            models.UniqueConstraint(fields=["programme", "kind"], name="programs_stage_once_per_programme"),
            models.CheckConstraint(condition=Q(ends_at__gte=models.F("starts_at")), name="programs_stage_ends_after"),
        ]

    def __str__(self):
        return f"{self.programme} · {self.get_kind_display()}"


class Track(models.Model):
    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="tracks")
    code = models.CharField(_("code"), max_length=10)
    name = models.CharField(_("name"), max_length=100)
    description = models.TextField(_("description"), blank=True)
    position = models.PositiveSmallIntegerField(_("order"), default=0)
    # Moved on by every change of its name, rubric or awards: the three forms of its page carry it.
    version = version_field()

    class Meta:
        ordering = ["programme", "position", "code"]
        verbose_name = _("track")
        verbose_name_plural = _("tracks")
        constraints = [
            models.UniqueConstraint(fields=["programme", "code"], name="programs_track_code_unique"),
        ]

    def __str__(self):
        return self.name


class Criterion(models.Model):
    track = models.ForeignKey(Track, on_delete=models.CASCADE, related_name="criteria")
    name = models.CharField(_("criterion"), max_length=100)
    max_points = models.PositiveSmallIntegerField(_("maximum points"))
    # Common criteria (공통) are shared by every track; their subtotal is the first tie-break.
    is_common = models.BooleanField(_("common to all tracks"), default=False)
    position = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["track", "position", "pk"]
        verbose_name = _("criterion")
        verbose_name_plural = _("criteria")
        constraints = [
            models.UniqueConstraint(fields=["track", "name"], name="programs_criterion_name_unique"),
            models.CheckConstraint(condition=Q(max_points__gt=0), name="programs_criterion_positive_max"),
        ]

    def __str__(self):
        return self.name


class Award(models.Model):
    track = models.ForeignKey(Track, on_delete=models.CASCADE, related_name="awards")
    name = models.CharField(_("award"), max_length=100)
    # 1 is the highest award of the track; `count` groups receive it.
    rank = models.PositiveSmallIntegerField(_("rank"))
    count = models.PositiveSmallIntegerField(_("number of winners"), default=1)
    # The institution presenting it (과기정통부 장관상, NIPA 원장상, ...), printed on the certificate.
    presented_by = models.CharField(_("presented by"), max_length=100, blank=True)

    class Meta:
        ordering = ["track", "rank"]
        verbose_name = _("award")
        verbose_name_plural = _("awards")
        constraints = [
            models.UniqueConstraint(fields=["track", "rank"], name="programs_award_rank_unique"),
            models.CheckConstraint(condition=Q(count__gt=0), name="programs_award_positive_count"),
        ]

    def __str__(self):
        return self.name
