"""Minutes (회의 결과) of a meeting, in versions.

A meeting has one `Minutes`; its text lives in `MinutesVersion`s. A version is drafted by staff, circulated to
the attendees for comments until a deadline, then confirmed — and from then on never changed: a later
correction is a new version with its reason, the confirmed one is kept and stays readable (`superseded_at`).
Per agenda item a version holds the presentations (title, presenter, affiliation), the discussion, the
decisions taken (links to `Decision` rows) and the action items; photos and attachments hang on the version.
The allowed moves are in `alliance.governance.services.minutes_states`.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from alliance.core.models import PersonalLinkInvitation
from alliance.core.versions import version_field
from alliance.governance.models.bodies import Person
from alliance.governance.models.meetings import AgendaItem, Decision, Meeting


class MinutesState(models.TextChoices):
    DRAFT = "draft", pgettext_lazy("minutes", "Draft")
    CIRCULATED = "circulated", pgettext_lazy("minutes", "Circulated for comments")
    CONFIRMED = "confirmed", pgettext_lazy("minutes", "Confirmed")


class Minutes(models.Model):
    meeting = models.OneToOneField(
        Meeting, verbose_name=pgettext_lazy("governance", "meeting"), on_delete=models.CASCADE, related_name="minutes"
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("minutes")
        verbose_name_plural = _("minutes")
        ordering = ("meeting",)

    def __str__(self):
        return str(self.meeting)


class MinutesVersion(models.Model):
    minutes = models.ForeignKey(Minutes, verbose_name=_("minutes"), on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveSmallIntegerField(_("version"))
    state = models.CharField(_("state"), max_length=20, choices=MinutesState.choices, default=MinutesState.DRAFT)
    # Why a confirmed text was corrected (empty for the first version).
    reason = models.TextField(_("reason for the correction"), blank=True)
    created_at = models.DateTimeField(_("created at"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("created by"), on_delete=models.SET_NULL, null=True, related_name="+"
    )
    comments_due = models.DateField(_("comments due"), null=True, blank=True)
    circulated_at = models.DateTimeField(_("circulated at"), null=True, blank=True)
    confirmed_at = models.DateTimeField(_("confirmed at"), null=True, blank=True)
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("confirmed by"), on_delete=models.SET_NULL, null=True, related_name="+"
    )
    # Set when a later version is confirmed in its place: this one is kept, and shown as replaced.
    superseded_at = models.DateTimeField(_("replaced at"), null=True, blank=True)

    class Meta:
        verbose_name = _("minutes version")
        verbose_name_plural = _("minutes versions")
        ordering = ("minutes", "number")
        constraints = (models.UniqueConstraint(fields=("minutes", "number"), name="governance_minutes_version"),)

    def __str__(self):
        return f"{self.minutes} v{self.number}"

    @property
    def is_locked(self) -> bool:
        return self.state != MinutesState.DRAFT


class MinutesItem(models.Model):
    """One agenda item's part of the minutes: its presentations, discussion, decisions and action items."""

    version = models.ForeignKey(
        MinutesVersion, verbose_name=_("minutes version"), on_delete=models.CASCADE, related_name="items"
    )
    order = models.PositiveSmallIntegerField(_("order"))
    agenda_item = models.ForeignKey(
        AgendaItem, verbose_name=_("agenda item"), on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    title = models.CharField(_("title"), max_length=300)
    discussion = models.TextField(_("discussion"), blank=True)
    decisions = models.ManyToManyField(Decision, verbose_name=_("decisions"), blank=True, related_name="minutes_items")

    # The item form's lost-update check (alliance/core/versions.py): moved on by its save and by an action
    # item ticked done. (`version` is the minutes version the item belongs to.)
    edit_version = version_field()

    class Meta:
        verbose_name = _("minutes item")
        verbose_name_plural = _("minutes items")
        ordering = ("version", "order")
        constraints = (models.UniqueConstraint(fields=("version", "order"), name="governance_minutes_item_order"),)

    def __str__(self):
        return self.title


class Presentation(models.Model):
    item = models.ForeignKey(
        MinutesItem, verbose_name=_("minutes item"), on_delete=models.CASCADE, related_name="presentations"
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    title = models.CharField(_("title"), max_length=300)
    presenter = models.CharField(_("presenter"), max_length=100)
    affiliation = models.CharField(_("presenter's affiliation"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("presentation")
        verbose_name_plural = _("presentations")
        ordering = ("item", "order", "pk")

    def __str__(self):
        return self.title


class ActionItem(models.Model):
    item = models.ForeignKey(
        MinutesItem, verbose_name=_("minutes item"), on_delete=models.CASCADE, related_name="action_items"
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    description = models.CharField(_("follow-up action"), max_length=300)
    owner = models.CharField(_("owner"), max_length=100)
    due_on = models.DateField(_("due date"), null=True, blank=True)
    # Follow-up, not the text of the minutes: it may be ticked after the minutes are confirmed.
    done = models.BooleanField(_("done"), default=False)
    done_at = models.DateTimeField(_("done at"), null=True, blank=True)

    class Meta:
        verbose_name = _("action item")
        verbose_name_plural = _("action items")
        ordering = ("item", "order", "pk")

    def __str__(self):
        return self.description


class MinutesFileKind(models.TextChoices):
    PHOTO = "photo", _("Photo")
    ATTACHMENT = "attachment", _("Attachment")


class MinutesFile(models.Model):
    version = models.ForeignKey(
        MinutesVersion, verbose_name=_("minutes version"), on_delete=models.CASCADE, related_name="files"
    )
    kind = models.CharField(_("kind"), max_length=20, choices=MinutesFileKind.choices)
    # A new version points to the same stored file: files are never rewritten, only added or left out.
    file = models.FileField(_("file"), upload_to="governance/minutes/%Y/")
    original_name = models.CharField(_("file name"), max_length=255)
    caption = models.CharField(_("caption"), max_length=200, blank=True)
    uploaded_at = models.DateTimeField(_("uploaded at"))

    class Meta:
        verbose_name = _("minutes file")
        verbose_name_plural = _("minutes files")
        ordering = ("version", "kind", "pk")

    def __str__(self):
        return self.original_name


class MinutesComment(models.Model):
    """An attendee's comment on a circulated version, logged in or through the personal link."""

    version = models.ForeignKey(
        MinutesVersion, verbose_name=_("minutes version"), on_delete=models.CASCADE, related_name="comments"
    )
    person = models.ForeignKey(Person, verbose_name=_("seat holder"), on_delete=models.CASCADE, related_name="+")
    text = models.TextField(_("comment"))
    created_at = models.DateTimeField(_("created at"))
    through_link = models.BooleanField(_("through the e-mailed link"), default=False)

    class Meta:
        verbose_name = _("minutes comment")
        verbose_name_plural = _("minutes comments")
        ordering = ("version", "created_at", "pk")

    def __str__(self):
        return f"{self.person.name}: {self.text[:40]}"


class MinutesCirculation(PersonalLinkInvitation):
    """One attendee's personal link to comment on one circulated version (only the token's hash is kept)."""

    LINK_PURPOSE = "alliance.governance.minutes.comment"

    version = models.ForeignKey(
        MinutesVersion, verbose_name=_("minutes version"), on_delete=models.CASCADE, related_name="circulations"
    )
    person = models.ForeignKey(Person, verbose_name=_("seat holder"), on_delete=models.CASCADE, related_name="+")

    class Meta:
        verbose_name = _("minutes circulation")
        verbose_name_plural = _("minutes circulations")
        ordering = ("version", "person__name")
        constraints = (
            models.UniqueConstraint(fields=("version", "person"), name="governance_minutes_circulation_once"),
        )

    def __str__(self):
        return f"{self.version} · {self.person.name}"
