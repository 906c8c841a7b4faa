"""The map survey (생태계맵 조사): a personal link per member company, answers reviewed by staff.

Only the SHA-256 hash of a link's token is stored. An answer records, for the values the company
changed, {"before": ..., "after": ...}; nothing applies until staff review it.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from alliance.core.models import PersonalLinkInvitation, PersonalLinkRound, ReviewedSubmission


class MapSurvey(PersonalLinkRound):
    taxonomy = models.ForeignKey("ecosystem.Taxonomy", on_delete=models.PROTECT, related_name="surveys")

    class Meta(PersonalLinkRound.Meta):
        verbose_name = _("map survey")
        verbose_name_plural = _("map surveys")


class MapSurveyInvitation(PersonalLinkInvitation):
    """One company's personal link in one survey (alliance/core/links.py: only the token's hash is stored)."""

    LINK_PURPOSE = "alliance.ecosystem.survey.link"

    survey = models.ForeignKey(MapSurvey, on_delete=models.CASCADE, related_name="invitations")
    player = models.ForeignKey("ecosystem.Player", on_delete=models.CASCADE, related_name="+")

    class Meta:
        ordering = ["player__name"]
        constraints = [models.UniqueConstraint(fields=["survey", "player"], name="map_survey_invitation_once")]
        verbose_name = _("map survey invitation")
        verbose_name_plural = _("map survey invitations")

    def __str__(self):
        return f"{self.survey} · {self.player}"


class MapSurveyResponse(ReviewedSubmission):
    """A company's answer: status, reviewer, time, note and changes from ReviewedSubmission
    (alliance/core/review.py)."""

    invitation = models.ForeignKey(MapSurveyInvitation, on_delete=models.CASCADE, related_name="responses")
    respondent_name = models.CharField(_("respondent"), max_length=100, blank=True)

    class Meta(ReviewedSubmission.Meta):
        verbose_name = _("map survey answer")
        verbose_name_plural = _("map survey answers")

    def __str__(self):
        return f"{self.invitation} ({self.get_status_display()})"
