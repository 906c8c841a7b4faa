"""The investment consultation day (KMF 투자마켓): desks (investors and the legal desk), companies, their
requests in order of preference, declines, and the meetings of the grid.

A meeting holds one desk, one company and one slot ("HH:MM", a start time of the day's grid). Meetings that
hold their slot (scheduled or held; not a no-show, not cancelled) never double-book a desk or a company in a
slot and never repeat a company–desk pair: the services check and say so in Korean, and the database's
partial unique constraints back them up.
"""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from alliance.core.versions import version_field
from alliance.programs.scheduling.grid import SEED_DAY, time_grid

# The statuses in which a meeting occupies its desk and company at its slot; a no-show frees the slot.
HOLDING_STATUSES = ("scheduled", "held")


def default_breaks() -> list:
    return [list(pause) for pause in SEED_DAY["breaks"]]


class InvestmentDay(models.Model):
    programme = models.OneToOneField(
        "programs.Programme", verbose_name=_("programme"), on_delete=models.CASCADE, related_name="investment_day"
    )
    date = models.DateField(_("date"), null=True, blank=True)
    venue = models.CharField(_("venue"), max_length=200, blank=True)
    starts = models.CharField(_("first meeting"), max_length=5, default=SEED_DAY["start"])
    ends = models.CharField(_("last meeting ends by"), max_length=5, default=SEED_DAY["end"])
    every_minutes = models.PositiveSmallIntegerField(_("a meeting every (minutes)"), default=SEED_DAY["every"])
    length_minutes = models.PositiveSmallIntegerField(_("meeting length (minutes)"), default=SEED_DAY["length"])
    breaks = models.JSONField(_("breaks"), default=default_breaks)
    # Moved on by every change of the time-grid form's values; the form carries it (core.versions).
    version = version_field()
    # The last scheduler run: whether it was proven optimal, and the bound on satisfied requests.
    scheduled_at = models.DateTimeField(_("scheduled at"), null=True, blank=True)
    schedule_optimal = models.BooleanField(_("proven optimal"), default=False)
    schedule_satisfied = models.PositiveIntegerField(_("requests met"), default=0)
    schedule_bound = models.PositiveIntegerField(_("upper bound"), default=0)
    schedule_seconds = models.FloatField(_("solver seconds"), default=0)

    class Meta:
        verbose_name = _("investment day")
        verbose_name_plural = _("investment days")

    def __str__(self):
        return f"{self.programme} · KMF"

    @property
    def slots(self) -> list[str]:
        return time_grid(
            start=self.starts,
            end=self.ends,
            every=self.every_minutes,
            length=self.length_minutes,
            breaks=tuple(tuple(pause) for pause in self.breaks),
        )


class Desk(models.Model):
    class Kind(models.TextChoices):
        VC = "vc", pgettext_lazy("investor kind", "Venture capital (VC)")
        AC = "ac", pgettext_lazy("investor kind", "Accelerator (AC)")
        LEGAL = "legal", _("Legal desk")

    day = models.ForeignKey(InvestmentDay, on_delete=models.CASCADE, related_name="desks")
    kind = models.CharField(_("kind"), max_length=5, choices=Kind.choices, default=Kind.VC)
    firm = models.CharField(_("firm"), max_length=200)
    person = models.CharField(_("person"), max_length=100, blank=True)
    # The investor's (or lawyer's) account; their own schedule is shown to them.
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("account"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="investment_desks",
    )
    unavailable = models.JSONField(_("unavailable slots"), default=list, blank=True)
    position = models.PositiveSmallIntegerField(_("column"), default=0)
    # Moved on by every change of its unavailable slots or declines; their forms carry it (core.versions).
    version = version_field()

    class Meta:
        ordering = ["day", "position", "pk"]
        verbose_name = _("investment desk")
        verbose_name_plural = _("investment desks")
        constraints = [
            models.UniqueConstraint(fields=["day", "user"], name="programs_desk_one_per_user_per_day"),
        ]

    def __str__(self):
        return f"{self.firm} {self.person}".strip()


