"""Homepage analytics: page views recorded on the server, the daily salt of visitor keys, and the totals that
reports read.

No address and no cookie: a view carries a visitor key, a keyed hash (BLAKE2b) of the client's address and
browser with the day's salt (`DailySalt`); the salt row of a day is deleted once the day is over, after which
nobody can recompute a key, so a visitor cannot be followed from one day to the next. Raw views are kept
`ANALYTICS_RAW_DAYS` days; the daily totals (`DailyVisits`, `DailyCount`) and the imported monthly history
(`ImportedMonthlyVisits`) are kept for good and answer the reports.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

__all__ = ["CountKind", "DailyCount", "DailySalt", "DailyVisits", "Device", "ImportedMonthlyVisits", "PageView"]


class Device(models.TextChoices):
    PHONE = "phone", pgettext_lazy("analytics", "Phone")
    TABLET = "tablet", pgettext_lazy("analytics", "Tablet")
    DESKTOP = "desktop", pgettext_lazy("analytics", "Desktop")


class PageView(models.Model):
    """One page view: when, the page (its route or public path, never a query string), the external referrer's
    host, the device class and the day's visitor key."""

    viewed_at = models.DateTimeField(_("viewed at"), db_index=True)
    path = models.CharField(_("page"), max_length=200)
    referrer_host = models.CharField(_("referrer"), max_length=100, blank=True)
    device = models.CharField(_("device"), max_length=7, choices=Device.choices)
    visitor_key = models.CharField(_("visitor key"), max_length=32)

    class Meta:
        verbose_name = _("page view")
        verbose_name_plural = _("page views")

    def __str__(self) -> str:
        return f"{self.viewed_at:%Y-%m-%d %H:%M} {self.path}"


class DailySalt(models.Model):
    """The secret mixed into the visitor keys of one day (Korean time); deleted when the day is over."""

    day = models.DateField(_("day"), unique=True)
    salt = models.BinaryField(_("salt"), max_length=32)

    class Meta:
        verbose_name = _("daily salt")
        verbose_name_plural = _("daily salts")

    def __str__(self) -> str:
        return self.day.isoformat()


class DailyVisits(models.Model):
    """The totals of one recorded day: page views and visits. `complete` once the day was counted after its end
    (later runs leave it alone)."""

    day = models.DateField(_("day"), unique=True)
    views = models.PositiveIntegerField(_("page views"), default=0)
    visits = models.PositiveIntegerField(_("visits"), default=0)
    complete = models.BooleanField(_("complete"), default=False)

    class Meta:
        verbose_name = _("daily visits")
        verbose_name_plural = _("daily visits")

    def __str__(self) -> str:
        return f"{self.day}: {self.visits}"


class CountKind(models.TextChoices):
    PAGE = "page", pgettext_lazy("analytics", "Page")
    REFERRER = "referrer", pgettext_lazy("analytics", "Referrer")
    DEVICE = "device", pgettext_lazy("analytics", "Device")


class DailyCount(models.Model):
    """One day's views of one page, referrer host or device class; `visits` are the visits it started (the
    entry page, the referrer that brought the visit, the device of its first view)."""

    day = models.DateField(_("day"))
    kind = models.CharField(_("kind"), max_length=8, choices=CountKind.choices)
    key = models.CharField(_("what"), max_length=200)
    views = models.PositiveIntegerField(_("page views"), default=0)
    visits = models.PositiveIntegerField(_("visits"), default=0)

    class Meta:
        verbose_name = _("daily count")
        verbose_name_plural = _("daily counts")
        constraints = [models.UniqueConstraint(fields=["day", "kind", "key"], name="info_daily_count_unique")]
        indexes = [models.Index(fields=["kind", "day"], name="info_daily_count_kind_day")]

    def __str__(self) -> str:
        return f"{self.day} {self.kind} {self.key}: {self.views}"


class ImportedMonthlyVisits(models.Model):
    """A month's visits from the old site's figures (`import_visits`); for that month it takes the place of the
    recorded totals."""

    year = models.PositiveSmallIntegerField(_("year"))
    month = models.PositiveSmallIntegerField(_("month"))
    visits = models.PositiveIntegerField(_("visits"))
    imported_at = models.DateTimeField(_("imported at"), auto_now=True)

    class Meta:
        verbose_name = _("imported monthly visits")
        verbose_name_plural = _("imported monthly visits")
        constraints = [
            models.UniqueConstraint(fields=["year", "month"], name="info_imported_month_unique"),
            models.CheckConstraint(condition=models.Q(month__gte=1, month__lte=12), name="info_imported_month_range"),
        ]

    def __str__(self) -> str:
        return f"{self.year}-{self.month:02d}: {self.visits}"
