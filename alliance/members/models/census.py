"""The member census (회원사 현황 최신화 조사): rounds, personal links, and responses awaiting review."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from alliance.core.models import PersonalLinkRound, RemindedPersonalLinkInvitation, ReviewedSubmission


class CensusRound(PersonalLinkRound):
    class Meta(PersonalLinkRound.Meta):
        verbose_name = _("census round")
        verbose_name_plural = _("census rounds")


class CensusInvitation(RemindedPersonalLinkInvitation):
    """One organisation's personal link in one round (alliance/core/links.py: only the token's hash is stored)."""

    LINK_PURPOSE = "alliance.members.census.link"

    census_round = models.ForeignKey(CensusRound, on_delete=models.CASCADE, related_name="invitations")
    organisation = models.ForeignKey("members.Organisation", on_delete=models.CASCADE, related_name="+")

    class Meta:
        ordering = ["organisation__name"]
        constraints = [
            models.UniqueConstraint(fields=["census_round", "organisation"], name="census_invitation_once_per_round"),
        ]
        verbose_name = _("census invitation")
        verbose_name_plural = _("census invitations")

    def __str__(self):
        return f"{self.census_round} · {self.organisation}"


class CensusResponse(ReviewedSubmission):
    """A respondent's answer: status, reviewer, time, note and changes from ReviewedSubmission
    (alliance/core/review.py); empty changes mean "confirmed as is"."""

    invitation = models.ForeignKey(CensusInvitation, on_delete=models.CASCADE, related_name="responses")
    respondent_name = models.CharField(_("respondent"), max_length=100, blank=True)

    class Meta(ReviewedSubmission.Meta):
        verbose_name = _("census response")
        verbose_name_plural = _("census responses")

    def __str__(self):
        return f"{self.invitation} ({self.get_status_display()})"
