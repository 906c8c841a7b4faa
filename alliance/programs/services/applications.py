"""Applying to a programme: forming a project group, partners confirming, the proposal, its attachments,
submission before the deadline, and staff's deadline extensions.

Rules:
- Only member representatives of current member organisations form or join groups; the lead is the
  representative's own organisation; a company belongs to one group per programme (also a DB constraint).
- The deadline is the call stage's end (e.g. 5/8 23:59:59 KST), compared on the server's clock in UTC-aware
  time; after it nothing changes unless staff granted the group a logged extension.
- A submitted proposal is final; submission needs every field, an attachment and every partner confirmed.
Every write is audited in its own transaction; e-mails (application_emails.py) leave after the commit.
"""

import datetime

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from alliance.core.audit import changed, record_audit, snapshot
from alliance.core.dates import DATETIME_SECONDS, format_moment
from alliance.core.korean import company_name_key
from alliance.core.roles import Role, holds_role
from alliance.core.tasks import enqueue_on_commit
from alliance.core.versions import bump_version, check_version
from alliance.members.models import Organisation
from alliance.programs import queries, tasks
from alliance.programs.default_rubric import MENTORING_FIELDS
from alliance.programs.models import (
    Attachment,
    DeadlineExtension,
    GroupMember,
    Programme,
    ProjectGroup,
    Proposal,
    Track,
)
from alliance.programs.uploads import check_attachment

PROPOSAL_FIELDS = ("title", "summary", "product", "market", "business_model", "team")
MAX_ATTACHMENTS = 10


def _representative_organisation(actor) -> Organisation:
    organisation = getattr(actor, "organisation", None)
    if not holds_role(actor, Role.MEMBER_REP) or organisation is None:
        raise ValidationError(_("Only a member organisation's representative can do this."))
    return organisation


def _require_member(organisation: Organisation) -> None:
    if not organisation.is_current_member:
        raise ValidationError(
            _("%(name)s is not a current member of the alliance; only members may join a project group.")
            % {"name": organisation.name}
        )


def _require_open(group: ProjectGroup, *, now=None) -> None:
    now = now or timezone.now()
    if group.proposal.is_submitted:
        raise ValidationError(_("The proposal has been submitted and can no longer change."))
    if not queries.call_has_opened(group.programme, now=now):
        raise ValidationError(_("The call for applications has not opened yet."))
    deadline = queries.deadline_for(group)
    if deadline is None or now > deadline:
        raise ValidationError(
            _("The deadline (%(deadline)s, Korean time) has passed; ask the secretariat for an extension.")
            % {"deadline": format_moment(deadline, DATETIME_SECONDS) if deadline else "-"}
        )


def _require_lead(actor, group: ProjectGroup) -> None:
    if _representative_organisation(actor).pk != group.lead_id:
        raise ValidationError(_("Only the lead company's representative can change the group and its proposal."))


def _lock_group(group: ProjectGroup) -> ProjectGroup:
    """Reload the group under a row lock so that concurrent writes to it queue up."""
    locked = (
        ProjectGroup.objects.select_for_update(of=("self",)).select_related("programme", "proposal").get(pk=group.pk)
    )
    Proposal.objects.select_for_update().filter(group=locked).first()
    return locked


def _invite_after_commit(group: ProjectGroup, organisations) -> None:
    for organisation in organisations:
        enqueue_on_commit(tasks.send_partner_invitation_email, group_id=group.pk, organisation_id=organisation.pk)


def resolve_partners(*, programme: Programme, names: list[str], lead: Organisation) -> list[Organisation]:
    """Organisations for typed company names (any corporate form), or a ValidationError listing every problem."""
    problems, found, seen = [], [], {lead.pk}
    for line, typed in enumerate(names, start=1):
        name = typed.strip()
        if not name:
            continue
        organisation = Organisation.objects.filter(name_key=company_name_key(name)).first()
        if organisation is None or not organisation.is_current_member:
            problems.append(_("Line %(line)d: %(name)s is not a member company.") % {"line": line, "name": name})
        elif organisation.pk in seen:
            problems.append(
                _("Line %(line)d: %(name)s is already in this group.") % {"line": line, "name": organisation.name}
            )
        elif GroupMember.objects.filter(programme=programme, organisation=organisation).exists():
            problems.append(
                _("Line %(line)d: %(name)s already belongs to another group this year.")
                % {"line": line, "name": organisation.name}
            )
        else:
            seen.add(organisation.pk)
            found.append(organisation)
    if problems:
        raise ValidationError(problems)
    return found


