"""After an event: its press coverage (seed 001 "총 88건 기사보도") and its photos."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from alliance.core.bounds import bounded


class PressArticle(models.Model):
    """One article about an event: outlet, date, title and address."""

    event = models.ForeignKey(
        "events.Event", verbose_name=_("event"), on_delete=models.CASCADE, related_name="press_articles"
    )
    outlet = models.CharField(_("outlet"), max_length=100)
    published_on = models.DateField(_("published on"))
    title = models.CharField(_("headline"), max_length=300)
    url = models.URLField(_("address"), max_length=500, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ("event", "-published_on", "outlet", "pk")
        verbose_name = _("press article")
        verbose_name_plural = _("press articles")
        indexes = (models.Index(fields=("published_on",)),)

    def __str__(self):
        return f"{self.outlet} · {self.title}"


class EventPhoto(models.Model):
    """A photo of an event, checked when uploaded (core/files.py) and stored under the hash of its bytes."""

    event = models.ForeignKey("events.Event", verbose_name=_("event"), on_delete=models.CASCADE, related_name="photos")
    image = models.CharField(_("stored image"), max_length=200)
    caption = models.CharField(_("caption"), max_length=200, blank=True)
    position = models.PositiveSmallIntegerField(_("order"), default=0, validators=bounded(1000))
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ("event", "position", "pk")
        verbose_name = _("event photo")
        verbose_name_plural = _("event photos")

    def __str__(self):
        return self.caption or self.image
