"""Project groups (consortia of member organisations), their proposals, attachments and deadline extensions."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from alliance.core.versions import version_field


class ProjectGroup(models.Model):
    programme = models.ForeignKey("programs.Programme", on_delete=models.CASCADE, related_name="groups")
    track = models.ForeignKey(
        "programs.Track", verbose_name=_("track"), on_delete=models.PROTECT, related_name="groups"
    )
    name = models.CharField(_("group name"), max_length=200)
    # The lead company (주관기업): its representative formed the group and writes the proposal.
    lead = models.ForeignKey(
        "members.Organisation", verbose_name=_("lead company"), on_delete=models.PROTECT, related_name="+"
    )
    # The field whose mentors advise the group (seed 000 "프로젝트 그룹 멘토링(안)"); one of MENTORING_FIELDS.
    mentoring_field = models.CharField(_("mentoring field"), max_length=20, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["programme", "name"]
        verbose_name = _("project group")
        verbose_name_plural = _("project groups")
        constraints = [
            models.UniqueConstraint(fields=["programme", "name"], name="programs_group_name_unique"),
        ]

    def __str__(self):
        return self.name


class GroupMember(models.Model):
    class Role(models.TextChoices):
        LEAD = "lead", pgettext_lazy("group role", "Lead company")
        PARTNER = "partner", pgettext_lazy("group role", "Partner company")

    group = models.ForeignKey(ProjectGroup, on_delete=models.CASCADE, related_name="members")
    organisation = models.ForeignKey(
        "members.Organisation", verbose_name=_("company"), on_delete=models.PROTECT, related_name="project_groups"
    )
    # Copied from the group so that the database itself keeps a company in one group per programme.
    programme = models.ForeignKey("programs.Programme", on_delete=models.CASCADE, related_name="+")
    role = models.CharField(_("role"), max_length=10, choices=Role.choices, default=Role.PARTNER)
    invited_at = models.DateTimeField(auto_now_add=True)
    # A partner's representative confirms its place; the lead is confirmed when the group is formed.
    confirmed_at = models.DateTimeField(_("participation confirmed at"), null=True, blank=True)
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["group", "role", "organisation__name"]  # "lead" sorts before "partner"
        verbose_name = _("group member")
        verbose_name_plural = _("group members")
        constraints = [
            models.UniqueConstraint(fields=["programme", "organisation"], name="programs_company_one_group_a_year"),
            models.UniqueConstraint(fields=["group"], condition=Q(role="lead"), name="programs_group_one_lead"),
        ]

    def __str__(self):
        return f"{self.group} · {self.organisation}"

    @property
    def is_confirmed(self) -> bool:
        return self.confirmed_at is not None


class Proposal(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", pgettext_lazy("proposal status", "Draft")
        SUBMITTED = "submitted", pgettext_lazy("proposal status", "Submitted")

    group = models.OneToOneField(ProjectGroup, on_delete=models.CASCADE, related_name="proposal")
    title = models.CharField(_("project title"), max_length=200, blank=True)
    summary = models.TextField(_("summary"), blank=True)
    product = models.TextField(_("product or service"), blank=True)
    market = models.TextField(_("target market"), blank=True)
    business_model = models.TextField(_("business model"), blank=True)
    team = models.TextField(_("team"), blank=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.DRAFT)
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)
    # Moved on by every save of the draft; the proposal form carries it (core.versions).
    version = version_field()

    class Meta:
        verbose_name = _("proposal")
        verbose_name_plural = _("proposals")
        constraints = [
            models.CheckConstraint(
                condition=Q(status="draft") | Q(submitted_at__isnull=False), name="programs_submitted_has_time"
            ),
        ]

    def __str__(self):
        return self.title or str(self.group)

    @property
    def is_submitted(self) -> bool:
        return self.status == self.Status.SUBMITTED


class Attachment(models.Model):
    proposal = models.ForeignKey(Proposal, on_delete=models.CASCADE, related_name="attachments")
    file = models.FileField(_("file"), upload_to="programs/attachments/%Y/")
    original_name = models.CharField(_("file name"), max_length=255)
    size = models.PositiveIntegerField(_("size (bytes)"))
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["proposal", "uploaded_at", "pk"]
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")

    def __str__(self):
        return self.original_name


class DeadlineExtension(models.Model):
    """Staff let one group edit and submit after the call has closed, until `until`."""

    group = models.ForeignKey(ProjectGroup, on_delete=models.CASCADE, related_name="extensions")
    until = models.DateTimeField(_("extended until"))
    reason = models.CharField(_("reason"), max_length=300)
    granted_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    granted_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["group", "-until"]
        verbose_name = _("deadline extension")
        verbose_name_plural = _("deadline extensions")

    def __str__(self):
        return f"{self.group} · {self.until:%Y-%m-%d %H:%M}"
