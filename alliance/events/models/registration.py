"""Registration for an event: per-event questions and answers, invited guests' personal links, and one
registration per person (confirmed / waiting / cancelled) whose ticket is a personal link (core/links.py)."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from alliance.core.bounds import bounded
from alliance.core.models import PersonalLinkInvitation
from alliance.events.models.events import Event


class OrganisationType(models.TextChoices):
    """The attendance table's columns ("참석 150명 내외" by kind of organisation)."""

    COMPANY = "company", pgettext_lazy("organisation type", "Company")
    INSTITUTION = "institution", pgettext_lazy("organisation type", "Agency or association")
    UNIVERSITY = "university", pgettext_lazy("organisation type", "University or industry-academic foundation")
    GOVERNMENT = "government", pgettext_lazy("organisation type", "Government or public body")
    PRESS = "press", pgettext_lazy("organisation type", "Press")
    OTHER = "other", pgettext_lazy("organisation type", "Other or individual")


class Question(models.Model):
    """A question an event asks at registration (a session to join, a consultation desk, dietary needs)."""

    class Kind(models.TextChoices):
        TEXT = "text", pgettext_lazy("question kind", "Short answer")
        CHOICE = "choice", pgettext_lazy("question kind", "One of the choices")
        YES_NO = "yes_no", pgettext_lazy("question kind", "Yes or no")

    event = models.ForeignKey(Event, verbose_name=_("event"), on_delete=models.CASCADE, related_name="questions")
    text = models.CharField(_("question"), max_length=300)
    kind = models.CharField(_("kind of answer"), max_length=10, choices=Kind.choices, default=Kind.TEXT)
    choices = models.TextField(_("choices, one a line"), blank=True)
    required = models.BooleanField(_("required"), default=False)
    order = models.PositiveSmallIntegerField(_("order"), default=0, validators=bounded(1000))

    class Meta:
        ordering = ("event", "order", "pk")
        verbose_name = _("registration question")
        verbose_name_plural = _("registration questions")

    def __str__(self):
        return self.text

    @property
    def choice_list(self) -> list[str]:
        return [line.strip() for line in self.choices.splitlines() if line.strip()]


class Registration(PersonalLinkInvitation):
    """One person's registration. `sequence` is the order of registering within the event (the waiting list's
    order); the ticket is the personal link (`LINK_PURPOSE`), issued with the confirmation e-mail and shown as
    a QR code; check-in at the door sets `checked_in_at` (and `walk_in` for those who did not register)."""

    LINK_PURPOSE = "alliance.events.ticket"

    class Status(models.TextChoices):
        CONFIRMED = "confirmed", pgettext_lazy("registration", "Confirmed")
        WAITING = "waiting", pgettext_lazy("registration", "Waiting list")
        CANCELLED = "cancelled", pgettext_lazy("registration", "Cancelled")

    class Source(models.TextChoices):
        MEMBER = "member", pgettext_lazy("registration source", "Member")
        GUEST = "guest", pgettext_lazy("registration source", "Invited guest")
        PUBLIC = "public", pgettext_lazy("registration source", "Public")
        STAFF = "staff", pgettext_lazy("registration source", "Entered by staff")
        WALK_IN = "walk_in", pgettext_lazy("registration source", "Walk-in")

    email = models.EmailField(_("e-mail"), blank=True)
    event = models.ForeignKey(Event, verbose_name=_("event"), on_delete=models.CASCADE, related_name="registrations")
    name = models.CharField(_("name"), max_length=100)
    job_title = models.CharField(_("job title"), max_length=100, blank=True)
    organisation = models.ForeignKey(
        "members.Organisation",
        verbose_name=_("member organisation"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    organisation_name = models.CharField(_("organisation"), max_length=200, blank=True)
    organisation_type = models.CharField(
        _("kind of organisation"), max_length=20, choices=OrganisationType.choices, default=OrganisationType.OTHER
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    source = models.CharField(_("registered as"), max_length=10, choices=Source.choices, default=Source.PUBLIC)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.CONFIRMED)
    sequence = models.PositiveIntegerField(_("order of registering"), default=0)
    consented_at = models.DateTimeField(_("consented to the privacy notice at"), null=True, blank=True)
    created_at = models.DateTimeField(_("registered at"), auto_now_add=True)
    promoted_at = models.DateTimeField(_("moved up from the waiting list at"), null=True, blank=True)
    cancelled_at = models.DateTimeField(_("cancelled at"), null=True, blank=True)
    reminded_at = models.DateTimeField(_("reminded at"), null=True, blank=True)
    checked_in_at = models.DateTimeField(_("checked in at"), null=True, blank=True)
    checked_in_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    walk_in = models.BooleanField(_("walk-in"), default=False)

    class Meta:
        ordering = ("event", "sequence", "pk")
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        constraints = (
            models.UniqueConstraint(
                fields=("event", "email"),
                condition=~Q(status="cancelled") & ~Q(email=""),
                name="events_one_live_registration_per_email",
            ),
            models.UniqueConstraint(fields=("event", "sequence"), name="events_registration_sequence_unique"),
        )
        indexes = (
            models.Index(fields=("event", "status", "sequence")),
            models.Index(fields=("event", "checked_in_at")),
        )

    def __str__(self):
        return f"{self.event} · {self.name}"

    @property
    def is_live(self) -> bool:
        return self.status != self.Status.CANCELLED


class Answer(models.Model):
    registration = models.ForeignKey(
        Registration, verbose_name=_("registration"), on_delete=models.CASCADE, related_name="answers"
    )
    question = models.ForeignKey(Question, verbose_name=_("question"), on_delete=models.CASCADE, related_name="answers")
    value = models.CharField(_("answer"), max_length=500, blank=True)

    class Meta:
        ordering = ("registration", "question__order", "question__pk")
        verbose_name = _("answer")
        verbose_name_plural = _("answers")
        constraints = (models.UniqueConstraint(fields=("registration", "question"), name="events_one_answer"),)

    def __str__(self):
        return self.value


class GuestInvitation(PersonalLinkInvitation):
    """A guest staff invite: the e-mailed personal link opens the registration form prefilled with what staff
    entered; `registration` is set once the guest registers."""

    LINK_PURPOSE = "alliance.events.guest"

    event = models.ForeignKey(
        Event, verbose_name=_("event"), on_delete=models.CASCADE, related_name="guest_invitations"
    )
    name = models.CharField(_("name"), max_length=100)
    organisation_name = models.CharField(_("organisation"), max_length=200, blank=True)
    job_title = models.CharField(_("job title"), max_length=100, blank=True)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    registration = models.OneToOneField(
        Registration, on_delete=models.SET_NULL, null=True, blank=True, related_name="invitation"
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        ordering = ("event", "name", "pk")
        verbose_name = _("guest invitation")
        verbose_name_plural = _("guest invitations")
        constraints = (models.UniqueConstraint(fields=("event", "email"), name="events_one_invitation_per_email"),)

    def __str__(self):
        return f"{self.event} · {self.name}"