class DayCompany(models.Model):
    day = models.ForeignKey(InvestmentDay, on_delete=models.CASCADE, related_name="companies")
    organisation = models.ForeignKey(
        "members.Organisation", verbose_name=_("company"), on_delete=models.PROTECT, related_name="+"
    )
    priority = models.BooleanField(_("priority (awardee)"), default=False)
    unavailable = models.JSONField(_("unavailable slots"), default=list, blank=True)
    checked_in_at = models.DateTimeField(_("checked in at"), null=True, blank=True)
    # Moved on by every change of its requests, priority or unavailable slots; their forms carry it.
    version = version_field()

    class Meta:
        ordering = ["day", "organisation__name"]
        verbose_name = _("investment-day company")
        verbose_name_plural = _("investment-day companies")
        constraints = [
            models.UniqueConstraint(fields=["day", "organisation"], name="programs_daycompany_once_per_day"),
        ]

    def __str__(self):
        return self.organisation.name


class MeetingRequest(models.Model):
    company = models.ForeignKey(DayCompany, on_delete=models.CASCADE, related_name="requests")
    desk = models.ForeignKey(Desk, on_delete=models.CASCADE, related_name="requests")
    rank = models.PositiveSmallIntegerField(_("preference"))  # 1 = first choice

    class Meta:
        ordering = ["company", "rank"]
        constraints = [
            models.UniqueConstraint(fields=["company", "desk"], name="programs_request_once_per_desk"),
            models.UniqueConstraint(fields=["company", "rank"], name="programs_request_rank_unique"),
        ]

    def __str__(self):
        return f"{self.company_id} → {self.desk_id} ({self.rank})"


class Decline(models.Model):
    """An investor's refusal, before scheduling, to meet a company."""

    desk = models.ForeignKey(Desk, on_delete=models.CASCADE, related_name="declines")
    company = models.ForeignKey(DayCompany, on_delete=models.CASCADE, related_name="declined_by")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["desk", "company"], name="programs_decline_once")]

    def __str__(self):
        return f"{self.desk_id} ✕ {self.company_id}"


class Meeting(models.Model):
    class Status(models.TextChoices):
        SCHEDULED = "scheduled", pgettext_lazy("meeting", "Scheduled")
        HELD = "held", pgettext_lazy("meeting", "Held")
        NO_SHOW = "no_show", pgettext_lazy("meeting", "No-show")
        CANCELLED = "cancelled", pgettext_lazy("meeting", "Cancelled")

    class Source(models.TextChoices):
        SOLVER = "solver", _("Scheduler")
        MANUAL = "manual", _("Staff")
        OFFERED = "offered", _("Freed slot offered")

    class Interest(models.TextChoices):
        NONE = "", _("Not recorded")
        LOW = "low", pgettext_lazy("interest", "Low")
        MEDIUM = "medium", pgettext_lazy("interest", "Some")
        HIGH = "high", pgettext_lazy("interest", "High: follow up")

    day = models.ForeignKey(InvestmentDay, on_delete=models.CASCADE, related_name="meetings")
    desk = models.ForeignKey(Desk, on_delete=models.CASCADE, related_name="meetings")
    company = models.ForeignKey(DayCompany, on_delete=models.CASCADE, related_name="meetings")
    slot = models.CharField(_("time"), max_length=5)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.SCHEDULED)
    source = models.CharField(_("scheduled by"), max_length=10, choices=Source.choices, default=Source.SOLVER)
    # Recorded by the investor after the meeting; kept for next year's matching.
    interest = models.CharField(_("interest"), max_length=10, choices=Interest.choices, blank=True, default="")
    interest_note = models.TextField(_("note"), blank=True)
    interest_recorded_at = models.DateTimeField(null=True, blank=True)
    # The meeting's identity in people's calendars (the iCalendar UID, with the site's domain): kept when the day
    # is rescheduled, and the sequence number raised on every change of its time, place or status (RFC 5545
    # SEQUENCE), so a calendar replaces its copy instead of keeping a stale one beside it.
    uid = models.UUIDField(_("calendar identity"), default=uuid.uuid4, unique=True, editable=False)
    sequence = models.PositiveIntegerField(_("revision"), default=0, editable=False)

    class Meta:
        ordering = ["day", "slot", "desk__position", "desk"]
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")
        constraints = [
            models.UniqueConstraint(
                fields=["desk", "slot"], condition=Q(status__in=HOLDING_STATUSES), name="programs_meeting_desk_slot"
            ),
            models.UniqueConstraint(
                fields=["company", "slot"],
                condition=Q(status__in=HOLDING_STATUSES),
                name="programs_meeting_company_slot",
            ),
            models.UniqueConstraint(
                fields=["company", "desk"], condition=Q(status__in=HOLDING_STATUSES), name="programs_meeting_pair_once"
            ),
        ]

    def __str__(self):
        return f"{self.slot} {self.desk} – {self.company}"
