"""Staff's view of a delivery: its progress (the partial the ordering page includes, refreshed by htmx while
it is sending) and "send to the rest". Who may use them: whoever holds the ordering page's permission."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from alliance.core.delivery.ordering import resume_delivery
from alliance.core.delivery.progress import delivery_progress
from alliance.core.delivery.registry import mailing
from alliance.core.models import Delivery
from alliance.core.permissions import POST, permission_required, require_object_permission

PERMISSION = "core.manage_delivery"


def _delivery(request, pk: int) -> Delivery:
    delivery = get_object_or_404(Delivery, pk=pk)
    require_object_permission(request.user, PERMISSION, delivery)
    return delivery


def _delivery_scope(request, pk: int) -> None:
    _delivery(request, pk)


@permission_required(PERMISSION, object_level=True, methods=("GET", "HEAD"), scope=_delivery_scope)
def delivery_status(request, pk: int):
    progress = delivery_progress(_delivery(request, pk))
    return render(request, "core/delivery/_status.html", {"deliveries": [progress]})


@permission_required(PERMISSION, object_level=True, methods=POST, scope=_delivery_scope)
def delivery_resume(request, pk: int):
    delivery = _delivery(request, pk)
    try:
        pending = resume_delivery(actor=request.user, delivery=delivery)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        message = _("The e-mail is being sent to the %(count)s not reached yet.")
        messages.success(request, message % {"count": f"{pending:,}"})
    return redirect(mailing(delivery.kind).page_url(delivery))
