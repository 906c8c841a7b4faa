"""Judging: evaluators and their conflicts of interest, pledges, assignments, panels and scores, the
speaking-order draw, tie decisions, objections and winners.

A panel is one judging session of a programme: the document screening or the final presentations. Scores are
unique per panel, judge, group and criterion; every change to a score is kept in `ScoreChange`.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from alliance.core.versions import version_field


class ProgrammeEvaluator(models.Model):
    """An evaluator (Role.EVALUATOR user) taking part in one programme's screening and/or final panel."""

    programme = models.ForeignKey(
        "programs.Programme", verbose_name=_("programme"), on_delete=models.CASCADE, related_name="evaluators"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("evaluator"), on_delete=models.PROTECT, related_name="+"
    )
    screens = models.BooleanField(_("document screening"), default=True)
    judges_final = models.BooleanField(_("final panel judge"), default=False)
    # Set when the evaluator has declared their ties (possibly none); nothing is shown to them before.
    ties_declared_at = models.DateTimeField(_("ties declared at"), null=True, blank=True)
    added_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["programme", "user__name"]
        verbose_name = _("programme evaluator")
        verbose_name_plural = _("programme evaluators")
        constraints = [
            models.UniqueConstraint(fields=["programme", "user"], name="programs_evaluator_once_per_programme")
        ]

    def __str__(self):
        return f"{self.user.name} ({self.programme})"


class ConflictTie(models.Model):
    """A tie the evaluator declared to an organisation (besides their own, which always counts)."""

    evaluator = models.ForeignKey(ProgrammeEvaluator, on_delete=models.CASCADE, related_name="ties")
    organisation = models.ForeignKey(
        "members.Organisation", verbose_name=_("organisation"), on_delete=models.CASCADE, related_name="+"
    )
    note = models.CharField(_("nature of the tie"), max_length=200, blank=True)
    declared_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("declared tie")
        verbose_name_plural = _("declared ties")
        constraints = [models.UniqueConstraint(fields=["evaluator", "organisation"], name="programs_tie_once")]

    def __str__(self):
        return f"{self.evaluator.user.name} ↔ {self.organisation.name}"


