"""A member company's ethics self-check: the answer form (draft, submission), the result page and its PDF."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from alliance.core.downloads import PDF, file_response
from alliance.core.pdf import render_pdf
from alliance.core.permissions import permission_required, require_object_permission
from alliance.core.versions import StaleEditError
from alliance.regulation.forms import SelfCheckForm
from alliance.regulation.models import SelfCheck
from alliance.regulation.queries import current_checklist, previous_result
from alliance.regulation.queries.results import result_of
from alliance.regulation.services.selfcheck import save_answers, selfcheck_of


@permission_required("regulation.answer_selfcheck")
def selfcheck(request):
    """This year's checklist for the representative's company: the form until submitted, then its result."""
    year = timezone.localdate().year
    organisation = request.user.organisation
    existing = selfcheck_of(organisation.pk, year)
    if existing and existing.is_submitted:
        context = {"year": year, "submitted": existing, "history": _history(organisation)}
        return render(request, "regulation/selfcheck.html", context)
    checklist = existing.checklist if existing else current_checklist(year)
    if checklist is None:
        context = {"year": year, "checklist": None, "history": _history(organisation)}
        return render(request, "regulation/selfcheck.html", context)
    initial = {f"item_{key}": value for key, value in (existing.answers if existing else {}).items()}
    initial["share_result"] = existing.share_result if existing else False
    version = existing.version if existing else 0
    form = SelfCheckForm(request.POST or None, checklist=checklist, initial=initial, version=version)
    if request.method == "POST" and form.is_valid():
        submit = request.POST.get("action") == "submit"
        try:
            saved = save_answers(
                actor=request.user,
                organisation=organisation,
                year=year,
                answers=form.answers(),
                share_result=form.cleaned_data["share_result"],
                submit=submit,
                expected_version=form.loaded_version,
            )
        except StaleEditError as error:
            form.stale(error)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            if submit:
                messages.success(request, _("Self-check submitted."))
                return redirect("regulation:selfcheck_result", pk=saved.pk)
            messages.success(request, _("Draft saved. Submit it when every item is answered."))
            return redirect("regulation:selfcheck")
    context = {
        "year": year,
        "checklist": checklist,
        "form": form,
        "selfcheck": existing,
        "previous": previous_result(organisation.pk, year),
        "history": _history(organisation),
    }
    return render(request, "regulation/selfcheck.html", context)


def _history(organisation):
    return SelfCheck.objects.filter(organisation=organisation, submitted_at__isnull=False).order_by("-year")


def _submitted(request, pk: int) -> SelfCheck:
    found = get_object_or_404(SelfCheck.objects.select_related("checklist", "organisation"), pk=pk)
    require_object_permission(request.user, "regulation.view_selfcheck", found)
    if not found.is_submitted:
        raise Http404  # a draft has no result yet
    return found


@permission_required("regulation.view_selfcheck", object_level=True)
def selfcheck_result(request, pk: int):
    found = _submitted(request, pk)
    return render(request, "regulation/result.html", {"result": result_of(found), "checklist": found.checklist})


@permission_required("regulation.view_selfcheck", object_level=True)
def selfcheck_pdf(request, pk: int):
    found = _submitted(request, pk)
    content = render_pdf(
        "regulation/pdf/result.html", {"result": result_of(found), "checklist": found.checklist}, request=request
    )
    name = _("%(company)s ethics self-check %(year)s.pdf") % {"company": found.organisation.name, "year": found.year}
    return file_response(content, filename=name, content_type=PDF, inline=True, no_store=True)
