"""Background work of the events app: ids in, one service call (queued with core.tasks.enqueue_on_commit)."""

from django_tasks import task

from alliance.events.services.ticket_mail import send_invitation_email
from alliance.events.services.ticket_mail import send_ticket_email as send_ticket_message


@task
def send_ticket_email(registration_id: int, kind: str) -> int:
    """One registration's e-mail: confirmed, waiting, promoted, cancelled or reminder."""
    return send_ticket_message(registration_id=registration_id, kind=kind)


@task
def send_guest_invitation(invitation_id: int) -> int:
    """One invited guest's e-mail with their personal registration link."""
    return send_invitation_email(invitation_id=invitation_id)
