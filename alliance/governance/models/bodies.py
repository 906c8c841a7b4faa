"""A year's bodies (the steering committee and the subcommittees), the people on them and their seats.

Bodies are per year: a subcommittee is created and abolished by a steering decision, and next year starts as a
copy of this one. A person is kept once across years (name, organisation, title, sector) and holds seats; a
seat carries the position and the term (one year, renewable: 운영규정 제3조②4).
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from alliance.core.versions import version_field


class BodyKind(models.TextChoices):
    STEERING = "steering", _("Steering committee")
    SUBCOMMITTEE = "subcommittee", _("Subcommittee")


class QuorumRule(models.TextChoices):
    MAJORITY = "majority", _("A majority of the seats")
    TWO_THIRDS = "two_thirds", _("Two thirds of the seats")
    FIXED = "fixed", _("A fixed number of seats")


class Sector(models.TextChoices):
    GOVERNMENT = "government", pgettext_lazy("sector", "Government")
    ACADEMIA = "academia", pgettext_lazy("sector", "Academia and research")
    INDUSTRY = "industry", pgettext_lazy("sector", "Industry")
    AGENCY = "agency", pgettext_lazy("sector", "Partner agencies")


class Position(models.TextChoices):
    CHAIR = "chair", pgettext_lazy("position", "Chair")
    VICE_CHAIR = "vice_chair", pgettext_lazy("position", "Vice-chair")
    SUBCOMMITTEE_CHAIR = "subcommittee_chair", pgettext_lazy("position", "Subcommittee chair")
    MEMBER = "member", pgettext_lazy("position", "Member")
    SECRETARY = "secretary", pgettext_lazy("position", "Secretary")


class Body(models.Model):
    year = models.PositiveSmallIntegerField(_("year"))
    name = models.CharField(_("name"), max_length=100)
    kind = models.CharField(_("kind"), max_length=20, choices=BodyKind.choices)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    quorum_rule = models.CharField(_("quorum"), max_length=20, choices=QuorumRule.choices, default=QuorumRule.MAJORITY)
    quorum_count = models.PositiveSmallIntegerField(_("quorum (seats)"), null=True, blank=True)
    substitutes_count = models.BooleanField(_("substitutes count towards the quorum"), default=True)
    substitutes_vote = models.BooleanField(_("substitutes vote for their seat"), default=True)
    meetings_planned = models.PositiveSmallIntegerField(_("meetings planned"), default=0)
    # Subcommittees are open to every member company (개방형); the steering committee is not.
    open_to_members = models.BooleanField(_("open to every member company"), default=False)
    description = models.TextField(_("description"), blank=True)
    abolished_on = models.DateField(_("abolished on"), null=True, blank=True)
    # Moved on by every edit; the body's form carries it (core.versions).
    version = version_field()

    class Meta:
        verbose_name = _("body")
        verbose_name_plural = _("bodies")
        ordering = ("year", "order", "name")
        constraints = (models.UniqueConstraint(fields=("year", "name"), name="governance_body_unique_name"),)

    def __str__(self):
        return f"{self.year} {self.name}"


class Person(models.Model):
    """Someone who holds or held a seat; the account is optional (a ministry official may have none)."""

    name = models.CharField(_("name"), max_length=100)
    organisation = models.ForeignKey(
        "members.Organisation",
        verbose_name=_("member organisation"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="governance_people",
    )
    # Printed as the seeds print it ("메타버스협의회 (위지웍스튜디오)"); filled from the member when there is one.
    affiliation = models.CharField(_("affiliation"), max_length=200)
    title = models.CharField(_("job title"), max_length=100, blank=True)
    sector = models.CharField(_("sector"), max_length=20, choices=Sector.choices)
    email = models.EmailField(_("e-mail"), blank=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("account"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="governance_people",
    )

    class Meta:
        verbose_name = _("seat holder")
        verbose_name_plural = _("people")
        ordering = ("name", "pk")

    def __str__(self):
        return f"{self.name} ({self.affiliation})"


class Seat(models.Model):
    body = models.ForeignKey(Body, verbose_name=_("body"), on_delete=models.CASCADE, related_name="seats")
    person = models.ForeignKey(Person, verbose_name=_("seat holder"), on_delete=models.PROTECT, related_name="seats")
    position = models.CharField(_("position"), max_length=20, choices=Position.choices, default=Position.MEMBER)
    term_start = models.DateField(_("term start"))
    term_end = models.DateField(_("term end"))
    # A subcommittee's chair sits on the steering committee ex officio (제3조②3): that steering seat points to
    # the chair's subcommittee seat and ends when the chair changes.
    ex_officio_for = models.ForeignKey(
        "self",
        verbose_name=_("ex officio as chair of"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="ex_officio_seats",
    )
    # Observers (배석: ministry officials) are recorded apart from the members: no vote, not in the quorum.
    is_observer = models.BooleanField(_("observer"), default=False)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    ended_on = models.DateField(_("left on"), null=True, blank=True)
    # Moved on by every change of what the seat's form shows (the seat, its holder's details, a term extended);
    # the form carries it (core.versions).
    version = version_field()

    class Meta:
        verbose_name = _("seat")
        verbose_name_plural = _("seats")
        ordering = ("body", "order", "pk")
        constraints = (
            models.UniqueConstraint(fields=("body", "person"), name="governance_seat_one_per_person"),
            models.CheckConstraint(condition=Q(term_end__gte=models.F("term_start")), name="governance_seat_term"),
        )

    def __str__(self):
        return f"{self.body} · {self.person.name}"


class Participation(models.Model):
    """A member company taking part in an open subcommittee (개방형): joined and left by its representative."""

    body = models.ForeignKey(Body, verbose_name=_("body"), on_delete=models.CASCADE, related_name="participations")
    organisation = models.ForeignKey(
        "members.Organisation",
        verbose_name=_("member organisation"),
        on_delete=models.CASCADE,
        related_name="subcommittee_participations",
    )
    joined_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("joined by"), on_delete=models.SET_NULL, null=True, blank=True
    )
    joined_on = models.DateField(_("joined on"))
    left_on = models.DateField(_("left on"), null=True, blank=True)

    class Meta:
        verbose_name = _("participation")
        verbose_name_plural = _("participations")
        ordering = ("body", "organisation__name")
        constraints = (
            models.UniqueConstraint(
                fields=("body", "organisation"),
                condition=Q(left_on__isnull=True),
                name="governance_participation_one_open",
            ),
        )

    def __str__(self):
        return f"{self.body} · {self.organisation}"
