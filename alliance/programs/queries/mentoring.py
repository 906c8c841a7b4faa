"""Reads of mentoring: staff's round overview (who still lacks a mentor, a session or feedback), the mentor
pool, and a mentor's own sessions."""

from dataclasses import dataclass

from django.db.models import Count, Prefetch, Q

from alliance.programs.models import InterimResult, Mentor, MentoringSession, Programme, ProjectGroup
from alliance.programs.queries import groups_going_on

LACKS_MENTOR, LACKS_SESSION, LACKS_FEEDBACK = "mentor", "session", "feedback"


@dataclass(frozen=True)
class RoundRow:
    group: ProjectGroup
    session: MentoringSession | None
    interim_count: int

    @property
    def lacking(self) -> str:
        """What the group still lacks in the round: a mentor, a scheduled session, feedback, or nothing."""
        if self.session is None:
            return LACKS_MENTOR
        if not self.session.is_scheduled:
            return LACKS_SESSION
        if not self.session.has_feedback:
            return LACKS_FEEDBACK
        return ""


def round_overview(programme: Programme, round_number: int, *, lacking_only: bool = False) -> list[RoundRow]:
    """Every group of the programme still in the competition (`queries.groups_going_on`) in one round, in a
    fixed number of queries whatever the number of groups."""
    sessions = MentoringSession.objects.filter(round_number=round_number).select_related("mentor__user")
    groups = (
        groups_going_on(programme.pk)
        .select_related("track", "lead")
        .prefetch_related(Prefetch("mentoring_sessions", queryset=sessions, to_attr="round_sessions"))
        .annotate(interim_count=Count("interim_results", filter=Q(interim_results__round_number=round_number)))
        .order_by("mentoring_field", "name")
    )
    rows = [RoundRow(group, (group.round_sessions or [None])[0], group.interim_count) for group in groups]
    return [row for row in rows if row.lacking] if lacking_only else rows


def mentor_pool(programme: Programme):
    return (
        Mentor.objects.filter(programme=programme)
        .select_related("user", "user__organisation")
        .annotate(session_count=Count("sessions"))
        .order_by("field", "user__name")
    )


def sessions_of_mentor(user):
    return (
        MentoringSession.objects.filter(mentor__user=user)
        .select_related("group__programme", "group__lead", "mentor")
        .order_by("-group__programme__year", "round_number", "starts_at", "group__name")
    )


def sessions_of_group(group: ProjectGroup):
    return group.mentoring_sessions.select_related("mentor__user").order_by("round_number")


def interim_results_of_group(group: ProjectGroup):
    return InterimResult.objects.filter(group=group).order_by("round_number", "uploaded_at")
