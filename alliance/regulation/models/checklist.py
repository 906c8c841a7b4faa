"""The ethics checklist's yearly versions and the companies' answers to them."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from alliance.core.versions import version_field
from alliance.regulation.scoring import Item


class Checklist(models.Model):
    """One version of a year's checklist. `content` holds the whole document (default_checklist.content()):
    general provisions, values, principles, articles, and items with their principle, article, advice and weight.
    A published version never changes (services refuse it): editing it makes the next version, a draft."""

    year = models.PositiveSmallIntegerField(_("year"))
    number = models.PositiveSmallIntegerField(_("version"))
    content = models.JSONField(_("content"))
    note = models.CharField(_("what changed"), max_length=300, blank=True)
    published_at = models.DateTimeField(_("published at"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    # Moved on by every save of a draft (staff and the subcommittee's members may edit at once; core.versions).
    version = version_field()

    class Meta:
        ordering = ["-year", "-number"]
        constraints = [models.UniqueConstraint(fields=["year", "number"], name="regulation_checklist_version")]
        verbose_name = _("ethics checklist")
        verbose_name_plural = _("ethics checklists")

    def __str__(self):
        return f"{self.year} v{self.number}"

    @property
    def is_published(self) -> bool:
        return self.published_at is not None

    def scoring_items(self) -> list[Item]:
        return [Item(item["number"], item["principle"], item["weight"]) for item in self.content["items"]]

    def principle_names(self) -> dict[str, str]:
        return {principle["key"]: principle["name"] for principle in self.content["principles"]}

    def article(self, number: int) -> dict | None:
        return next((article for article in self.content["articles"] if article["number"] == number), None)


class SelfCheck(models.Model):
    """A company's answer to one year's checklist, on the version it was started on: a draft until submitted,
    then final. `total` and `by_principle` are stored at submission (scoring.score)."""

    organisation = models.ForeignKey(
        "members.Organisation", verbose_name=_("member company"), on_delete=models.CASCADE, related_name="+"
    )
    year = models.PositiveSmallIntegerField(_("year"))
    checklist = models.ForeignKey(Checklist, verbose_name=_("checklist version"), on_delete=models.PROTECT)
    answers = models.JSONField(_("answers"), default=dict, blank=True)
    total = models.DecimalField(_("total"), max_digits=4, decimal_places=1, null=True, blank=True)
    by_principle = models.JSONField(_("points by principle"), default=dict, blank=True)
    # The company agrees that staff and the subcommittee see its result under its name (else: anonymous).
    share_result = models.BooleanField(_("share our result under our name"), default=False)
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)
    # Moved on by every save of the answer form (a company's representatives may answer at once; core.versions).
    version = version_field()

    class Meta:
        ordering = ["-year", "organisation__name"]
        constraints = [models.UniqueConstraint(fields=["organisation", "year"], name="regulation_one_selfcheck_a_year")]
        verbose_name = _("ethics self-check")
        verbose_name_plural = _("ethics self-checks")

    def __str__(self):
        return f"{self.organisation} {self.year}"

    @property
    def is_submitted(self) -> bool:
        return self.submitted_at is not None
