"""Reads of the satisfaction survey: who it goes to, and its results (averages, distribution, comments) for staff
and the quarterly briefing."""

from dataclasses import dataclass

from django.db.models import Avg, Count, Q

from alliance.events.models import Registration, SurveyInvitation
from alliance.events.models.survey import RATING_MAX, RATING_MIN

SURVEY_MAILING = "events.survey"


def survey_candidates(event) -> list[Registration]:
    """Those who came, with an e-mail address, not asked yet: each attendee is asked once."""
    return list(
        Registration.objects.filter(event=event, checked_in_at__isnull=False)
        .exclude(email="")
        .exclude(pk__in=SurveyInvitation.objects.filter(registration__event=event).values("registration_id"))
        .order_by("pk")
    )


@dataclass(frozen=True)
class RatingSummary:
    name: str
    label: str
    average: float | None
    distribution: list[tuple[int, int]]  # (score, answers), 5 down to 1


@dataclass(frozen=True)
class SurveySummary:
    asked: int
    answered: int
    ratings: list[RatingSummary]
    comments: list[str]

    @property
    def response_rate(self) -> float | None:
        return round(100 * self.answered / self.asked, 1) if self.asked else None


def survey_summary(event) -> SurveySummary:
    """The event's survey: asked and answered, per rating the average (one decimal) and how many gave each score,
    and the comments in the order they came; two queries."""
    invitations = SurveyInvitation.objects.filter(registration__event=event)
    answered = invitations.filter(responded_at__isnull=False)
    figures = {"asked": Count("pk"), "answered": Count("pk", filter=Q(responded_at__isnull=False))}
    for name in SurveyInvitation.RATINGS:
        figures[f"{name}_avg"] = Avg(name, filter=Q(responded_at__isnull=False))
        for score in range(RATING_MIN, RATING_MAX + 1):
            figures[f"{name}_{score}"] = Count("pk", filter=Q(responded_at__isnull=False, **{name: score}))
    row = invitations.aggregate(**figures)
    ratings = [
        RatingSummary(
            name=name,
            label=str(SurveyInvitation._meta.get_field(name).verbose_name),
            average=round(row[f"{name}_avg"], 1) if row[f"{name}_avg"] is not None else None,
            distribution=[(score, row[f"{name}_{score}"]) for score in range(RATING_MAX, RATING_MIN - 1, -1)],
        )
        for name in SurveyInvitation.RATINGS
    ]
    comments = list(answered.exclude(comment="").order_by("responded_at", "pk").values_list("comment", flat=True))
    return SurveySummary(asked=row["asked"], answered=row["answered"], ratings=ratings, comments=comments)
