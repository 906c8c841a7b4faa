"""Platform-operator filings: the company's list and form, the agency's and staff's list and review, the receipt
certificate, and the public check page."""

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from alliance.agencies.models import Agency
from alliance.core.downloads import PDF, XLSX, file_response
from alliance.core.permissions import POST, permission_required, public, require_object_permission
from alliance.core.versions import StaleEditError
from alliance.regulation import documents
from alliance.regulation.forms import FilingFilterForm, FilingForm, FilingReviewForm
from alliance.regulation.models import Filing, FilingKind, FilingState
from alliance.regulation.models.filing import THRESHOLD_WON
from alliance.regulation.queries.filings import filing_years, filings_listed, filings_of
from alliance.regulation.services import filings as service

VIEW, EDIT = "regulation.view_filing", "regulation.edit_filing"


def _render(request, template: str, context: dict):
    """Every filing page names the delegated agency (the legal-basis box)."""
    agency = Agency.objects.filter(short_name=settings.REGULATION_FILING_AGENCY).first()
    context["agency_name"] = agency.name if agency else settings.REGULATION_FILING_AGENCY
    return render(request, template, context)


def _filing(request, pk: int, permission: str = VIEW) -> Filing:
    filing = get_object_or_404(Filing.objects.select_related("organisation", "changes_filing"), pk=pk)
    require_object_permission(request.user, permission, filing)
    return filing


def _edit_scope(request, pk: int):
    _filing(request, pk, EDIT)


def _review_scope(request, pk: int):
    _filing(request, pk, "regulation.review_filing")


@permission_required("regulation.file_platform")
def my_filings(request):
    organisation = request.user.organisation
    context = {
        "filings": filings_of(organisation.pk).order_by("-created_at"),
        "changeable": service.changeable_filings(organisation.pk),
    }
    return _render(request, "regulation/my_filings.html", context)


def _form_page(request, filing: Filing | None):
    organisation = request.user.organisation
    changeable = service.changeable_filings(organisation.pk)
    initial = {}
    if filing is None:
        kind = request.GET.get("kind", FilingKind.NEW)
        initial = {"kind": kind if kind in FilingKind.values else FilingKind.NEW}
        base = changeable.filter(pk=request.GET.get("of") or 0).first() if request.GET.get("of", "").isdigit() else None
        if base is not None:
            initial |= {"changes_filing": base.pk} | {
                field: getattr(base, field) for field in service.FIELDS if field != "kind"
            }
        else:
            initial |= {"contact_name": request.user.name, "contact_email": request.user.email}
    form = FilingForm(
        request.POST or None, request.FILES or None, instance=filing, initial=initial, changeable=changeable
    )
    if request.method == "POST" and form.is_valid():
        data = {field: form.cleaned_data[field] for field in service.FIELDS}
        try:
            saved = service.save_filing(
                actor=request.user,
                organisation=organisation,
                data=data,
                changes_filing=form.cleaned_data.get("changes_filing"),
                evidence=form.cleaned_data.get("evidence_file"),
                filing=filing,
                expected_version=form.loaded_version,
            )
        except StaleEditError as error:
            form.stale(error)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            if saved.below_threshold:
                messages.info(
                    request, _("Not subject to filing: your revenue is below 100 million won. You may file anyway.")
                )
            messages.success(request, _("Filing saved as a draft. Submit it when it is complete."))
            return redirect("regulation:filing", pk=saved.pk)
    context = {"form": form, "filing": filing, "threshold": THRESHOLD_WON}
    return _render(request, "regulation/filing_form.html", context)


@permission_required("regulation.file_platform")
def filing_new(request):
    return _form_page(request, None)


@permission_required(EDIT, object_level=True)
def filing_edit(request, pk: int):
    filing = _filing(request, pk, EDIT)
    if filing.state not in (FilingState.DRAFT, FilingState.RETURNED):
        raise Http404
    return _form_page(request, filing)


@permission_required(VIEW, object_level=True)
def filing(request, pk: int):
    found = _filing(request, pk)
    if found.state == FilingState.DRAFT and not request.user.has_perm(EDIT, found):
        raise Http404  # a draft is the company's own
    context = {
        "filing": found,
        "may_edit": request.user.has_perm(EDIT, found) and found.state in (FilingState.DRAFT, FilingState.RETURNED),
        "may_review": request.user.has_perm("regulation.review_filing", found) and found.state == FilingState.SUBMITTED,
        "review_form": FilingReviewForm(),
    }
    return _render(request, "regulation/filing.html", context)


@permission_required(EDIT, object_level=True, methods=POST, scope=_edit_scope)
def filing_submit(request, pk: int):
    found = _filing(request, pk, EDIT)
    try:
        service.submit_filing(actor=request.user, filing=found)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Filing submitted to the delegated agency for review."))
    return redirect("regulation:filing", pk=found.pk)


@permission_required("regulation.review_filing", object_level=True, methods=POST, scope=_review_scope)
def filing_review(request, pk: int):
    found = _filing(request, pk, "regulation.review_filing")
    form = FilingReviewForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose a decision."))
        return redirect("regulation:filing", pk=found.pk)
    try:
        service.review_filing(
            actor=request.user,
            filing_id=found.pk,
            receive=form.cleaned_data["decision"] == "receive",
            note=form.cleaned_data["note"],
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Decision recorded."))
    return redirect("regulation:filing", pk=found.pk)


@permission_required(VIEW, object_level=True)
def filing_certificate(request, pk: int):
    found = _filing(request, pk)
    if found.state != FilingState.RECEIVED:
        raise Http404
    content = documents.certificate_pdf(found, request=request)
    name = _("Filing receipt %(number)s.pdf") % {"number": found.receipt_number}
    return file_response(content, filename=name, content_type=PDF, inline=True, no_store=True)


@permission_required(VIEW, object_level=True)
def filing_evidence(request, pk: int):
    found = _filing(request, pk)
    if not found.evidence:
        raise Http404
    return file_response(
        found.evidence.open("rb"), filename=found.evidence_name or "evidence", content_type=None, no_store=True
    )


def _filtered(request):
    form = FilingFilterForm(request.GET or None, years=filing_years())
    criteria = form.cleaned_data if form.is_valid() else {}
    filings = filings_listed(
        kind=criteria.get("kind") or "",
        platform_type=criteria.get("platform_type") or "",
        state=criteria.get("state") or "",
        year=criteria.get("year"),
    )
    return form, filings


@permission_required("regulation.view_filings")
def filing_list(request):
    form, filings = _filtered(request)
    return _render(request, "regulation/filing_list.html", {"form": form, "filings": filings})


@permission_required("regulation.view_filings")
def filing_xlsx(request):
    _form, filings = _filtered(request)
    return file_response(
        documents.filings_xlsx(filings), filename=_("Platform filings.xlsx"), content_type=XLSX, no_store=True
    )


@public
def filing_check(request, check_key: str):
    """Anyone holding the certificate's QR code: only the number, company, platform name, type, date and status."""
    found = Filing.objects.filter(check_token=check_key).select_related("organisation").first()
    if found is None or len(check_key) < 20:
        raise Http404
    return _render(request, "regulation/filing_check.html", {"filing": found})
