"""An event the alliance runs or sponsors (분과통합 공개세미나, 성과공유회, co-hosted forums) and its programme in
the seeds' form: 구분 / 시간 / 주요 내용 / 비고, rows in parallel rooms, speakers and the MC."""

import datetime

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from alliance.core.bounds import bounded
from alliance.core.versions import version_field

CAPACITY_MAX = 100_000  # far above any hall


class EventKind(models.TextChoices):
    SEMINAR = "seminar", pgettext_lazy("event kind", "Joint open seminar of the subcommittees")
    RESULTS = "results", pgettext_lazy("event kind", "Results-sharing day")
    COHOSTED = "cohosted", pgettext_lazy("event kind", "Co-hosted or sponsored event")
    OTHER = "other", pgettext_lazy("event kind", "Other event")


class Event(models.Model):
    """One event. Who may register: members' representatives and contacts (`open_to_members`), guests staff
    invite by personal link (always), and anyone when `open_to_public`; between `registration_opens_at` and
    `registration_closes_at`, for `capacity` places (0: no limit), the rest on a waiting list."""

    title = models.CharField(_("title"), max_length=200)
    kind = models.CharField(_("kind of event"), max_length=20, choices=EventKind.choices, default=EventKind.OTHER)
    summary = models.TextField(_("purpose and summary"), blank=True)
    date = models.DateField(_("date"))
    starts_at = models.TimeField(_("start time"))
    ends_at = models.TimeField(_("end time"))
    venue_name = models.CharField(_("venue"), max_length=200, blank=True)
    venue_address = models.CharField(_("venue address"), max_length=300, blank=True)
    online_url = models.URLField(pgettext_lazy("event", "online link"), blank=True)
    host = models.CharField(pgettext_lazy("event", "hosted by (주최)"), max_length=300, blank=True)
    organiser = models.CharField(pgettext_lazy("event", "organised by (주관)"), max_length=300, blank=True)
    sponsor = models.CharField(pgettext_lazy("event", "sponsored by (후원)"), max_length=300, blank=True)
    mc_name = models.CharField(_("MC"), max_length=100, blank=True)
    mc_title = models.CharField(_("MC's affiliation and title"), max_length=200, blank=True)
    capacity = models.PositiveIntegerField(
        _("capacity"), default=0, validators=bounded(CAPACITY_MAX), help_text=_("0 means no limit.")
    )
    registration_opens_at = models.DateTimeField(_("registration opens at"), null=True, blank=True)
    registration_closes_at = models.DateTimeField(_("registration closes at"), null=True, blank=True)
    open_to_members = models.BooleanField(_("members' representatives and contacts may register"), default=True)
    open_to_public = models.BooleanField(_("anyone may register"), default=False)
    published = models.BooleanField(_("published"), default=False)
    published_at = models.DateTimeField(_("published at"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    # Moved on by every write of what the edit form shows (core.versions).
    version = version_field()

    class Meta:
        ordering = ("-date", "-starts_at", "pk")
        verbose_name = _("event")
        verbose_name_plural = _("events")
        constraints = (
            models.CheckConstraint(condition=Q(ends_at__gt=models.F("starts_at")), name="events_event_ends_after"),
        )
        indexes = (models.Index(fields=("published", "date")),)

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("events:public_detail", args=[self.pk])

    @property
    def starts(self) -> datetime.datetime:
        return timezone.make_aware(datetime.datetime.combine(self.date, self.starts_at))

    @property
    def ends(self) -> datetime.datetime:
        return timezone.make_aware(datetime.datetime.combine(self.date, self.ends_at))

    @property
    def has_limit(self) -> bool:
        return self.capacity > 0

    def registration_open(self, now: datetime.datetime | None = None) -> bool:
        """Published, not yet begun, and within the registration window."""
        now = now or timezone.now()
        if not self.published or now >= self.starts:
            return False
        if self.registration_opens_at and now < self.registration_opens_at:
            return False
        return not (self.registration_closes_at and now >= self.registration_closes_at)


class ProgrammeRow(models.Model):
    """One row of the programme: 구분 (`section`, shown once for a run of rows), 시간 from–to, 주요 내용,
    비고; `room` names a parallel session's room (blank: the main hall)."""

    event = models.ForeignKey(Event, verbose_name=_("event"), on_delete=models.CASCADE, related_name="programme_rows")
    section = models.CharField(pgettext_lazy("programme", "section (구분)"), max_length=100, blank=True)
    starts_at = models.TimeField(pgettext_lazy("programme", "from"))
    ends_at = models.TimeField(pgettext_lazy("programme", "to"))
    content = models.CharField(pgettext_lazy("programme", "content (주요 내용)"), max_length=300)
    note = models.CharField(pgettext_lazy("programme", "note (비고)"), max_length=200, blank=True)
    room = models.CharField(_("room"), max_length=100, blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0, validators=bounded(1000))

    class Meta:
        ordering = ("event", "order", "starts_at", "pk")
        verbose_name = _("programme row")
        verbose_name_plural = _("programme rows")
        constraints = (
            models.CheckConstraint(condition=Q(ends_at__gt=models.F("starts_at")), name="events_row_ends_after"),
        )

    def __str__(self):
        return f"{self.starts_at:%H:%M}~{self.ends_at:%H:%M} {self.content}"

    @property
    def minutes(self) -> int:
        start = datetime.datetime.combine(datetime.date.min, self.starts_at)
        end = datetime.datetime.combine(datetime.date.min, self.ends_at)
        return int((end - start).total_seconds() // 60)


class Speaker(models.Model):
    """A speaker, panellist or moderator of a programme row: name, affiliation and title as printed."""

    class Role(models.TextChoices):
        SPEAKER = "speaker", pgettext_lazy("programme", "Speaker")
        PANELLIST = "panellist", pgettext_lazy("programme", "Panellist")
        MODERATOR = "moderator", pgettext_lazy("programme", "Moderator")

    row = models.ForeignKey(
        ProgrammeRow, verbose_name=_("programme row"), on_delete=models.CASCADE, related_name="speakers"
    )
    name = models.CharField(_("name"), max_length=100)
    affiliation = models.CharField(_("affiliation"), max_length=200, blank=True)
    title = models.CharField(_("job title"), max_length=100, blank=True)
    role = models.CharField(_("role"), max_length=20, choices=Role.choices, default=Role.SPEAKER)
    order = models.PositiveSmallIntegerField(_("order"), default=0, validators=bounded(1000))

    class Meta:
        ordering = ("row", "order", "pk")
        verbose_name = _("speaker")
        verbose_name_plural = _("speakers")

    def __str__(self):
        return " ".join(part for part in (self.affiliation, self.name, self.title) if part)
