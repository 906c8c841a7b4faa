"""The staff's edition builder: editions by month, one edition (its subject, items in sections, the candidate
pool), an item's edit page, ordering (htmx), the preview at desktop and phone widths, scheduling."""

import datetime

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from alliance.core.confirm import email_preview_response
from alliance.core.mail import render_message
from alliance.core.permissions import POST, permission_required
from alliance.core.versions import LOADED_FIELD, StaleEditError
from alliance.info.forms.newsletter import EditionForm, ItemForm, NewEditionForm, NewItemForm
from alliance.info.models import Edition, EditionItem
from alliance.info.queries import newsletter as queries
from alliance.info.queries.newsletter_calendar import next_publishing_day, publishing_dates
from alliance.info.services import newsletter_editions as editions

MANAGE = "info.manage_newsletter"
EMAIL_PREFIX = "info/newsletter/email"


def _errors(error: ValidationError) -> str:
    return " ".join(error.messages)


def _month(request) -> tuple[int, int]:
    today = timezone.localdate()
    try:
        year, month = (int(part) for part in request.GET.get("month", "").split("-"))
        datetime.date(year, month, 1)
    except (ValueError, OverflowError):  # not a month, or a year of twenty digits
        return today.year, today.month
    return year, month


def _shift(year: int, month: int, by: int) -> str:
    index = year * 12 + month - 1 + by
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


@permission_required(MANAGE)
def edition_list(request):
    year, month = _month(request)
    form = NewEditionForm(request.POST or None, initial={"publishing_date": next_publishing_day(timezone.localdate())})
    if request.method == "POST" and form.is_valid():
        try:
            edition = editions.create_edition(actor=request.user, publishing_date=form.cleaned_data["publishing_date"])
        except ValidationError as error:
            form.add_error("publishing_date", _errors(error))
        else:
            messages.success(request, _("Edition created."))
            return redirect("info:edition_detail", pk=edition.pk)
    first = datetime.date(year, month, 1)
    last = datetime.date.fromisoformat(_shift(year, month, 1) + "-01") - datetime.timedelta(days=1)
    by_day = {edition.publishing_date: edition for edition in queries.editions_of_month(year, month)}
    days = sorted(set(publishing_dates(first, last)) | set(by_day))
    context = {
        "form": form,
        "month": first,
        "previous_month": _shift(year, month, -1),
        "next_month": _shift(year, month, 1),
        "rows": [(day, by_day.get(day)) for day in days],
    }
    return render(request, "info/newsletter/staff/edition_list.html", context)


def _builder_context(edition: Edition, **extra) -> dict:
    return {
        "edition": edition,
        "sections": queries.edition_sections(edition),
        "candidates": queries.candidate_pool(edition) if edition.state == Edition.State.DRAFT else [],
        "item_form": extra.pop("item_form", None) or NewItemForm(),
        "form": extra.pop("form", None) or EditionForm(instance=edition),
        "advertising_marked": queries.marks_advertising(edition),
        **extra,
    }


@permission_required(MANAGE)
def edition_detail(request, pk: int):
    edition = get_object_or_404(Edition, pk=pk)
    form = EditionForm(request.POST or None, instance=edition)
    if request.method == "POST" and form.is_valid():
        try:
            editions.update_edition(
                actor=request.user,
                edition=edition,
                subject=form.cleaned_data["subject"],
                carries_advertising=form.cleaned_data["carries_advertising"],
                expected_version=form.loaded_version,
            )
        except StaleEditError as error:
            form.stale(error)
        except ValidationError as error:
            messages.error(request, _errors(error))
            return redirect("info:edition_detail", pk=edition.pk)
        else:
            messages.success(request, _("Edition saved."))
            return redirect("info:edition_detail", pk=edition.pk)
    return render(request, "info/newsletter/staff/edition_detail.html", _builder_context(edition, form=form))


@permission_required(MANAGE, methods=POST)
def edition_item_add(request, pk: int):
    """Adds a candidate from the pool (`candidate` = its key) or an item written by hand (the item form)."""
    edition = get_object_or_404(Edition, pk=pk)
    key = request.POST.get("candidate", "")
    try:
        if key:
            candidate = queries.find_candidate(edition, key)
            if candidate is None:
                raise ValidationError(_("This candidate is no longer available."))
            editions.add_item(
                actor=request.user,
                edition=edition,
                section=candidate.section,
                title=candidate.title,
                origin=candidate.origin,
                origin_id=candidate.origin_id,
                summary=candidate.summary,
                link=candidate.link,
                source=candidate.source,
                image_url=candidate.image_url,
                image_alt=candidate.image_alt,
            )
        else:
            form = NewItemForm(request.POST)
            if not form.is_valid():
                context = _builder_context(edition, item_form=form)
                return render(request, "info/newsletter/staff/edition_detail.html", context, status=400)
            data = form.cleaned_data
            editions.add_item(
                actor=request.user,
                edition=edition,
                section=data["section"],
                title=data["title"],
                summary=data["summary"],
                link=data["link"],
                tags=data["tags"],
                image_alt=data["image_alt"],
            )
    except ValidationError as error:
        messages.error(request, _errors(error))
    else:
        messages.success(request, _("Item added."))
    return redirect(reverse("info:edition_detail", kwargs={"pk": edition.pk}) + "#sections")


