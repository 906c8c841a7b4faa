"""A year's taxonomy: domains → layers → categories → subcategories, and its two facets.

Every write goes through alliance/ecosystem/services/taxonomy.py, which keeps the tree well-formed (a
node's parent is in the same taxonomy, one level above) and refuses to delete a node with players on it.
"""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from alliance.core.versions import version_field


class Level(models.TextChoices):
    DOMAIN = "domain", pgettext_lazy("taxonomy level", "Domain")
    LAYER = "layer", pgettext_lazy("taxonomy level", "Layer")
    CATEGORY = "category", pgettext_lazy("taxonomy level", "Category")
    SUBCATEGORY = "subcategory", pgettext_lazy("taxonomy level", "Subcategory")


# Top to bottom. A node's parent sits exactly one step before it.
LEVEL_ORDER = (Level.DOMAIN, Level.LAYER, Level.CATEGORY, Level.SUBCATEGORY)
PARENT_LEVEL = {LEVEL_ORDER[i]: LEVEL_ORDER[i - 1] for i in range(1, len(LEVEL_ORDER))}
CHILD_LEVEL = {parent: child for child, parent in PARENT_LEVEL.items()}
# Levels a placement may name as its primary node.
PLACEABLE_LEVELS = (Level.CATEGORY, Level.SUBCATEGORY)


class Taxonomy(models.Model):
    year = models.PositiveSmallIntegerField(_("year"), unique=True)
    copied_from = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("copied from")
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-year"]
        verbose_name = _("taxonomy")
        verbose_name_plural = _("taxonomies")

    def __str__(self):
        return str(self.year)


class TaxonomyNode(models.Model):
    taxonomy = models.ForeignKey(Taxonomy, on_delete=models.CASCADE, related_name="nodes")
    # PROTECT: a node leaves only through services.taxonomy.delete_node, which checks for children and players.
    parent = models.ForeignKey("self", on_delete=models.PROTECT, null=True, blank=True, related_name="children")
    level = models.CharField(_("level"), max_length=12, choices=Level.choices)
    name = models.CharField(_("name"), max_length=120)
    position = models.PositiveIntegerField(_("position"), default=0)
    description = models.TextField(_("description"), blank=True)
    # 한국표준산업분류 sub-class codes (five digits, e.g. "58221").
    ksic_codes = models.JSONField(_("KSIC codes"), default=list, blank=True)
    keywords = models.JSONField(_("keywords"), default=list, blank=True)
    # Moved on by every rename, edit or move of the node; its edit and move forms carry it (core.versions).
    version = version_field()

    class Meta:
        ordering = ["taxonomy", "position", "id"]
        verbose_name = _("taxonomy node")
        verbose_name_plural = _("taxonomy nodes")
        constraints = [
            models.UniqueConstraint(fields=["parent", "name"], name="taxonomy_node_unique_name_in_parent"),
            models.UniqueConstraint(
                fields=["taxonomy", "name"],
                condition=Q(parent__isnull=True),
                name="taxonomy_node_unique_domain_name",
            ),
            models.CheckConstraint(
                condition=(Q(level="domain") & Q(parent__isnull=True)) | (~Q(level="domain") & Q(parent__isnull=False)),
                name="taxonomy_node_only_domains_are_roots",
            ),
        ]
        indexes = [models.Index(fields=["taxonomy", "level"])]

    def __str__(self):
        return self.name

    @property
    def path(self) -> list[str]:
        """Names from the domain down to this node. Walks the parents: use queries.node_paths for many."""
        names = []
        node = self
        while node is not None:
            names.append(node.name)
            node = node.parent
        return names[::-1]

    @property
    def is_placeable(self) -> bool:
        return self.level in PLACEABLE_LEVELS


class Technology(models.Model):
    """The core-technology facet (seed 003's table): XR devices, digital twins, real-time rendering, ..."""

    taxonomy = models.ForeignKey(Taxonomy, on_delete=models.CASCADE, related_name="technologies")
    name = models.CharField(_("name"), max_length=120)
    keywords = models.JSONField(_("keywords"), default=list, blank=True)
    position = models.PositiveIntegerField(_("position"), default=0)

    class Meta:
        ordering = ["taxonomy", "position", "id"]
        verbose_name = _("core technology")
        verbose_name_plural = _("core technologies")
        constraints = [models.UniqueConstraint(fields=["taxonomy", "name"], name="technology_unique_name")]

    def __str__(self):
        return self.name


class ApplicationField(models.Model):
    """The application-field facet: 교육·훈련, 의료헬스케어, 제조·건설, ..."""

    taxonomy = models.ForeignKey(Taxonomy, on_delete=models.CASCADE, related_name="fields")
    name = models.CharField(_("name"), max_length=120)
    keywords = models.JSONField(_("keywords"), default=list, blank=True)
    position = models.PositiveIntegerField(_("position"), default=0)

    class Meta:
        ordering = ["taxonomy", "position", "id"]
        verbose_name = _("application field")
        verbose_name_plural = _("application fields")
        constraints = [models.UniqueConstraint(fields=["taxonomy", "name"], name="application_field_unique_name")]

    def __str__(self):
        return self.name
