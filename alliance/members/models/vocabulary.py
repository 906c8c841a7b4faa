"""A business field a member proposed for the vocabulary, waiting for staff (`services/field_proposals.py`)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from alliance.core.models import ReviewedSubmission
from alliance.members.models.organisation import BusinessField, Organisation


class BusinessFieldProposal(ReviewedSubmission):
    """A proposed field: staff accept it as a new term or map it to an existing one (both applied: the
    organisation gets `term`), or reject it with a note."""

    organisation = models.ForeignKey(
        Organisation, verbose_name=_("member organisation"), on_delete=models.CASCADE, related_name="field_proposals"
    )
    name = models.CharField(_("proposed business field"), max_length=60)
    proposed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    # The term the organisation got once the proposal was applied (a new term or the one it was mapped to).
    term = models.ForeignKey(
        BusinessField,
        verbose_name=_("business field"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta(ReviewedSubmission.Meta):
        verbose_name = _("proposed business field")
        verbose_name_plural = _("proposed business fields")

    def __str__(self):
        return self.name
