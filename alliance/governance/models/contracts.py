"""The standard-contract revision (상생협력분과): the documents under review, their clauses, members' comments
per clause and the chair's disposition of each; the result is the amendment table 신구조문대비표
(현행 / 개정안 / 사유)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from alliance.core.versions import version_field
from alliance.governance.models.bodies import Body


class ContractKind(models.TextChoices):
    CONTRACT = "contract", _("Standard contract")
    TERMS = "terms", _("Standard terms and conditions")


class ContractDocument(models.Model):
    body = models.ForeignKey(
        Body, verbose_name=_("subcommittee"), on_delete=models.CASCADE, related_name="contract_documents"
    )
    title = models.CharField(_("title"), max_length=200)
    kind = models.CharField(_("kind of document"), max_length=20, choices=ContractKind.choices)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    comments_close_on = models.DateField(_("comments close on"), null=True, blank=True)

    class Meta:
        verbose_name = _("document under review")
        verbose_name_plural = _("documents under review")
        ordering = ("body", "order", "title")

    def __str__(self):
        return self.title


class Clause(models.Model):
    document = models.ForeignKey(
        ContractDocument, verbose_name=_("document under review"), on_delete=models.CASCADE, related_name="clauses"
    )
    order = models.PositiveSmallIntegerField(_("order"))
    number = models.CharField(_("article"), max_length=30)  # 제3조, 제3조의2
    heading = models.CharField(_("article heading"), max_length=200, blank=True)
    current_text = models.TextField(_("current text"))
    proposed_text = models.TextField(_("proposed text"), blank=True)
    reason = models.TextField(_("reason for the change"), blank=True)

    # The amendment form's lost-update check (alliance/core/versions.py): the subcommittee's chair and staff.
    version = version_field()

    class Meta:
        verbose_name = _("clause")
        verbose_name_plural = _("clauses")
        ordering = ("document", "order")
        constraints = (models.UniqueConstraint(fields=("document", "order"), name="governance_clause_order"),)

    def __str__(self):
        return f"{self.number} {self.heading}".strip()

    @property
    def is_amended(self) -> bool:
        return bool(self.proposed_text.strip()) and self.proposed_text.strip() != self.current_text.strip()


class Disposition(models.TextChoices):
    PENDING = "pending", pgettext_lazy("disposition", "Not yet decided")
    ACCEPTED = "accepted", pgettext_lazy("disposition", "Accepted")
    PARTLY = "partly", pgettext_lazy("disposition", "Partly accepted")
    DECLINED = "declined", pgettext_lazy("disposition", "Not accepted")


class ClauseComment(models.Model):
    clause = models.ForeignKey(Clause, verbose_name=_("clause"), on_delete=models.CASCADE, related_name="comments")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("author"), on_delete=models.SET_NULL, null=True, related_name="+"
    )
    text = models.TextField(_("comment"))
    created_at = models.DateTimeField(_("written at"))
    disposition = models.CharField(
        _("disposition"), max_length=20, choices=Disposition.choices, default=Disposition.PENDING
    )
    disposition_note = models.TextField(_("disposition note"), blank=True)
    disposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    disposed_at = models.DateTimeField(_("decided at"), null=True, blank=True)

    class Meta:
        verbose_name = _("clause comment")
        verbose_name_plural = _("clause comments")
        ordering = ("clause", "created_at", "pk")

    def __str__(self):
        return f"{self.clause}: {self.text[:40]}"