def form_group(
    *, actor, programme: Programme, track: Track, name: str, partner_names: list[str], mentoring_field: str = ""
) -> ProjectGroup:
    """A representative forms a group led by its own organisation, inviting partner member companies.

    The lead is confirmed at once; each partner's representative confirms later. An empty proposal draft
    is created. Refused before the call opens and after it closes, for non-members, and for companies
    already in a group of the programme.
    Side effects: audit entry `programs.group.formed` (lead, partners, track); an e-mail to each partner's
    representatives asking them to confirm, after the commit.
    """
    lead = _representative_organisation(actor)
    _require_member(lead)
    now = timezone.now()
    if track.programme_id != programme.pk:
        raise ValidationError(_("Choose one of this programme's tracks."))
    if not queries.call_is_open(programme, now=now):
        raise ValidationError(_("Groups can be formed only while the call for applications is open."))
    name = name.strip()
    if not name:
        raise ValidationError(_("Give the group a name."))
    if mentoring_field and mentoring_field not in MENTORING_FIELDS:
        raise ValidationError(_("Choose one of the mentoring fields."))
    if GroupMember.objects.filter(programme=programme, organisation=lead).exists():
        raise ValidationError(_("Your organisation already belongs to a group this year."))
    if ProjectGroup.objects.filter(programme=programme, name=name).exists():
        raise ValidationError(_("Another group already has this name; choose another."))
    partners = resolve_partners(programme=programme, names=partner_names, lead=lead)
    try:
        with transaction.atomic():
            group = ProjectGroup.objects.create(
                programme=programme,
                track=track,
                name=name,
                lead=lead,
                mentoring_field=mentoring_field,
                created_by=actor,
            )
            GroupMember.objects.bulk_create(
                [
                    GroupMember(
                        group=group,
                        programme=programme,
                        organisation=lead,
                        role=GroupMember.Role.LEAD,
                        confirmed_at=now,
                        confirmed_by=actor,
                    )
                ]
                + [GroupMember(group=group, programme=programme, organisation=org) for org in partners]
            )
            Proposal.objects.create(group=group)
            record_audit(
                action="programs.group.formed",
                actor=actor,
                target=group,
                after={
                    "track": track.code,
                    "lead": lead.name,
                    "partners": [org.name for org in partners],
                    "mentoring_field": mentoring_field,
                },
            )
            _invite_after_commit(group, partners)
    except IntegrityError as error:  # a concurrent request placed one of these companies first
        raise ValidationError(_("One of these companies has just joined another group; try again.")) from error
    return group


def invite_partner(*, actor, group: ProjectGroup, company_name: str) -> GroupMember:
    """The lead's representative adds a partner member company (unconfirmed until it confirms).

    Side effects: audit entry `programs.group.partner_invited`; the partner's invitation e-mail after the commit.
    """
    _require_lead(actor, group)
    with transaction.atomic():
        group = _lock_group(group)
        _require_open(group)
        found = resolve_partners(programme=group.programme, names=[company_name], lead=group.lead)
        if not found:
            raise ValidationError(_("Type the name of a member company."))
        organisation = found[0]
        member = GroupMember.objects.create(group=group, programme=group.programme, organisation=organisation)
        record_audit(
            action="programs.group.partner_invited", actor=actor, target=group, after={"partner": organisation.name}
        )
        _invite_after_commit(group, [organisation])
    return member


def remove_partner(*, actor, member: GroupMember) -> None:
    """The lead's representative removes a partner (confirmed or not) while the proposal may change.

    Side effects: audit entry `programs.group.partner_removed`.
    """
    if member.role == GroupMember.Role.LEAD:
        raise ValidationError(_("The lead company cannot be removed from its group."))
    _require_lead(actor, member.group)
    with transaction.atomic():
        group = _lock_group(member.group)
        _require_open(group)
        before = {"partner": member.organisation.name, **snapshot(member, ("confirmed_at",))}
        member.delete()
        record_audit(action="programs.group.partner_removed", actor=actor, target=group, before=before)


def confirm_partner(*, actor, group: ProjectGroup) -> GroupMember:
    """A partner's representative confirms its organisation's place in the group.

    Side effects: audit entry `programs.group.partner_confirmed`.
    """
    organisation = _representative_organisation(actor)
    with transaction.atomic():
        group = _lock_group(group)
        _require_open(group)
        member = GroupMember.objects.filter(group=group, organisation=organisation).first()
        if member is None:
            raise ValidationError(_("Your organisation has not been invited to this group."))
        if member.confirmed_at is None:
            member.confirmed_at, member.confirmed_by = timezone.now(), actor
            member.save(update_fields=["confirmed_at", "confirmed_by"])
            record_audit(
                action="programs.group.partner_confirmed",
                actor=actor,
                target=group,
                after={"partner": organisation.name},
            )
    return member


def save_proposal(*, actor, group: ProjectGroup, data: dict, expected_version: int | None = None) -> Proposal:
    """Save the proposal as a draft (any field may be empty) while it may change.

    Refused with core.versions.StaleEditError when the draft was saved since `expected_version` (the version
    its form was loaded with: several representatives of the lead company may write it).
    Side effects: the proposal's version moves on; audit entry `programs.proposal.saved` with the changed
    fields.
    """
    _require_lead(actor, group)
    with transaction.atomic():
        group = _lock_group(group)
        _require_open(group)
        proposal = group.proposal
        check_version(proposal, expected_version)
        before = snapshot(proposal, PROPOSAL_FIELDS)
        for field in PROPOSAL_FIELDS:
            if field in data:
                setattr(proposal, field, (data[field] or "").strip())
        old, new = changed(before, snapshot(proposal, PROPOSAL_FIELDS))
        if new:
            bump_version(proposal)
            proposal.save()
            record_audit(action="programs.proposal.saved", actor=actor, target=proposal, before=old, after=new)
    return proposal


