"""Staff's pages of the newsletter's subscribers: the list with filters and counts, its XLSX export, one
address with its consent history (and unsubscribing it on the person's request), the import of a list."""

import dataclasses

from django.contrib import messages
from django.core import signing
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from alliance.core.confirm import CONFIRMATION_MAX_AGE, RECIPIENTS, Confirmation, confirmation_gate
from alliance.core.downloads import XLSX, file_response
from alliance.core.permissions import permission_required
from alliance.core.spreadsheets import table_xlsx
from alliance.info.forms.subscribers import SubscriberImportForm
from alliance.info.models import Consent, Subscriber
from alliance.info.queries.subscribers import (
    SubscriberFilters,
    consent_history,
    filtered_subscribers,
    subscriber_counts,
)
from alliance.info.services import subscribers as service
from alliance.info.services.subscribers_import import COLUMNS as IMPORT_COLUMNS
from alliance.info.services.subscribers_import import ImportRow, import_subscribers, parse_import, plan_import

PERMISSION = "info.manage_subscribers"
PAGE_SIZE = 50
IMPORT_SALT = "alliance.info.subscriber_import"


def _filters(request) -> SubscriberFilters:
    states = {choice.value for choice in Subscriber.State}
    state = request.GET.get("state", "")
    kind = request.GET.get("kind", "")
    advertising = request.GET.get("advertising", "")
    return SubscriberFilters(
        state=state if state in states else "",
        kind=kind if kind in {"member", "public"} else "",
        advertising=advertising if advertising in {"yes", "no"} else "",
        query=request.GET.get("q", "").strip()[:100],
    )


@permission_required(PERMISSION)
def subscriber_list(request):
    filters = _filters(request)
    page = Paginator(filtered_subscribers(filters), PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    context = {
        "page": page,
        "filters": filters,
        "counts": subscriber_counts(),
        "states": Subscriber.State.choices,
        "query_string": query.urlencode(),
    }
    return render(request, "info/subscribers/staff_list.html", context)


def _kind_label(subscriber: Subscriber) -> str:
    return _("Member") if subscriber.is_member else _("Public")


@permission_required(PERMISSION, methods=("GET", "HEAD"))
def subscriber_export(request):
    rows = (
        (
            subscriber.email,
            subscriber.name,
            _kind_label(subscriber),
            subscriber.organisation.name if subscriber.organisation else "",
            subscriber.get_state_display(),
            _("yes") if subscriber.receives_advertising else _("no"),
            subscriber.subscribed_at,
            subscriber.advertising_confirmed_at,
            subscriber.hard_bounces,
        )
        for subscriber in filtered_subscribers(_filters(request)).iterator()
    )
    headers = [
        _("E-mail"),
        _("Name"),
        _("Member or public"),
        _("Organisation"),
        _("State"),
        _("Advertising consent"),
        _("Subscribed at"),
        _("Advertising consent confirmed at"),
        _("Hard bounces"),
    ]
    content = table_xlsx(headers, rows, title=_("Newsletter subscribers"))
    filename = _("newsletter-subscribers-%(day)s.xlsx") % {"day": timezone.localdate().isoformat()}
    return file_response(content, filename=filename, content_type=XLSX, no_store=True)


@permission_required(PERMISSION)
def subscriber_detail(request, pk: int):
    subscriber = get_object_or_404(Subscriber.objects.select_related("organisation", "user"), pk=pk)
    if request.method == "POST":
        note = request.POST.get("note", "").strip()[:300]
        changed = service.unsubscribe(subscriber=subscriber, source=Consent.Source.STAFF, actor=request.user, note=note)
        if changed:
            messages.success(request, _("The address is unsubscribed; the withdrawal is recorded."))
        else:
            messages.info(request, _("The address was not subscribed."))
        return redirect("info:subscriber_detail", pk=subscriber.pk)
    context = {
        "subscriber": subscriber,
        "history": consent_history(subscriber),
        "bounces": subscriber.bounces.all()[:20],
    }
    return render(request, "info/subscribers/staff_detail.html", context)


def _signed_rows(rows) -> str:
    return signing.dumps([dataclasses.astuple(row) for row in rows], salt=IMPORT_SALT, compress=True)


def _rows_from_signed(value: str):
    try:
        return [ImportRow(*row) for row in signing.loads(value, salt=IMPORT_SALT, max_age=CONFIRMATION_MAX_AGE)]
    except (signing.BadSignature, TypeError, ValueError):
        return None


@permission_required(PERMISSION)
def subscriber_import(request):
    """Upload → every problem by row and column, or the confirmation (N명 가져오기) → the import."""
    form = SubscriberImportForm(request.POST or None, request.FILES or None)
    rows = _rows_from_signed(request.POST.get("rows", "")) if request.method == "POST" else None
    if rows is None and request.method == "POST" and form.is_valid():
        try:
            rows = parse_import(form.cleaned_data["file"].read())
        except ValidationError as error:
            form.add_error("file", error)
    if rows is None:
        return render(request, "info/subscribers/staff_import.html", {"form": form, "columns": IMPORT_COLUMNS})
    plan = plan_import(rows)
    warnings = []
    if plan.already:
        message = _("%(count)s addresses are subscribed already and stay as they are.")
        warnings.append(message % {"count": len(plan.already)})
    if plan.withdrawn:
        message = _("%(count)s addresses unsubscribed earlier: a list does not subscribe them again.")
        warnings.append(message % {"count": len(plan.withdrawn)})
    confirmation = Confirmation(
        title=_("Import newsletter subscribers"),
        summary=_("These addresses are subscribed with the consent the file records (day, method, wording)."),
        count=len(plan.new),
        unit=RECIPIENTS,
        names=[row.email for row in plan.new],
        cancel_url=reverse("info:subscriber_import"),
        warnings=warnings,
        refusals=[] if plan.new else [_("No address in the file is new: nothing to import.")],
        carried={"rows": _signed_rows(rows)},
    )
    if (page := confirmation_gate(request, confirmation)) is not None:
        return page
    imported = import_subscribers(actor=request.user, rows=rows)
    messages.success(request, _("%(count)s subscribers imported with their consent records.") % {"count": imported})
    return redirect("info:subscriber_list")
