"""A census respondent's answer and the staff review of it.

Rules (issue 2): a respondent confirms the profile as is (the organisation's `last_confirmed_on` is set at
once) or submits corrections, recorded as {field: {"before": old, "after": new}} for the changed fields
only and applied only after staff review, through the registry service, so the organisation's history
names both the reviewer and the respondent. A second submission through the same link replaces the
pending one.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from alliance.core import review
from alliance.core.audit import display_value, record_audit
from alliance.core.links import check_link
from alliance.members.models import CensusInvitation, CensusResponse, Organisation
from alliance.members.services.registry import update_organisation

PROFILE_FIELDS = (
    "name_en",
    "sido",
    "sigungu",
    "founded_year",
    "employees",
    "revenue_million",
    "fields",
    "description",
    "homepage",
)


def profile_values(organisation: Organisation) -> dict:
    """The organisation's public profile as JSON-ready values (business fields as a sorted list of names)."""
    values = {name: getattr(organisation, name) for name in PROFILE_FIELDS if name != "fields"}
    values["description"] = values["description"].replace("\r\n", "\n").strip()
    values["fields"] = sorted(field.name for field in organisation.fields.all())
    return values


def profile_changes(before: dict, after: dict) -> dict:
    """{field: {"before": old, "after": new}} for each profile field whose value differs."""
    return {
        name: {"before": before[name], "after": after[name]} for name in PROFILE_FIELDS if before[name] != after[name]
    }


def _display(name: str, value) -> str:
    """As the history shows it (2025. 10. 30., 9,258백만원); blank for no value."""
    return "" if value is None else str(display_value(Organisation, name, value))


def change_rows(response: CensusResponse) -> list[dict]:
    """The response's changes for the before/after view (core/_review_changes.html): field label, before,
    after and the organisation's current value; `moved` marks a field changed by someone else since."""
    labels = {name: Organisation._meta.get_field(name).verbose_name for name in PROFILE_FIELDS}
    current = profile_values(response.invitation.organisation)
    return review.change_rows(response.changes, labels=labels, display=_display, current=current)


def respondent_label(name: str) -> str:
    if name:
        return gettext("Census respondent %(name)s") % {"name": name}
    return gettext("Census respondent")


def submit_census_response(
    *, invitation: CensusInvitation, values: dict, respondent_name: str = "", confirm_only: bool = False
) -> CensusResponse:
    """Record a respondent's answer through a personal link.

    Rule: the link must still work (round open, not expired). Only changed fields are recorded. With no
    changes (or `confirm_only`) the profile counts as confirmed today; otherwise the changes wait for staff
    review. A pending response of the same invitation is replaced.
    Side effects: the response; the invitation's `responded_at`; for a confirmation the organisation's
    `last_confirmed_on` (audit `members.org.updated`); audit entry `members.census.responded`.
    """
    respondent_name = respondent_name.strip()
    label = respondent_label(respondent_name)
    now = timezone.now()
    with transaction.atomic():
        invitation = (
            CensusInvitation.objects.select_for_update()
            .select_related("census_round", "organisation")
            .get(pk=invitation.pk)
        )
        check_link(invitation, is_open=invitation.census_round.is_open, now=now)
        organisation = invitation.organisation
        changes = {} if confirm_only else profile_changes(profile_values(organisation), values)
        response = review.submit_through_link(
            invitation, CensusResponse, changes=changes, now=now, respondent_name=respondent_name
        )
        status = response.status
        if not changes:
            update_organisation(
                actor=None,
                actor_label=label,
                organisation=organisation,
                data={"last_confirmed_on": timezone.localdate(now)},
            )
        record_audit(
            action="members.census.responded",
            actor_label=label,
            target=response,
            after={"status": str(status), "changes": changes},
        )
    return response


def _locked_pending(response: CensusResponse) -> CensusResponse:
    return review.lock_pending(
        CensusResponse.objects.select_related("invitation__organisation", "invitation__census_round"),
        response.pk,
        message=_("This response has already been reviewed."),
    )


def apply_census_response(*, actor, response: CensusResponse) -> CensusResponse:
    """Apply a pending response's changes to the organisation through the registry service.

    Rule: only a pending response; the respondent's new values replace the current ones, and the profile
    counts as confirmed today. The registry's audit entry names the respondent and the staff member.
    Side effects: the organisation (audit `members.org.updated`, search index); the response's status,
    reviewer and time; audit entry `members.census.applied`.
    """
    with transaction.atomic():
        response = _locked_pending(response)
        changes = response.changes
        data = {name: change["after"] for name, change in changes.items() if name != "fields"}
        data["last_confirmed_on"] = timezone.localdate()
        field_names = changes["fields"]["after"] if "fields" in changes else None
        label = gettext("%(respondent)s (applied by %(staff)s)") % {
            "respondent": respondent_label(response.respondent_name),
            "staff": actor.name or actor.email,
        }
        update_organisation(
            actor=actor,
            actor_label=label,
            organisation=response.invitation.organisation,
            data=data,
            field_names=field_names,
        )
        review.record_review(
            response, actor=actor, status=CensusResponse.Status.APPLIED, action="members.census.applied"
        )
    return response


def reject_census_response(*, actor, response: CensusResponse, note: str) -> CensusResponse:
    """Reject a pending response; the organisation stays as it is.

    Rule: only a pending response, and only with a note saying why.
    Side effects: the response's status, note, reviewer and time; audit entry `members.census.rejected`.
    """
    note = note.strip()
    if not note:
        raise ValidationError(_("Note: say why the changes are rejected."))
    with transaction.atomic():
        response = _locked_pending(response)
        review.record_review(
            response, actor=actor, status=CensusResponse.Status.REJECTED, note=note, action="members.census.rejected"
        )
    return response