def add_attachment(*, actor, group: ProjectGroup, upload) -> Attachment:
    """Attach a PDF, HWP/HWPX, PPTX or DOCX file within the size limit (uploads.check_attachment).

    Side effects: the stored file; audit entry `programs.attachment.added`.
    """
    _require_lead(actor, group)
    check_attachment(upload)
    with transaction.atomic():
        group = _lock_group(group)
        _require_open(group)
        if group.proposal.attachments.count() >= MAX_ATTACHMENTS:
            raise ValidationError(_("A proposal takes at most %(count)d files.") % {"count": MAX_ATTACHMENTS})
        original_name = upload.name.rsplit("/", 1)[-1][:255]
        attachment = Attachment(
            proposal=group.proposal, original_name=original_name, size=upload.size, uploaded_by=actor
        )
        attachment.file.save(original_name, upload, save=False)
        attachment.save()
        record_audit(
            action="programs.attachment.added",
            actor=actor,
            target=group.proposal,
            after={"file": original_name, "size": upload.size},
        )
    return attachment


def remove_attachment(*, actor, attachment: Attachment) -> None:
    """Remove a file from a proposal that may still change; the stored file goes after the commit.

    Side effects: audit entry `programs.attachment.removed`.
    """
    group = attachment.proposal.group
    _require_lead(actor, group)
    with transaction.atomic():
        group = _lock_group(group)
        _require_open(group)
        storage, name = attachment.file.storage, attachment.file.name
        before = {"file": attachment.original_name, "size": attachment.size}
        attachment.delete()
        record_audit(action="programs.attachment.removed", actor=actor, target=group.proposal, before=before)
        transaction.on_commit(lambda: storage.delete(name))


def missing_for_submission(group: ProjectGroup) -> list[str]:
    """What still stops the proposal from being submitted, as sentences for the applicant."""
    proposal = group.proposal
    labels = {field: Proposal._meta.get_field(field).verbose_name for field in PROPOSAL_FIELDS}
    missing = [
        _("Fill in “%(field)s”.") % {"field": labels[field]}
        for field in PROPOSAL_FIELDS
        if not getattr(proposal, field)
    ]
    if not proposal.attachments.exists():
        missing.append(_("Attach the proposal document (PDF, HWP, HWPX, PPTX or DOCX)."))
    members = list(group.members.select_related("organisation"))
    if not any(m.role == GroupMember.Role.PARTNER for m in members):
        missing.append(_("Add at least one partner member company."))
    missing += [
        _("%(name)s has not confirmed its place yet.") % {"name": m.organisation.name}
        for m in members
        if m.confirmed_at is None
    ]
    return missing


def submit_proposal(*, actor, group: ProjectGroup) -> Proposal:
    """Submit the proposal before the deadline (or extension); afterwards it is final.

    Side effects: audit entry `programs.proposal.submitted`; the receipt e-mail to the representatives of
    the group's companies (application_emails.py), sent after the commit.
    """
    _require_lead(actor, group)
    with transaction.atomic():
        group = _lock_group(group)
        _require_open(group)
        missing = missing_for_submission(group)
        if missing:
            raise ValidationError(missing)
        proposal = group.proposal
        proposal.status, proposal.submitted_at = Proposal.Status.SUBMITTED, timezone.now()
        proposal.save(update_fields=["status", "submitted_at", "updated_at"])
        record_audit(
            action="programs.proposal.submitted",
            actor=actor,
            target=proposal,
            before={"status": Proposal.Status.DRAFT},
            after={"status": proposal.status, "submitted_at": proposal.submitted_at.isoformat()},
        )
        enqueue_on_commit(tasks.send_receipt_email, group_id=group.pk)
    return proposal


def grant_extension(*, actor, group: ProjectGroup, until: datetime.datetime, reason: str) -> DeadlineExtension:
    """Staff let one group change and submit its proposal until `until` (later than the call's end).

    Side effects: audit entry `programs.deadline.extended` with the deadline before and after; an e-mail to
    the group's representatives after the commit.
    """
    reason = reason.strip()
    if not reason:
        raise ValidationError(_("State the reason for the extension."))
    deadline = queries.call_deadline(group.programme)
    if deadline is not None and until <= deadline:
        raise ValidationError(
            _("An extension must end after the call's deadline (%(deadline)s).")
            % {"deadline": format_moment(deadline, DATETIME_SECONDS)}
        )
    with transaction.atomic():
        group = _lock_group(group)
        before = queries.deadline_for(group)
        extension = DeadlineExtension.objects.create(group=group, until=until, reason=reason, granted_by=actor)
        record_audit(
            action="programs.deadline.extended",
            actor=actor,
            target=group,
            before={"deadline": before.isoformat() if before else None},
            after={"deadline": until.isoformat(), "reason": reason},
        )
        enqueue_on_commit(tasks.send_extension_email, extension_id=extension.pk)
    return extension
