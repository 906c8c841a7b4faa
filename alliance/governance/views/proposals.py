"""Policy proposals: the year's list, a proposal with its history, drafting, moves, agencies' answers, and the
subcommittees' obligations against their plan."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from alliance.agencies.rules import liaison_agency_id
from alliance.core.bounds import parse_year
from alliance.core.permissions import POST, permission_required, require_object_permission
from alliance.core.versions import StaleEditError
from alliance.governance.forms.proposals import AnswerForm, MoveForm, ProposalForm
from alliance.governance.models import Body, Proposal, ProposalShare, ProposalVersion
from alliance.governance.queries import proposals as queries
from alliance.governance.services import proposals as service


def _year(request) -> int:
    return parse_year(request.GET.get("year")) or timezone.localdate().year


@permission_required("governance.view_proposals", methods=("GET",))
def proposal_list(request):
    year = _year(request)
    everything = request.user.has_perm("governance.move_proposal")
    proposals = queries.proposals_visible_to(
        request.user, year, everything=everything, agency_id=liaison_agency_id(request.user)
    )
    drafting_bodies = [
        body
        for body in queries.bodies_to_draft_in(request.user, year, everything=everything)
        if request.user.has_perm("governance.draft_proposal", body)
    ]
    context = {"year": year, "proposals": proposals, "drafting_bodies": drafting_bodies, "everything": everything}
    return render(request, "governance/proposal_list.html", context)


@permission_required("governance.draft_proposal", object_level=True)
def proposal_create(request, pk):
    body = get_object_or_404(Body, pk=pk)
    require_object_permission(request.user, "governance.draft_proposal", body)
    form = ProposalForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            proposal = service.create_proposal(
                body=body, by=request.user, title=form.cleaned_data["title"], text=form.cleaned_data["text"]
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Proposal drafted."))
            return redirect("governance:proposal_detail", pk=proposal.pk)
    return render(request, "governance/proposal_form.html", {"form": form, "body": body, "proposal": None})


@permission_required("governance.edit_proposal", object_level=True)
def proposal_edit(request, pk):
    proposal = get_object_or_404(Proposal.objects.select_related("body"), pk=pk)
    require_object_permission(request.user, "governance.edit_proposal", proposal)
    form = ProposalForm(
        request.POST or None, initial={"title": proposal.title, "text": proposal.text}, version=proposal.version
    )
    if request.method == "POST" and form.is_valid():
        try:
            service.edit_draft(
                proposal=proposal,
                by=request.user,
                title=form.cleaned_data["title"],
                text=form.cleaned_data["text"],
                expected_version=form.loaded_version,
            )
        except StaleEditError as error:
            form.stale(error)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Draft saved."))
            return redirect("governance:proposal_detail", pk=proposal.pk)
    return render(request, "governance/proposal_form.html", {"form": form, "body": proposal.body, "proposal": proposal})


def _proposal_in_scope(request, pk):
    require_object_permission(request.user, "governance.view_proposal", Proposal.objects.filter(pk=pk).first())


def _version_in_scope(request, pk):
    version = ProposalVersion.objects.filter(pk=pk).select_related("proposal").first()
    require_object_permission(request.user, "governance.view_proposal", version and version.proposal)


@permission_required("governance.view_proposal", object_level=True, methods=("GET",), scope=_proposal_in_scope)
def proposal_detail(request, pk):
    proposal = get_object_or_404(
        Proposal.objects.select_related("body", "adopted_at__body", "submitted_to__body", "decision"), pk=pk
    )
    require_object_permission(request.user, "governance.view_proposal", proposal)
    moves = service.allowed_moves(proposal)
    may_move = request.user.has_perm("governance.move_proposal") and bool(moves)
    shares = list(proposal.shares.select_related("agency", "answered_by"))
    context = {
        "proposal": proposal,
        "moves": proposal.moves.select_related("by", "meeting__body", "decision"),
        "versions": proposal.versions.all(),
        "shares": shares,
        "answerable": [share for share in shares if request.user.has_perm("governance.answer_proposal", share)],
        "move_form": MoveForm(proposal=proposal, moves=moves) if may_move else None,
        "may_edit": request.user.has_perm("governance.edit_proposal", proposal),
    }
    return render(request, "governance/proposal_detail.html", context)


@permission_required("governance.move_proposal", methods=POST)
def proposal_move(request, pk):
    proposal = get_object_or_404(Proposal.objects.select_related("body"), pk=pk)
    form = MoveForm(request.POST, proposal=proposal, moves=service.allowed_moves(proposal))
    if form.is_valid():
        data = form.cleaned_data
        try:
            service.move_proposal(
                proposal=proposal,
                to=data["to"],
                by=request.user,
                note=data["note"],
                meeting=data.get("meeting"),
                decision=data.get("decision"),
                agencies=list(data.get("agencies") or ()),
                shared_on=data.get("shared_on"),
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("The proposal's state was changed."))
    else:
        messages.error(request, _("Choose the next state."))
    return redirect("governance:proposal_detail", pk=proposal.pk)


@permission_required("governance.view_proposal", object_level=True, methods=("GET",), scope=_version_in_scope)
def proposal_version(request, pk):
    version = get_object_or_404(ProposalVersion.objects.select_related("proposal__body", "created_by"), pk=pk)
    require_object_permission(request.user, "governance.view_proposal", version.proposal)
    return render(request, "governance/proposal_version.html", {"version": version, "proposal": version.proposal})


@permission_required("governance.answer_proposal", object_level=True)
def proposal_answer(request, pk):
    share = get_object_or_404(ProposalShare.objects.select_related("proposal__body", "agency"), pk=pk)
    require_object_permission(request.user, "governance.answer_proposal", share)
    initial = {"answer": share.answer, "text": share.answer_text} if share.answered_at else None
    form = AnswerForm(request.POST or None, initial=initial, version=share.version)
    if request.method == "POST" and form.is_valid():
        try:
            service.record_agency_answer(
                share=share,
                by=request.user,
                answer=form.cleaned_data["answer"],
                text=form.cleaned_data["text"],
                expected_version=form.loaded_version,
            )
        except StaleEditError as error:
            form.stale(error)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Your answer was recorded."))
            return redirect("governance:proposal_detail", pk=share.proposal_id)
    return render(
        request, "governance/proposal_answer.html", {"form": form, "share": share, "proposal": share.proposal}
    )


@permission_required("governance.view_obligations", methods=("GET",))
def obligations(request):
    year = _year(request)
    today = timezone.localdate()
    as_of = min(today, today.replace(year=year, month=12, day=31)) if year <= today.year else today
    rows = queries.obligations(year, as_of=as_of)
    warnings = [warning for row in rows for warning in row.warnings]
    return render(
        request, "governance/obligations.html", {"year": year, "rows": rows, "warnings": warnings, "as_of": as_of}
    )
