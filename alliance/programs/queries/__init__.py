"""Reads of the programs app reused by views, services, commands and other helpers' modules."""

import datetime

from django.db.models import Count, Max, Prefetch, Q
from django.utils import timezone

from alliance.programs.models import (
    DeadlineExtension,
    GroupMember,
    Panel,
    Programme,
    ProjectGroup,
    ScreeningOutcome,
    Stage,
    StageKind,
    Track,
)


def programme_for_year(year: int) -> Programme | None:
    return Programme.objects.filter(year=year).first()


def groups_going_on(programme_id: int):
    """The groups still in the competition after the document screening: every group of the programme until the
    screening is decided, then only those that went on (the final panel's groups, mentoring's groups)."""
    groups = ProjectGroup.objects.filter(programme_id=programme_id)
    outcomes = ScreeningOutcome.objects.filter(panel__programme_id=programme_id, panel__kind=Panel.Kind.SCREENING)
    if outcomes.exists():
        return groups.filter(pk__in=outcomes.filter(advances=True).values("group_id"))
    return groups


def programmes_with_counts():
    """Every programme, newest first, with its number of groups and of submitted proposals."""
    return Programme.objects.annotate(
        group_count=Count("groups", distinct=True),
        submitted_count=Count("groups", filter=Q(groups__proposal__status="submitted"), distinct=True),
    ).order_by("-year")


def programme_setup(pk: int) -> Programme | None:
    """A programme with its stages, tracks, rubrics and awards loaded in four queries."""
    return (
        Programme.objects.filter(pk=pk)
        .prefetch_related(
            "stages",
            Prefetch("tracks", queryset=Track.objects.prefetch_related("criteria", "awards")),
        )
        .first()
    )


def stage(programme: Programme, kind: str) -> Stage | None:
    return Stage.objects.filter(programme=programme, kind=kind).first()


def call_deadline(programme: Programme) -> datetime.datetime | None:
    call = stage(programme, StageKind.CALL)
    return call.ends_at if call else None


def deadline_for(group: ProjectGroup) -> datetime.datetime | None:
    """When the group's proposal closes: the call's end, or later if staff extended it for this group."""
    deadline = call_deadline(group.programme)
    extended = DeadlineExtension.objects.filter(group=group).aggregate(until=Max("until"))["until"]
    if deadline is None or (extended is not None and extended > deadline):
        return extended
    return deadline


def call_has_opened(programme: Programme, *, now: datetime.datetime | None = None) -> bool:
    call = stage(programme, StageKind.CALL)
    return call is not None and (now or timezone.now()) >= call.starts_at


def call_is_open(programme: Programme, *, now: datetime.datetime | None = None) -> bool:
    """New groups form only between the call's start and its end (extensions concern existing groups)."""
    call = stage(programme, StageKind.CALL)
    now = now or timezone.now()
    return call is not None and call.starts_at <= now <= call.ends_at


def programmes_with_open_call(*, now: datetime.datetime | None = None) -> list[Programme]:
    """The programmes taking new groups now (the rule of `call_is_open`, in one query), newest first."""
    now = now or timezone.now()
    open_calls = Stage.objects.filter(kind=StageKind.CALL, starts_at__lte=now, ends_at__gte=now)
    return list(Programme.objects.filter(pk__in=open_calls.values("programme_id")).order_by("-year"))


def newest_programme_with_groups() -> Programme | None:
    """The newest programme with `submitted_count`, its groups that submitted a proposal (the front page's key
    figure); one query."""
    return (
        Programme.objects.annotate(
            submitted_count=Count("groups", filter=Q(groups__proposal__status="submitted"), distinct=True)
        )
        .order_by("-year")
        .first()
    )


def coming_stages(*, now: datetime.datetime, limit: int) -> list[Stage]:
    """Stages not yet over, the soonest end first, with their programme (the front page's "coming up"); one
    query."""
    return list(Stage.objects.filter(ends_at__gte=now).select_related("programme").order_by("ends_at", "pk")[:limit])


def is_open_for_edits(group: ProjectGroup, *, now: datetime.datetime | None = None) -> bool:
    """A group may change its proposal while the call is open (or extended for it) and it is not submitted."""
    now = now or timezone.now()
    deadline = deadline_for(group)
    return (
        call_has_opened(group.programme, now=now)
        and deadline is not None
        and now <= deadline
        and not group.proposal.is_submitted
    )


def groups_of_organisation(organisation_id: int | None, programme: Programme | None = None):
    """Groups in which the organisation is the lead or a partner (confirmed or not)."""
    if organisation_id is None:
        return ProjectGroup.objects.none()
    groups = ProjectGroup.objects.filter(members__organisation_id=organisation_id)
    if programme is not None:
        groups = groups.filter(programme=programme)
    return groups.select_related("programme", "track", "lead", "proposal").order_by("-programme__year", "name")


def group_detail(pk: int) -> ProjectGroup | None:
    return (
        ProjectGroup.objects.filter(pk=pk)
        .select_related("programme", "track", "lead", "proposal")
        .prefetch_related(
            Prefetch("members", queryset=GroupMember.objects.select_related("organisation")),
            "proposal__attachments",
            Prefetch("extensions", queryset=DeadlineExtension.objects.select_related("granted_by")),
        )
        .first()
    )


def groups_for_staff(programme: Programme, *, track_code: str = "", status: str = ""):
    """The programme's groups with what staff's list shows, in a constant number of queries."""
    groups = (
        ProjectGroup.objects.filter(programme=programme)
        .select_related("track", "lead", "proposal")
        .annotate(
            company_count=Count("members", distinct=True),
            unconfirmed_count=Count("members", filter=Q(members__confirmed_at__isnull=True), distinct=True),
            attachment_count=Count("proposal__attachments", distinct=True),
            extended_until=Max("extensions__until"),
        )
        .order_by("track__position", "name")
    )
    if track_code:
        groups = groups.filter(track__code=track_code)
    if status:
        groups = groups.filter(proposal__status=status)
    return groups
