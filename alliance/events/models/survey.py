"""The short satisfaction survey after an event: one personal link per attendee (core/links.py), three ratings
from 1 to 5 and a comment."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from alliance.core.models import PersonalLinkInvitation

RATING_MIN = 1
RATING_MAX = 5


def rating_field(label):
    return models.PositiveSmallIntegerField(
        label, null=True, blank=True, validators=[MinValueValidator(RATING_MIN), MaxValueValidator(RATING_MAX)]
    )


class SurveyInvitation(PersonalLinkInvitation):
    """An attendee's survey link and, once answered (`responded_at`), the answers."""

    LINK_PURPOSE = "alliance.events.survey"
    RATINGS = ("overall", "content", "operation")

    registration = models.OneToOneField(
        "events.Registration", verbose_name=_("registration"), on_delete=models.CASCADE, related_name="survey"
    )
    overall = rating_field(_("overall satisfaction"))
    content = rating_field(_("programme and speakers"))
    operation = rating_field(_("venue and running of the event"))
    comment = models.TextField(_("comments"), blank=True, max_length=2000)

    class Meta:
        verbose_name = _("satisfaction survey link")
        verbose_name_plural = _("satisfaction survey links")

    def __str__(self):
        return str(self.registration)