@permission_required(MANAGE)
def edition_item_edit(request, pk: int):
    item = get_object_or_404(EditionItem.objects.select_related("edition"), pk=pk)
    initial = {
        "title": item.title,
        "summary": item.summary,
        "link": item.link,
        "tags": ", ".join(item.tags),
        "image_alt": item.image_alt,
    }
    form = ItemForm(request.POST or None, initial=initial, version=item.version)
    if request.method == "POST" and form.is_valid():
        values = {name: value for name, value in form.cleaned_data.items() if name != LOADED_FIELD}
        try:
            editions.update_item(actor=request.user, item=item, expected_version=form.loaded_version, **values)
        except StaleEditError as error:
            form.stale(error)
        except ValidationError as error:
            form.add_error(None, _errors(error))
        else:
            messages.success(request, _("Item saved."))
            return redirect(reverse("info:edition_detail", kwargs={"pk": item.edition_id}) + "#sections")
    return render(request, "info/newsletter/staff/item_edit.html", {"item": item, "form": form})


@permission_required(MANAGE, methods=POST)
def edition_item_remove(request, pk: int):
    item = get_object_or_404(EditionItem, pk=pk)
    try:
        editions.remove_item(actor=request.user, item=item)
    except ValidationError as error:
        messages.error(request, _errors(error))
    else:
        messages.success(request, _("Item removed."))
    return redirect(reverse("info:edition_detail", kwargs={"pk": item.edition_id}) + "#sections")


@permission_required(MANAGE, methods=POST)
def edition_item_move(request, pk: int):
    """Up or down within its section; htmx swaps the sections in place, a plain POST goes back to the page."""
    item = get_object_or_404(EditionItem.objects.select_related("edition"), pk=pk)
    try:
        editions.move_item(actor=request.user, item=item, up=request.POST.get("direction") == "up")
    except ValidationError as error:
        messages.error(request, _errors(error))
    edition = Edition.objects.get(pk=item.edition_id)
    if request.headers.get("HX-Request"):
        return render(request, "info/newsletter/staff/_sections.html", _builder_context(edition))
    return redirect(reverse("info:edition_detail", kwargs={"pk": edition.pk}) + "#sections")


@permission_required(MANAGE)
def edition_preview(request, pk: int):
    edition = get_object_or_404(Edition, pk=pk)
    message = render_message(EMAIL_PREFIX, {"edition": edition}, to=[])
    context = {"edition": edition, "subject": message.subject, "text": message.body}
    return render(request, "info/newsletter/staff/preview.html", context)


@permission_required(MANAGE, methods=("GET", "HEAD"))
def edition_email(request, pk: int):
    """The e-mail's HTML alone, for the preview's sandboxed frames: its own policy allows inline styles only."""
    edition = get_object_or_404(Edition, pk=pk)
    if edition.state == Edition.State.SENT and edition.html:
        message = render_message(EMAIL_PREFIX, {"edition": edition}, to=[])
        message.alternatives = [(edition.html, "text/html")]
    else:
        message = render_message(EMAIL_PREFIX, {"edition": edition}, to=[])
    return email_preview_response(message)


@permission_required(MANAGE, methods=POST)
def edition_schedule(request, pk: int):
    edition = get_object_or_404(Edition, pk=pk)
    try:
        edition = editions.schedule_edition(actor=request.user, edition=edition)
    except ValidationError as error:
        messages.error(request, _errors(error))
    else:
        messages.success(request, _("Edition scheduled."))
    return redirect("info:edition_detail", pk=edition.pk)


@permission_required(MANAGE, methods=POST)
def edition_unschedule(request, pk: int):
    edition = get_object_or_404(Edition, pk=pk)
    try:
        edition = editions.unschedule_edition(actor=request.user, edition=edition)
    except ValidationError as error:
        messages.error(request, _errors(error))
    else:
        messages.success(request, _("Edition back to draft."))
    return redirect("info:edition_detail", pk=edition.pk)
