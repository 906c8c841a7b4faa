"""The business-field vocabulary staff keep: terms with their use and spellings, adding, renaming, spellings,
merging (confirmed first: it changes many organisations), and the members' proposals."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from alliance.core.confirm import ORGANISATIONS, Confirmation, confirmation_gate
from alliance.core.models import ReviewStatus
from alliance.core.permissions import permission_required
from alliance.core.versions import StaleEditError
from alliance.members import queries
from alliance.members.forms.vocabulary import MergeForm, ProposalReviewForm, TermNameForm, TermRenameForm
from alliance.members.models import BusinessField, BusinessFieldProposal
from alliance.members.services import field_proposals
from alliance.members.services.vocabulary import VocabularyError, add_term, add_variant, merge_terms, rename_term

SHOWN_ORGANISATIONS = 30


@permission_required("members.manage_registry")
@require_http_methods(["GET", "POST"])
def vocabulary(request):
    form = TermNameForm(request.POST or None, prefix="add")
    if request.method == "POST" and form.is_valid():
        try:
            term = add_term(actor=request.user, name=form.cleaned_data["name"])
        except VocabularyError as error:
            form.add_error("name", str(error))
        else:
            messages.success(request, _("The business field '%(name)s' was added.") % {"name": term.name})
            return redirect("members:vocabulary")
    q = request.GET.get("q", "").strip()[:60]
    context = {
        "terms": queries.vocabulary_terms(q),
        "q": q,
        "form": form,
        "proposals": BusinessFieldProposal.objects.filter(status=ReviewStatus.PENDING)
        .select_related("organisation")
        .order_by("submitted_at"),
    }
    return render(request, "members/vocabulary/list.html", context)


@permission_required("members.manage_registry")
@require_http_methods(["GET", "POST"])
def vocabulary_term(request, pk: int):
    term = get_object_or_404(BusinessField, pk=pk)
    action = request.POST.get("action")
    rename = TermRenameForm(
        request.POST if action == "rename" else None, prefix="rename", initial={"name": term.name}, version=term.version
    )
    variant = TermNameForm(request.POST if action == "variant" else None, prefix="variant")
    form = rename if action == "rename" else variant
    if request.method == "POST" and form.is_valid():
        try:
            if action == "rename":
                rename_term(
                    actor=request.user, field=term, name=form.cleaned_data["name"], expected_version=form.loaded_version
                )
            else:
                add_variant(actor=request.user, field=term, name=form.cleaned_data["name"])
        except StaleEditError as error:
            form.stale(error)
        except VocabularyError as error:
            form.add_error("name", str(error))
        else:
            messages.success(request, _("Saved."))
            return redirect("members:vocabulary_term", pk=pk)
    organisations = queries.organisations_with_field(term)
    context = {
        "term": term,
        "variants": term.variants.all(),
        "organisation_count": organisations.count(),
        "organisations": organisations[:SHOWN_ORGANISATIONS],
        "rename": rename,
        "variant": variant,
        "merge": MergeForm(source=term),
    }
    return render(request, "members/vocabulary/term.html", context)


@permission_required("members.manage_registry")
@require_POST
def vocabulary_merge(request, pk: int):
    source = get_object_or_404(BusinessField, pk=pk)
    form = MergeForm(request.POST, source=source)
    if not form.is_valid():
        messages.error(request, _("Choose the business field to merge into."))
        return redirect("members:vocabulary_term", pk=pk)
    target = form.cleaned_data["target"]
    if (page := confirmation_gate(request, _merge_confirmation(source, target))) is not None:
        return page
    merge_terms(actor=request.user, source=source, target=target)
    messages.success(
        request, _("'%(source)s' was merged into '%(target)s'.") % {"source": source.name, "target": target.name}
    )
    return redirect("members:vocabulary_term", pk=target.pk)


def _merge_confirmation(source: BusinessField, target: BusinessField) -> Confirmation:
    names = list(queries.organisations_with_field(source).values_list("name", flat=True))
    return Confirmation(
        title=_("Merge business fields"),
        summary=_(
            "'%(source)s' is merged into '%(target)s': its organisations get '%(target)s', and '%(source)s'"
            " stays only as a spelling that means '%(target)s'."
        )
        % {"source": source.name, "target": target.name},
        count=len(names),
        unit=ORGANISATIONS,
        names=names,
        cancel_url=reverse("members:vocabulary_term", args=[source.pk]),
    )


@permission_required("members.manage_registry")
@require_http_methods(["GET", "POST"])
def field_proposal_review(request, pk: int):
    proposal = get_object_or_404(
        BusinessFieldProposal.objects.select_related("organisation", "proposed_by", "reviewed_by", "term"), pk=pk
    )
    form = ProposalReviewForm(request.POST or None, initial={"action": "accept"})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            if data["action"] == "accept":
                field_proposals.accept_proposal(actor=request.user, proposal=proposal)
            elif data["action"] == "map":
                field_proposals.map_proposal(actor=request.user, proposal=proposal, term=data["term"])
            else:
                field_proposals.reject_proposal(actor=request.user, proposal=proposal, note=data["note"])
        except (ValidationError, VocabularyError) as error:
            form.add_error(None, error.messages if isinstance(error, ValidationError) else str(error))
        else:
            messages.success(request, _("The proposal was decided."))
            return redirect("members:vocabulary")
    suggestions = queries.vocabulary_terms(proposal.name[:2]) if proposal.is_pending else []
    context = {"proposal": proposal, "form": form, "suggestions": suggestions[:10]}
    return render(request, "members/vocabulary/proposal.html", context)
