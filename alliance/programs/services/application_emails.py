"""E-mails of applying and mentoring, in Korean, text and HTML: the partner invitation, the deadline
extension, the submission receipt and a mentoring session's schedule.

They go to the active member-representative accounts of the organisations concerned; the services call
them through `tasks.py` after their transaction commits, so a rolled-back change sends nothing.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import timezone

from alliance.core.mail import send_message
from alliance.core.roles import Role
from alliance.programs.models import ProjectGroup


def _representatives(organisation_ids) -> list[tuple[int, str]]:
    return list(
        get_user_model()
        .objects.with_role(Role.MEMBER_REP)
        .filter(is_active=True, organisation_id__in=list(organisation_ids))
        .exclude(email="")
        .order_by("organisation__name", "email")
        .values_list("organisation_id", "email")
    )


def receipt_recipients(group: ProjectGroup) -> list[str]:
    """The e-mail addresses of the active representatives of the group's companies, lead first."""
    rows = _representatives(group.members.values_list("organisation_id", flat=True))
    ordered = sorted(rows, key=lambda row: row[0] != group.lead_id)
    return list(dict.fromkeys(email for _org, email in ordered))


def send_templated(template: str, context: dict, recipients: list[str]) -> int:
    """Send the e-mail `programs/email/<template>/` to `recipients` (one e-mail, every recipient in To)."""
    return send_message(f"programs/email/{template}", context, to=list(recipients))


def send_receipt_email(*, group: ProjectGroup) -> int:
    """E-mail the submission receipt to the group's representatives.

    Returns the number of recipients; none when the proposal is not submitted.
    """
    recipients = receipt_recipients(group)
    if not group.proposal.is_submitted or not recipients:
        return 0
    context = {
        "group": group,
        "proposal": group.proposal,
        "programme": group.programme,
        "companies": [m.organisation.name for m in group.members.select_related("organisation")],
        "submitted_at": timezone.localtime(group.proposal.submitted_at),
        "attachments": list(group.proposal.attachments.all()),
    }
    send_templated("receipt", context, recipients)
    return len(recipients)


def send_partner_invitation_email(*, group: ProjectGroup, organisation_id: int) -> int:
    """Ask one invited partner's representatives to confirm its place (a link to the group's page).

    Returns the number of recipients; none once the partner has confirmed or left the group.
    """
    member = group.members.select_related("organisation").filter(organisation_id=organisation_id).first()
    if member is None or member.confirmed_at is not None:
        return 0
    recipients = [email for _org, email in _representatives([organisation_id])]
    if not recipients:
        return 0
    context = {
        "group": group,
        "programme": group.programme,
        "organisation": member.organisation,
        "lead": group.lead,
        "link": settings.SITE_URL + reverse("programs:group_detail", args=[group.pk]),
    }
    send_templated("invitation", context, recipients)
    return len(recipients)


def send_extension_email(*, group: ProjectGroup, until) -> int:
    """Tell the group's representatives that staff extended its deadline, and until when (Korean time)."""
    recipients = receipt_recipients(group)
    if not recipients:
        return 0
    context = {
        "group": group,
        "programme": group.programme,
        "until": timezone.localtime(until),
        "link": settings.SITE_URL + reverse("programs:group_detail", args=[group.pk]),
    }
    send_templated("extension", context, recipients)
    return len(recipients)


def send_session_email(*, session) -> int:
    """Tell the mentor and the group's representatives when and where a mentoring session takes place."""
    if session.starts_at is None:
        return 0
    group = session.group
    recipients = list(dict.fromkeys([*receipt_recipients(group), session.mentor.user.email]))
    context = {
        "group": group,
        "programme": group.programme,
        "session": session,
        "starts_at": timezone.localtime(session.starts_at),
        "link": settings.SITE_URL + reverse("programs:session_detail", args=[session.pk]),
    }
    send_templated("session", context, recipients)
    return len(recipients)
