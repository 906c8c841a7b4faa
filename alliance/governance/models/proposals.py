"""Subcommittees' yearly deliverables and their policy proposals (정책 제언), from draft to implementation.

A proposal moves only along `TRANSITIONS` (alliance/governance/services/proposals.py enforces it): every move
is a `ProposalMove` (who, when, from, to, the meeting or decision behind it) and a new `ProposalVersion` of the
document (its text as it stood at that move). Shared proposals get one `ProposalShare` per named agency, where
the agency's answer (검토 중 / 반영 / 미반영) is kept.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from alliance.core.versions import version_field
from alliance.governance.models.bodies import Body
from alliance.governance.models.meetings import Decision, Meeting


class DeliverableKind(models.TextChoices):
    POLICY_PROPOSAL = "policy_proposal", _("Policy proposal")
    ECOSYSTEM_MAP = "ecosystem_map", _("Ecosystem map")
    CONTRACT_REVISION = "contract_revision", _("Standard contract and terms revision")
    OTHER = "other", pgettext_lazy("deliverable", "Other")


class Deliverable(models.Model):
    """What a subcommittee owes in its year: a kind, a target count (at least 1), and what is done of it.

    Policy proposals count themselves (proposals approved by the steering committee or further on); other kinds
    are marked done by staff (`done_count`)."""

    body = models.ForeignKey(Body, verbose_name=_("body"), on_delete=models.CASCADE, related_name="deliverables")
    kind = models.CharField(_("kind of deliverable"), max_length=30, choices=DeliverableKind.choices)
    title = models.CharField(_("title"), max_length=200, blank=True)
    target_count = models.PositiveSmallIntegerField(_("target count"), default=1)
    done_count = models.PositiveSmallIntegerField(_("done"), default=0)

    class Meta:
        verbose_name = _("deliverable")
        verbose_name_plural = _("deliverables")
        ordering = ("body", "kind", "pk")
        constraints = (
            models.CheckConstraint(condition=models.Q(target_count__gte=1), name="governance_deliverable_target"),
        )

    def __str__(self):
        return f"{self.body} · {self.get_kind_display()}"


class ProposalState(models.TextChoices):
    DRAFT = "draft", pgettext_lazy("proposal", "Draft")
    ADOPTED = "adopted", pgettext_lazy("proposal", "Adopted by the subcommittee")
    SUBMITTED = "submitted", pgettext_lazy("proposal", "On the steering committee's agenda")
    APPROVED = "approved", pgettext_lazy("proposal", "Approved")
    REVISION_REQUESTED = "revision_requested", pgettext_lazy("proposal", "Revision requested")
    REJECTED = "rejected", pgettext_lazy("proposal", "Rejected")
    SHARED = "shared", pgettext_lazy("proposal", "Shared with agencies")
    ANSWERED = "answered", pgettext_lazy("proposal", "Agencies answered")
    IMPLEMENTED = "implemented", pgettext_lazy("proposal", "Implemented")


# States from which a proposal counts as a deliverable done (approved by the steering committee or further on).
DELIVERED_STATES = (
    ProposalState.APPROVED,
    ProposalState.SHARED,
    ProposalState.ANSWERED,
    ProposalState.IMPLEMENTED,
)


class Proposal(models.Model):
    body = models.ForeignKey(Body, verbose_name=_("subcommittee"), on_delete=models.PROTECT, related_name="proposals")
    title = models.CharField(_("title"), max_length=300)
    text = models.TextField(_("proposal text"))
    state = models.CharField(_("state"), max_length=30, choices=ProposalState.choices, default=ProposalState.DRAFT)
    # The meetings and the decision behind the moves, kept on the proposal for the pages and the briefing.
    adopted_at = models.ForeignKey(
        Meeting,
        verbose_name=_("adopted at"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="adopted_proposals",
    )
    submitted_to = models.ForeignKey(
        Meeting,
        verbose_name=_("on the agenda of"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="submitted_proposals",
    )
    decision = models.ForeignKey(
        Decision,
        verbose_name=_("steering decision"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="proposals",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("drafted by"), on_delete=models.SET_NULL, null=True
    )
    created_at = models.DateTimeField(_("drafted at"))
    moved_at = models.DateTimeField(_("last move"))
    # Moved on by every edit of the draft; the draft form carries it (core.versions).
    version = version_field()

    class Meta:
        verbose_name = _("policy proposal")
        verbose_name_plural = _("policy proposals")
        ordering = ("-moved_at", "pk")

    def __str__(self):
        return self.title


class ProposalMove(models.Model):
    proposal = models.ForeignKey(
        Proposal, verbose_name=_("policy proposal"), on_delete=models.CASCADE, related_name="moves"
    )
    from_state = models.CharField(_("from"), max_length=30, choices=ProposalState.choices, blank=True)
    to_state = models.CharField(_("to"), max_length=30, choices=ProposalState.choices)
    by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("by"), on_delete=models.SET_NULL, null=True)
    at = models.DateTimeField(_("at"))
    note = models.TextField(_("note"), blank=True)
    meeting = models.ForeignKey(
        Meeting, verbose_name=pgettext_lazy("governance", "meeting"), on_delete=models.SET_NULL, null=True, blank=True
    )
    decision = models.ForeignKey(Decision, verbose_name=_("decision"), on_delete=models.SET_NULL, null=True, blank=True)

    class Meta:
        verbose_name = _("proposal move")
        verbose_name_plural = _("proposal moves")
        ordering = ("proposal", "at", "pk")

    def __str__(self):
        return f"{self.proposal}: {self.from_state} → {self.to_state}"


class ProposalVersion(models.Model):
    """The document as it stood at a move (number 1 is the first draft)."""

    proposal = models.ForeignKey(
        Proposal, verbose_name=_("policy proposal"), on_delete=models.CASCADE, related_name="versions"
    )
    number = models.PositiveSmallIntegerField(_("version"))
    state = models.CharField(_("state"), max_length=30, choices=ProposalState.choices)
    title = models.CharField(_("title"), max_length=300)
    text = models.TextField(_("proposal text"))
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("by"), on_delete=models.SET_NULL, null=True)
    created_at = models.DateTimeField(_("at"))

    class Meta:
        verbose_name = _("proposal version")
        verbose_name_plural = _("proposal versions")
        ordering = ("proposal", "number")
        constraints = (models.UniqueConstraint(fields=("proposal", "number"), name="governance_proposal_version"),)

    def __str__(self):
        return f"{self.proposal} v{self.number}"


class AgencyAnswer(models.TextChoices):
    PENDING = "pending", pgettext_lazy("agency answer", "No answer yet")
    REVIEWING = "reviewing", pgettext_lazy("agency answer", "Under review")
    ADOPTED = "adopted", pgettext_lazy("agency answer", "Reflected")
    NOT_ADOPTED = "not_adopted", pgettext_lazy("agency answer", "Not reflected")


class ProposalShare(models.Model):
    """A proposal shared with one agency on a date, and that agency's answer."""

    proposal = models.ForeignKey(
        Proposal, verbose_name=_("policy proposal"), on_delete=models.CASCADE, related_name="shares"
    )
    agency = models.ForeignKey(
        "agencies.Agency", verbose_name=_("partner agency"), on_delete=models.PROTECT, related_name="proposal_shares"
    )
    shared_on = models.DateField(_("shared on"))
    answer = models.CharField(
        _("agency's answer"), max_length=20, choices=AgencyAnswer.choices, default=AgencyAnswer.PENDING
    )
    answer_text = models.TextField(_("answer text"), blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("answered by"), on_delete=models.SET_NULL, null=True, blank=True
    )
    answered_at = models.DateTimeField(_("answered at"), null=True, blank=True)
    # Moved on by every answer; the answer form carries it (core.versions): an agency has several liaisons.
    version = version_field()

    class Meta:
        verbose_name = _("proposal shared with an agency")
        verbose_name_plural = _("proposals shared with agencies")
        ordering = ("proposal", "agency__short_name")
        constraints = (models.UniqueConstraint(fields=("proposal", "agency"), name="governance_share_once"),)

    def __str__(self):
        return f"{self.proposal} → {self.agency}"
