"""The daily newsletter: its publishing calendar's overrides, the news feeds staff subscribe to and their items,
and the editions (one per publishing day) with their items in the sections of seed 001's edition.

Subscribers, consent and delivery hang on `Edition` from their own module (info-subscribers).
"""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from alliance.core.versions import version_field


class PublishingOverride(models.Model):
    """A staff-kept exception to the calendar: a holiday announced at short notice (no edition), or a day on
    which an edition goes out although the calendar would skip it."""

    class Kind(models.TextChoices):
        EXTRA_HOLIDAY = "extra_holiday", _("Extra holiday (no edition)")
        PUBLISH_ANYWAY = "publish_anyway", _("Publish anyway")

    date = models.DateField(_("date"), unique=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    reason = models.CharField(_("reason"), max_length=200)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        ordering = ["date"]
        verbose_name = _("publishing override")
        verbose_name_plural = _("publishing overrides")

    def __str__(self):
        return f"{self.date} {self.get_kind_display()}"


class Section(models.TextChoices):
    """The sections of an edition, in the order the e-mail shows them (seed 001)."""

    BANNER = "banner", _("Headline banners (events, calls)")
    DOMESTIC = "domestic", _("Domestic news")
    GLOBAL = "global", _("Global news")
    PROMOTION = "promotion", _("Partner agencies' promotions")
    CALLS = "calls", _("Calls and events")


SECTION_ORDER = [choice.value for choice in Section]


class NewsFeed(models.Model):
    """An RSS or Atom feed staff subscribe to; its items land in the domestic or the global news pool."""

    class Kind(models.TextChoices):
        DOMESTIC = Section.DOMESTIC.value, _("Domestic news")
        GLOBAL = Section.GLOBAL.value, _("Global news")

    name = models.CharField(_("name"), max_length=100)
    url = models.URLField(_("feed address"), max_length=500, unique=True)
    section = models.CharField(_("section"), max_length=20, choices=Kind.choices, default=Kind.DOMESTIC)
    active = models.BooleanField(_("active"), default=True)
    last_fetched_at = models.DateTimeField(_("last fetched at"), null=True, blank=True)
    last_error = models.CharField(_("last error"), max_length=300, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    # The feed form's lost-update check (core.versions): any staff member.
    version = version_field()

    class Meta:
        ordering = ["name"]
        verbose_name = _("news feed")
        verbose_name_plural = _("news feeds")

    def __str__(self):
        return self.name


class FeedItem(models.Model):
    """One article read from a feed; duplicates are removed by normalised address and by near-identical title
    before a row is written (services/newsletter_feeds.py)."""

    feed = models.ForeignKey(NewsFeed, on_delete=models.CASCADE, related_name="items")
    title = models.CharField(_("title"), max_length=300)
    title_key = models.CharField(max_length=300, db_index=True, editable=False)
    link = models.URLField(_("link"), max_length=1000)
    normalised_link = models.CharField(max_length=1000, unique=True, editable=False)
    summary = models.TextField(_("summary"), blank=True)
    published_at = models.DateTimeField(_("published at"), null=True, blank=True)
    fetched_at = models.DateTimeField(_("fetched at"), auto_now_add=True)

    class Meta:
        ordering = ["-published_at", "-id"]
        verbose_name = _("feed item")
        verbose_name_plural = _("feed items")

    def __str__(self):
        return self.title


class Edition(models.Model):
    """The newsletter of one publishing day: draft → scheduled (a send time) → sent.

    Once sent, the rendered subject, HTML and text are kept as they went out (`html`, `text`), so that the
    web archive and any later look show what recipients received.
    """

    class State(models.TextChoices):
        DRAFT = "draft", pgettext_lazy("edition", "Draft")
        SCHEDULED = "scheduled", pgettext_lazy("edition", "Scheduled")
        SENT = "sent", pgettext_lazy("edition", "Sent")

    publishing_date = models.DateField(_("publishing date"), unique=True)
    subject = models.CharField(_("subject"), max_length=200)
    state = models.CharField(_("state"), max_length=20, choices=State.choices, default=State.DRAFT)
    send_at = models.DateTimeField(_("send at"), null=True, blank=True)
    carries_advertising = models.BooleanField(_("carries advertising"), default=False)
    html = models.TextField(_("HTML as sent"), blank=True, editable=False)
    text = models.TextField(_("text as sent"), blank=True, editable=False)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    version = version_field()

    class Meta:
        ordering = ["-publishing_date"]
        verbose_name = _("newsletter edition")
        verbose_name_plural = _("newsletter editions")
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(state="scheduled") | models.Q(send_at__isnull=False),
                name="info_edition_scheduled_has_send_time",
            ),
        ]

    def __str__(self):
        return f"{self.publishing_date} {self.subject}"

    def get_absolute_url(self):
        return reverse("info:newsletter_edition", kwargs={"day": self.publishing_date.isoformat()})


class EditionItem(models.Model):
    """One entry of an edition: picked from a source (a feed item, a report, a notice, a promotion, a call) or
    written by hand, ordered within its section, its title and summary editable, tagged ("AX 전환 관점")."""

    class Origin(models.TextChoices):
        MANUAL = "manual", _("Written by hand")
        FEED = "feed", _("News feed")
        REPORT = "report", _("Report archive")
        NOTICE = "notice", _("Notice")
        PROMOTION = "promotion", _("Partner agency's promotion")
        CALL = "call", _("Call or event")

    edition = models.ForeignKey(Edition, on_delete=models.CASCADE, related_name="items")
    section = models.CharField(_("section"), max_length=20, choices=Section.choices)
    order = models.PositiveIntegerField(_("order"), default=0)
    title = models.CharField(_("title"), max_length=300)
    summary = models.TextField(_("summary"), blank=True)
    link = models.URLField(_("link"), max_length=1000, blank=True)
    source = models.CharField(_("source"), max_length=100, blank=True)
    tags = models.JSONField(_("tags"), default=list, blank=True)
    image_url = models.URLField(_("image address"), max_length=1000, blank=True)
    image_alt = models.CharField(_("image description"), max_length=200, blank=True)
    origin = models.CharField(_("origin"), max_length=20, choices=Origin.choices, default=Origin.MANUAL)
    origin_id = models.PositiveBigIntegerField(null=True, blank=True)
    # The item form's lost-update check (core.versions): any staff member.
    version = version_field()

    class Meta:
        ordering = ["edition", "section", "order", "id"]
        verbose_name = _("edition item")
        verbose_name_plural = _("edition items")
        constraints = [
            models.UniqueConstraint(
                fields=["edition", "origin", "origin_id"],
                condition=models.Q(origin_id__isnull=False),
                name="info_edition_item_once_per_source",
            ),
        ]

    def __str__(self):
        return self.title

    @property
    def image_src(self) -> str:
        """The image's address on the site's own pages: the path when it is one of ours (the page's content
        policy allows its own images), else the address as written."""
        site = settings.SITE_URL + "/"
        return self.image_url.removeprefix(site[:-1]) if self.image_url.startswith(site) else self.image_url


__all__ = ["SECTION_ORDER", "Edition", "EditionItem", "FeedItem", "NewsFeed", "PublishingOverride", "Section"]
