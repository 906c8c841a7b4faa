"""A player's place on one year's map, and the machine's suggestions awaiting a person's decision."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from alliance.core.bounds import COUNT_MAX, EMPLOYEES_MAX, REVENUE_MILLION_MAX, bounded
from alliance.core.versions import version_field


class Placement(models.Model):
    """Where a player sits in a year's taxonomy, with that year's figures and technology-strength inputs.

    `technology_score` is stored, computed by alliance/ecosystem/scoring.py whenever the inputs change.
    `sources` maps each figure to {"source": ..., "on": "YYYY-MM-DD"} as on Player.
    """

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        CONFIRMED = "confirmed", _("Confirmed")

    player = models.ForeignKey("ecosystem.Player", on_delete=models.CASCADE, related_name="placements")
    taxonomy = models.ForeignKey("ecosystem.Taxonomy", on_delete=models.CASCADE, related_name="placements")
    # PROTECT: a node with players cannot be deleted until they move (services.taxonomy.delete_node says so first).
    primary = models.ForeignKey(
        "ecosystem.TaxonomyNode",
        on_delete=models.PROTECT,
        related_name="primary_placements",
        verbose_name=_("category"),
    )
    secondary = models.ManyToManyField(
        "ecosystem.TaxonomyNode", blank=True, related_name="secondary_placements", verbose_name=_("other categories")
    )
    technologies = models.ManyToManyField(
        "ecosystem.Technology", blank=True, related_name="placements", verbose_name=_("core technologies")
    )
    fields = models.ManyToManyField(
        "ecosystem.ApplicationField", blank=True, related_name="placements", verbose_name=_("application fields")
    )
    revenue = models.BigIntegerField(
        _("revenue (KRW million)"), null=True, blank=True, validators=bounded(REVENUE_MILLION_MAX)
    )
    employees = models.PositiveIntegerField(_("employees"), null=True, blank=True, validators=bounded(EMPLOYEES_MAX))
    patents = models.PositiveIntegerField(_("registered patents"), null=True, blank=True, validators=bounded(COUNT_MAX))
    rd_staff_share = models.FloatField(_("R&D staff share (%)"), null=True, blank=True)
    certifications = models.PositiveIntegerField(
        _("certifications"), null=True, blank=True, validators=bounded(COUNT_MAX)
    )
    awards = models.PositiveIntegerField(_("awards won"), null=True, blank=True, validators=bounded(COUNT_MAX))
    technology_score = models.FloatField(_("technology score"), default=0)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.DRAFT)
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    confirmed_at = models.DateTimeField(_("confirmed at"), null=True, blank=True)
    sources = models.JSONField(_("value sources"), default=dict, blank=True)
    # Moved on by every write to what the placement form shows (staff edits, applied survey answers, registry
    # refreshes); the form carries it so that a stale save is refused (core.versions).
    version = version_field()
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["player__name"]
        verbose_name = _("placement")
        verbose_name_plural = _("placements")
        constraints = [
            models.UniqueConstraint(fields=["taxonomy", "player"], name="placement_once_per_year"),
            models.CheckConstraint(
                condition=Q(rd_staff_share__isnull=True) | Q(rd_staff_share__gte=0, rd_staff_share__lte=100),
                name="placement_rd_share_is_percentage",
            ),
            models.CheckConstraint(
                condition=Q(technology_score__gte=0, technology_score__lte=100), name="placement_score_0_100"
            ),
        ]
        indexes = [
            models.Index(fields=["taxonomy", "primary"]),
            models.Index(fields=["taxonomy", "status"]),
        ]

    def __str__(self):
        return f"{self.player} · {self.primary}"

    @property
    def is_confirmed(self) -> bool:
        return self.status == self.Status.CONFIRMED

    def source_of(self, field: str) -> dict | None:
        return self.sources.get(field)


class PlacementSuggestion(models.Model):
    """A suggested category, technology or field for a player, with the classifier's confidence.

    Exactly one of node / technology / field is set, the one `kind` names. Nothing is placed until a
    person accepts it.
    """

    class Kind(models.TextChoices):
        CATEGORY = "category", pgettext_lazy("taxonomy level", "Category")
        TECHNOLOGY = "technology", _("Core technology")
        FIELD = "field", _("Application field")

    class Status(models.TextChoices):
        WAITING = "waiting", _("Awaiting review")
        ACCEPTED = "accepted", _("Accepted")
        REJECTED = "rejected", _("Rejected")

    player = models.ForeignKey("ecosystem.Player", on_delete=models.CASCADE, related_name="suggestions")
    taxonomy = models.ForeignKey("ecosystem.Taxonomy", on_delete=models.CASCADE, related_name="suggestions")
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices)
    node = models.ForeignKey(
        "ecosystem.TaxonomyNode", on_delete=models.CASCADE, null=True, blank=True, related_name="suggestions"
    )
    technology = models.ForeignKey(
        "ecosystem.Technology", on_delete=models.CASCADE, null=True, blank=True, related_name="suggestions"
    )
    field = models.ForeignKey(
        "ecosystem.ApplicationField", on_delete=models.CASCADE, null=True, blank=True, related_name="suggestions"
    )
    confidence = models.FloatField(_("confidence"))
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.WAITING)
    created_at = models.DateTimeField(auto_now_add=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    reviewed_at = models.DateTimeField(_("reviewed at"), null=True, blank=True)

    class Meta:
        ordering = ["-confidence", "id"]
        verbose_name = _("placement suggestion")
        verbose_name_plural = _("placement suggestions")
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(kind="category", node__isnull=False, technology__isnull=True, field__isnull=True)
                    | Q(kind="technology", node__isnull=True, technology__isnull=False, field__isnull=True)
                    | Q(kind="field", node__isnull=True, technology__isnull=True, field__isnull=False)
                ),
                name="suggestion_target_matches_kind",
            ),
            models.CheckConstraint(condition=Q(confidence__gte=0, confidence__lte=1), name="suggestion_confidence_0_1"),
        ]
        indexes = [models.Index(fields=["taxonomy", "status", "player"])]

    def __str__(self):
        return f"{self.player} → {self.target} ({self.confidence:.2f})"

    @property
    def target(self):
        return self.node or self.technology or self.field
