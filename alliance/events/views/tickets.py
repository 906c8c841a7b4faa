"""The personal-link pages: a ticket (its QR code, the event, cancelling) and an invited guest's
registration form. The URL's token is the only authority (core/links.py); an unknown token answers 404."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from alliance.core.downloads import PNG, file_response
from alliance.core.links import LinkGone, absolute_link, invitation_for_token
from alliance.core.permissions import personal_link
from alliance.events import queries
from alliance.events.forms import RegistrationForm
from alliance.events.models import GuestInvitation, Registration
from alliance.events.services import registration as registering
from alliance.events.tickets import qr_png
from alliance.events.views.common import error_text


def _ticket(token: str) -> Registration:
    try:
        return queries.registration_for_token(token)
    except Registration.DoesNotExist as error:
        raise Http404 from error


@personal_link
def ticket(request, ticket_token: str):
    registration = _ticket(ticket_token)
    if request.method == "POST":
        try:
            registering.cancel(registration=registration)
        except ValidationError as error:
            messages.error(request, error_text(error))
        else:
            messages.success(request, _("Your registration is cancelled."))
        return redirect("events:ticket", ticket_token=ticket_token)
    position = None
    if registration.status == Registration.Status.WAITING:
        position = queries.waiting_list(registration.event).filter(sequence__lte=registration.sequence).count()
    context = {"registration": registration, "event": registration.event, "token": ticket_token, "position": position}
    return render(request, "events/tickets/ticket.html", context)


@personal_link
def ticket_qr(request, ticket_token: str):
    registration = _ticket(ticket_token)
    if registration.status != Registration.Status.CONFIRMED:
        raise Http404
    png = qr_png(absolute_link("events:ticket", ticket_token))
    return file_response(png, filename="ticket-qr.png", content_type=PNG, inline=True, no_store=True)


@personal_link
def guest(request, guest_token: str):
    try:
        invitation = invitation_for_token(
            GuestInvitation.objects.select_related("event", "registration"), guest_token, is_open=lambda row: True
        )
    except GuestInvitation.DoesNotExist as error:
        raise Http404 from error
    except LinkGone:
        return render(request, "events/tickets/gone.html", status=410)
    event = invitation.event
    initial = {"name": invitation.name, "email": invitation.email, "organisation_name": invitation.organisation_name}
    initial["job_title"] = invitation.job_title
    form = RegistrationForm(request.POST or None, initial=initial, questions=event.questions.all())
    done = invitation.registration if invitation.registration and invitation.registration.is_live else None
    if request.method == "POST" and done is None and form.is_valid():
        data = form.cleaned_data
        try:
            done = registering.register(
                event=event,
                name=data["name"],
                email=data["email"],
                organisation_name=data["organisation_name"],
                organisation_type=data["organisation_type"],
                job_title=data["job_title"],
                source=Registration.Source.GUEST,
                answers=form.answers(),
                invitation=invitation,
            )
        except ValidationError as error:
            form.add_error(None, error_text(error))
    context = {"invitation": invitation, "event": event, "form": form, "done": done, "open": event.registration_open()}
    return render(request, "events/tickets/guest.html", context)
