"""Reads about minutes reused by pages, documents and services: a meeting's title, the versions to show, the
person a signed-in user attended as, and a version's content loaded in a fixed number of queries."""

from django.db.models import Prefetch
from django.utils.translation import gettext as _

from alliance.governance.models import (
    AttendanceStatus,
    Decision,
    Meeting,
    Minutes,
    MinutesFileKind,
    MinutesItem,
    MinutesState,
    MinutesVersion,
    Person,
)


def meeting_title(meeting: Meeting) -> str:
    """'2025년 운영위원회 제4차 회의'."""
    return _("%(year)s %(body)s meeting no. %(number)s") % {
        "year": meeting.body.year,
        "body": meeting.body.name,
        "number": meeting.number,
    }


def minutes_of(meeting: Meeting) -> Minutes | None:
    return Minutes.objects.filter(meeting=meeting).first()


def newest_version(minutes: Minutes | None) -> MinutesVersion | None:
    return minutes.versions.order_by("-number").first() if minutes is not None else None


def shown_version(minutes: Minutes | None, *, staff: bool) -> MinutesVersion | None:
    """The version a reader sees: staff the newest; others the newest circulated or confirmed one (a draft is
    the secretariat's work in progress)."""
    if minutes is None:
        return None
    versions = minutes.versions.order_by("-number")
    if not staff:
        versions = versions.exclude(state=MinutesState.DRAFT)
    return versions.first()


def current_confirmed(minutes: Minutes) -> MinutesVersion | None:
    return minutes.versions.filter(state=MinutesState.CONFIRMED, superseded_at__isnull=True).first()


def attendee_person(user, meeting: Meeting) -> Person | None:
    """The person `user` attended `meeting` as (present or by a substitute), if any."""
    if not (user and user.is_authenticated):
        return None
    row = (
        meeting.attendances.filter(
            seat__person__user=user, status__in=(AttendanceStatus.PRESENT, AttendanceStatus.SUBSTITUTE)
        )
        .select_related("seat__person")
        .first()
    )
    return row.seat.person if row else None


def version_content(version: MinutesVersion) -> MinutesVersion:
    """The version with its items (presentations, decisions, action items), files and comments prefetched."""
    items = MinutesItem.objects.order_by("order").prefetch_related(
        "presentations",
        "action_items",
        Prefetch("decisions", queryset=Decision.objects.select_related("agenda_item").order_by("pk")),
    )
    return (
        MinutesVersion.objects.select_related("minutes__meeting__body", "confirmed_by", "created_by")
        .prefetch_related(Prefetch("items", queryset=items), "files", "comments__person")
        .get(pk=version.pk)
    )


def photos(version: MinutesVersion) -> list:
    return [f for f in version.files.all() if f.kind == MinutesFileKind.PHOTO]


def attachments(version: MinutesVersion) -> list:
    return [f for f in version.files.all() if f.kind == MinutesFileKind.ATTACHMENT]


def confirmed_versions_of_year(body) -> list[MinutesVersion]:
    """The current confirmed version of each of the body's meetings, in meeting order (the compiled year)."""
    versions = (
        MinutesVersion.objects.filter(
            minutes__meeting__body=body, state=MinutesState.CONFIRMED, superseded_at__isnull=True
        )
        .select_related("minutes__meeting__body")
        .order_by("minutes__meeting__number")
    )
    items = MinutesItem.objects.order_by("order").prefetch_related(
        "presentations", "action_items", Prefetch("decisions", queryset=Decision.objects.order_by("pk"))
    )
    return list(versions.prefetch_related(Prefetch("items", queryset=items), "files"))