class Panel(models.Model):
    class Kind(models.TextChoices):
        SCREENING = "screening", pgettext_lazy("panel", "Document screening")
        FINAL = "final", pgettext_lazy("panel", "Final presentation judging")

    programme = models.ForeignKey(
        "programs.Programme", verbose_name=_("programme"), on_delete=models.CASCADE, related_name="panels"
    )
    kind = models.CharField(_("stage"), max_length=12, choices=Kind.choices)
    # The rule, absence policy and tie-break chain as they were when the first score was saved.
    rule_snapshot = models.JSONField(_("ranking rule"), default=dict, blank=True)
    # Screening: evaluators per proposal for the automatic assignment; final: the programme's number of judges
    # when the panel opened (every final judge scores every finalist).
    evaluators_per_group = models.PositiveSmallIntegerField(_("evaluators per group"), default=3)
    closed_at = models.DateTimeField(_("closed at"), null=True, blank=True)
    released_at = models.DateTimeField(_("released at"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["programme", "kind"]
        verbose_name = _("judging panel")
        verbose_name_plural = _("judging panels")
        constraints = [models.UniqueConstraint(fields=["programme", "kind"], name="programs_one_panel_per_stage")]

    def __str__(self):
        return f"{self.programme} · {self.get_kind_display()}"

    @property
    def is_closed(self) -> bool:
        return self.closed_at is not None

    @property
    def is_released(self) -> bool:
        return self.released_at is not None


class Pledge(models.Model):
    """The confidentiality and impartiality pledge (비밀유지·공정성 서약), signed once per panel."""

    panel = models.ForeignKey(Panel, on_delete=models.CASCADE, related_name="pledges")
    evaluator = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    signed_at = models.DateTimeField(_("signed at"))
    signed_name = models.CharField(_("name as signed"), max_length=100)

    class Meta:
        verbose_name = _("pledge")
        verbose_name_plural = _("pledges")
        constraints = [models.UniqueConstraint(fields=["panel", "evaluator"], name="programs_pledge_once_per_panel")]

    def __str__(self):
        return f"{self.signed_name} · {self.panel}"


class Assignment(models.Model):
    panel = models.ForeignKey(Panel, on_delete=models.CASCADE, related_name="assignments")
    evaluator = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    group = models.ForeignKey("programs.ProjectGroup", on_delete=models.CASCADE, related_name="+")
    assigned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    is_automatic = models.BooleanField(default=False)
    assigned_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["panel", "group__name", "evaluator__name"]
        verbose_name = _("assignment")
        verbose_name_plural = _("assignments")
        constraints = [
            models.UniqueConstraint(fields=["panel", "evaluator", "group"], name="programs_assignment_once"),
        ]

    def __str__(self):
        return f"{self.evaluator.name} → {self.group.name}"


class Absence(models.Model):
    """A judge who does not score a group (recused or absent), recorded so the panel may still close."""

    class Reason(models.TextChoices):
        RECUSED = "recused", pgettext_lazy("absence", "Recused")
        ABSENT = "absent", pgettext_lazy("absence", "Absent")

    panel = models.ForeignKey(Panel, on_delete=models.CASCADE, related_name="absences")
    judge = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    group = models.ForeignKey("programs.ProjectGroup", on_delete=models.CASCADE, related_name="+")
    reason = models.CharField(_("reason"), max_length=10, choices=Reason.choices)
    note = models.CharField(_("note"), max_length=200, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("absence")
        verbose_name_plural = _("absences")
        constraints = [models.UniqueConstraint(fields=["panel", "judge", "group"], name="programs_absence_once")]

    def __str__(self):
        return f"{self.judge.name} · {self.group.name} · {self.get_reason_display()}"


class Score(models.Model):
    panel = models.ForeignKey(Panel, on_delete=models.CASCADE, related_name="scores")
    judge = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    group = models.ForeignKey("programs.ProjectGroup", on_delete=models.CASCADE, related_name="+")
    criterion = models.ForeignKey("programs.Criterion", on_delete=models.PROTECT, related_name="+")
    points = models.DecimalField(_("points"), max_digits=6, decimal_places=2)
    comment = models.TextField(_("comment"), blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("score")
        verbose_name_plural = _("scores")
        constraints = [
            models.UniqueConstraint(fields=["panel", "judge", "group", "criterion"], name="programs_score_once"),
            models.CheckConstraint(condition=Q(points__gte=0), name="programs_score_not_negative"),
        ]

    def __str__(self):
        return f"{self.judge.name} · {self.group.name} · {self.criterion.name}: {self.points}"


class ScoreChange(models.Model):
    """One change of one score: its first save (points_before null), every amendment, and its withdrawal
    (points_after null, source "withdrawn") when an absence or a declared tie takes the judge off the group.

    The entry names its panel, judge, group and criterion itself, so the log outlives a withdrawn Score (whose
    link is then null): every change stays logged.
    """

    score = models.ForeignKey(Score, on_delete=models.SET_NULL, null=True, blank=True, related_name="changes")
    panel = models.ForeignKey(Panel, on_delete=models.CASCADE, related_name="score_changes")
    judge = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    group = models.ForeignKey("programs.ProjectGroup", on_delete=models.CASCADE, related_name="+")
    criterion = models.ForeignKey("programs.Criterion", on_delete=models.PROTECT, related_name="+")
    points_before = models.DecimalField(max_digits=6, decimal_places=2, null=True, blank=True)
    points_after = models.DecimalField(max_digits=6, decimal_places=2, null=True, blank=True)
    comment_before = models.TextField(blank=True)
    comment_after = models.TextField(blank=True)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    source = models.CharField(max_length=20, default="web")  # web, import, demo, or withdrawn
    changed_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["changed_at", "pk"]
        verbose_name = _("score change")
        verbose_name_plural = _("score changes")

    def __str__(self):
        return f"{self.points_before} → {self.points_after}"

    @classmethod
    def of(cls, score: Score, **fields) -> "ScoreChange":
        """An unsaved entry for `score`, its panel, judge, group and criterion copied onto it."""
        return cls(
            score=score,
            panel_id=score.panel_id,
            judge_id=score.judge_id,
            group_id=score.group_id,
            criterion_id=score.criterion_id,
            **fields,
        )


class SpeakingOrderDraw(models.Model):
    """A random draw of the presentation order; every draw is kept, the latest one counts."""

    panel = models.ForeignKey(Panel, on_delete=models.CASCADE, related_name="draws")
    seed = models.CharField(_("seed"), max_length=64)
    order = models.JSONField(_("order"))  # group ids in speaking order
    drawn_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    drawn_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-drawn_at", "-pk"]
        verbose_name = _("speaking-order draw")
        verbose_name_plural = _("speaking-order draws")

    def __str__(self):
        return f"{self.panel} · {self.seed}"


class TieDecision(models.Model):
    """Staff's order of groups the tie-break chain left tied, per track."""

    panel = models.ForeignKey(Panel, on_delete=models.CASCADE, related_name="tie_decisions")
    track = models.ForeignKey("programs.Track", on_delete=models.CASCADE, related_name="+")
    order = models.JSONField(_("order"))  # group names, first placed first
    reason = models.TextField(_("reason"))
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    decided_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["decided_at", "pk"]
        verbose_name = _("tie decision")
        verbose_name_plural = _("tie decisions")

    def __str__(self):
        return f"{self.panel} · {self.track}"


class ScreeningOutcome(models.Model):
    """Whether a group goes on from the document screening, with the score and rank that decided it."""

    panel = models.ForeignKey(Panel, on_delete=models.CASCADE, related_name="outcomes")
    group = models.ForeignKey("programs.ProjectGroup", on_delete=models.CASCADE, related_name="+")
    score = models.DecimalField(max_digits=8, decimal_places=2)
    rank = models.PositiveIntegerField()
    advances = models.BooleanField()
    decided_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["panel", "rank"]
        verbose_name = _("screening outcome")
        verbose_name_plural = _("screening outcomes")
        constraints = [models.UniqueConstraint(fields=["panel", "group"], name="programs_outcome_once")]

    def __str__(self):
        return f"{self.group.name} · {self.rank}"


class Objection(models.Model):
    """An applicant's objection (이의신청) to a released result, and the secretariat's answer."""

    panel = models.ForeignKey(Panel, on_delete=models.CASCADE, related_name="objections")
    group = models.ForeignKey("programs.ProjectGroup", on_delete=models.CASCADE, related_name="+")
    lodged_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    text = models.TextField(_("objection"))
    lodged_at = models.DateTimeField(_("lodged at"))
    answer = models.TextField(_("answer"), blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    answered_at = models.DateTimeField(_("answered at"), null=True, blank=True)
    # Moved on by every answer; the answer form carries it (core.versions).
    version = version_field()

    class Meta:
        ordering = ["lodged_at", "pk"]
        verbose_name = _("objection")
        verbose_name_plural = _("objections")

    def __str__(self):
        return f"{self.group.name} · {self.lodged_at:%Y-%m-%d}"


class Winner(models.Model):
    """A placed group of a track; `is_override` marks a staff change to the ranking's order, with its reason."""

    panel = models.ForeignKey(Panel, on_delete=models.CASCADE, related_name="winners")
    track = models.ForeignKey("programs.Track", on_delete=models.CASCADE, related_name="+")
    group = models.ForeignKey("programs.ProjectGroup", on_delete=models.CASCADE, related_name="+")
    place = models.PositiveSmallIntegerField(_("place"))
    award_name = models.CharField(_("award"), max_length=100, blank=True)
    is_override = models.BooleanField(default=False)
    reason = models.TextField(_("reason"), blank=True)
    # The group an override took this place from when that group was left without a place (not a swap): placing
    # the winners again keeps it out, as the override decided.
    replaced_group = models.ForeignKey(
        "programs.ProjectGroup", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    decided_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["panel", "track", "place"]
        verbose_name = _("winner")
        verbose_name_plural = _("winners")
        constraints = [
            models.UniqueConstraint(fields=["panel", "group"], name="programs_winner_once"),
            models.CheckConstraint(condition=Q(is_override=False) | ~Q(reason=""), name="programs_override_has_reason"),
        ]

    def __str__(self):
        return f"{self.track} {self.place} · {self.group.name}"
