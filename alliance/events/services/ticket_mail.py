"""The e-mails of one registration (the worker side of services/registration.py and reminders.py).

Rule: a confirmed registration's e-mail (on registering, on moving up from the waiting list, and the reminder
the day before) carries the event's .ics (calendar.py) and the QR ticket (tickets.py) as a PNG encoding the
ticket's personal link, which the e-mail also gives, with the cancellation on the same page. A waiting-list
e-mail says the person's place in the list; a cancellation e-mail carries the .ics that removes the event
from calendars. The ticket's token is recomputed here (core/links.py), never passed to the task.
Also the invited guest's e-mail with their registration link (services/guests.py).
Side effects: sends one e-mail (core/mail.py); nothing written.
"""

from alliance.core.links import absolute_link
from alliance.core.mail import Attachment, send_message
from alliance.events.calendar import calendar_file
from alliance.events.models import GuestInvitation, Registration
from alliance.events.tickets import qr_png

KINDS = ("confirmed", "waiting", "promoted", "cancelled", "reminder")
ICS = "text/calendar; charset=utf-8; method={method}"


def ticket_url(registration: Registration) -> str:
    return absolute_link("events:ticket", registration.link_token())


def send_ticket_email(*, registration_id: int, kind: str) -> int:
    if kind not in KINDS:
        raise ValueError(kind)
    registration = Registration.objects.select_related("event").get(pk=registration_id)
    if not registration.email or registration.sent_at is None:
        return 0
    event = registration.event
    url = ticket_url(registration)
    attachments = []
    if kind in ("confirmed", "promoted", "reminder"):
        if registration.status != Registration.Status.CONFIRMED:
            return 0  # cancelled (or back on the list) since the e-mail was queued
        attachments = [
            Attachment("event.ics", calendar_file(event, url=url), ICS.format(method="PUBLISH")),
            Attachment("ticket-qr.png", qr_png(url), "image/png"),
        ]
    elif kind == "cancelled":
        attachments = [Attachment("event.ics", calendar_file(event, cancelled=True), ICS.format(method="CANCEL"))]
    position = (
        Registration.objects.filter(
            event=event, status=Registration.Status.WAITING, sequence__lte=registration.sequence
        ).count()
        if kind == "waiting"
        else None
    )
    context = {"registration": registration, "event": event, "kind": kind, "url": url, "position": position}
    return send_message("events/email/ticket", context, to=[registration.email], attachments=attachments)


def send_invitation_email(*, invitation_id: int) -> int:
    """An invited guest's e-mail with their personal registration link (services/guests.py)."""
    invitation = GuestInvitation.objects.select_related("event").get(pk=invitation_id)
    url = absolute_link("events:guest", invitation.link_token())
    context = {"invitation": invitation, "event": invitation.event, "url": url}
    return send_message("events/email/invitation", context, to=[invitation.email])
