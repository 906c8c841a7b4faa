"""Sending an edition: staff's button (confirmed: "N명에게 발송합니다", a preview and a test to oneself) and the
e-mail's preview. The edition page includes the partial `info/subscribers/_edition_stats.html` (the button, the
delivery's progress and the edition's figures) through `{% edition_delivery edition %}`."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from alliance.core.confirm import RECIPIENTS, Confirmation, confirmation_gate, email_preview_response
from alliance.core.permissions import POST, permission_required
from alliance.info.models import Edition
from alliance.info.services.newsletter_delivery import (
    edition_addressees,
    edition_message,
    edition_page,
    edition_refusals,
    marks_advertising,
    send_edition,
)

PERMISSION = "info.send_newsletter"


@permission_required(PERMISSION, methods=POST)
def edition_delivery_send(request, pk: int):
    edition = get_object_or_404(Edition, pk=pk)
    addressees = edition_addressees(edition)
    count = len(addressees)
    warnings = []
    if marks_advertising(edition):
        warnings.append(
            _(
                "This edition carries advertising: its subject starts with (광고), it states the sender and the "
                "free opt-out, and it goes only to the subscribers whose consent to advertising is current."
            )
        )
    confirmation = Confirmation(
        title=_("Send the newsletter"),
        summary=_(
            "The edition of %(day)s is sent to %(count)s recipients now, once; each e-mail carries the "
            "recipient's own one-click unsubscribe link."
        )
        % {"day": edition.publishing_date, "count": f"{count:,}"},
        count=count,
        unit=RECIPIENTS,
        names=[addressee.email for addressee in addressees],
        cancel_url=edition_page(edition),
        warnings=warnings,
        refusals=edition_refusals(edition, count=count),
        preview_url=reverse("info:edition_delivery_preview", args=[edition.pk]),
        sample_email=lambda: edition_message(edition, to=[request.user.email]),
    )
    if (page := confirmation_gate(request, confirmation)) is not None:
        return page
    try:
        send_edition(actor=request.user, edition=edition)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The newsletter is being sent to %(count)s recipients.") % {"count": f"{count:,}"})
    return redirect(edition_page(edition))


@permission_required(PERMISSION, methods=("GET", "HEAD"))
def edition_delivery_preview(request, pk: int):
    return email_preview_response(edition_message(get_object_or_404(Edition, pk=pk)))


@permission_required(PERMISSION, methods=("GET", "HEAD"))
def edition_delivery(request, pk: int):
    """The edition's delivery page: the send button until it is ordered, then its progress and figures."""
    return render(request, "info/subscribers/edition_delivery.html", {"edition": get_object_or_404(Edition, pk=pk)})


@permission_required(PERMISSION, methods=("GET", "HEAD"))
def edition_deliveries(request):
    """The editions with their delivery figures, newest first (reached from the subscribers' page)."""
    editions = Edition.objects.exclude(state=Edition.State.DRAFT).order_by("-publishing_date")[:60]
    return render(request, "info/subscribers/edition_deliveries.html", {"editions": editions})
