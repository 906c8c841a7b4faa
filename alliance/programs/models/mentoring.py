"""Expert mentoring of the project groups (seed 000 "프로젝트 그룹 멘토링(안)"): a mentor pool per field,
two rounds, one mentoring session per group and round, the mentor's feedback and the group's interim results."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from alliance.core.versions import version_field

ROUNDS = (1, 2)


class Mentor(models.Model):
    """An expert (Role.EVALUATOR account) in the programme's pool for one field."""

    programme = models.ForeignKey("programs.Programme", on_delete=models.CASCADE, related_name="mentors")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("mentor"), on_delete=models.PROTECT, related_name="+"
    )
    # One of default_rubric.MENTORING_FIELDS (교육·훈련, 의료헬스케어, ...).
    field = models.CharField(_("mentoring field"), max_length=20)
    expertise = models.CharField(_("expertise"), max_length=200, blank=True)
    added_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["programme", "field", "user__name"]
        verbose_name = _("mentor")
        verbose_name_plural = _("mentors")
        constraints = [
            models.UniqueConstraint(fields=["programme", "user"], name="programs_mentor_once_per_programme"),
        ]

    def __str__(self):
        return f"{self.user.name} ({self.field})"


class MentoringSession(models.Model):
    """A group's mentoring in one round: matched to a mentor, then scheduled, then the mentor's feedback."""

    group = models.ForeignKey("programs.ProjectGroup", on_delete=models.CASCADE, related_name="mentoring_sessions")
    round_number = models.PositiveSmallIntegerField(_("round"), choices=[(n, n) for n in ROUNDS])
    mentor = models.ForeignKey(Mentor, verbose_name=_("mentor"), on_delete=models.PROTECT, related_name="sessions")
    matched_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    matched_at = models.DateTimeField(auto_now_add=True)
    starts_at = models.DateTimeField(_("session time"), null=True, blank=True)
    place = models.CharField(_("place or video link"), max_length=200, blank=True)
    feedback = models.TextField(_("feedback"), blank=True)
    feedback_at = models.DateTimeField(_("feedback recorded at"), null=True, blank=True)
    # Moved on by every change of the time or place; the schedule form carries it (core.versions).
    version = version_field()

    class Meta:
        ordering = ["round_number", "group__name"]
        verbose_name = _("mentoring session")
        verbose_name_plural = _("mentoring sessions")
        constraints = [
            models.UniqueConstraint(fields=["group", "round_number"], name="programs_one_session_per_round"),
            models.CheckConstraint(condition=Q(round_number__in=ROUNDS), name="programs_session_round_1_or_2"),
        ]

    def __str__(self):
        return f"{self.group} · {self.round_number}"

    @property
    def is_scheduled(self) -> bool:
        return self.starts_at is not None

    @property
    def has_feedback(self) -> bool:
        return self.feedback_at is not None


class InterimResult(models.Model):
    """A file of interim results (중간 과제 결과물) a group uploads for the mentor to review."""

    group = models.ForeignKey("programs.ProjectGroup", on_delete=models.CASCADE, related_name="interim_results")
    round_number = models.PositiveSmallIntegerField(_("round"), choices=[(n, n) for n in ROUNDS])
    file = models.FileField(_("file"), upload_to="programs/interim/%Y/")
    original_name = models.CharField(_("file name"), max_length=255)
    size = models.PositiveIntegerField(_("size (bytes)"))
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["group", "round_number", "uploaded_at"]
        verbose_name = _("interim result")
        verbose_name_plural = _("interim results")
        constraints = [
            models.CheckConstraint(condition=Q(round_number__in=ROUNDS), name="programs_interim_round_1_or_2"),
        ]

    def __str__(self):
        return self.original_name
