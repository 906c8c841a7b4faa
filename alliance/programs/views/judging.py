"""Evaluators' pages: their panels, the declaration of ties and the pledge, scoring criterion by criterion.

An evaluator sees only their own assignments (any other answers 404) and, until they have declared their
ties and signed the panel's pledge, no proposal at all. They never see another judge's scores.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from alliance.core import downloads
from alliance.core.company_facts import facts_for
from alliance.core.permissions import POST, permission_required
from alliance.members.models import Organisation
from alliance.programs.forms.judging import PledgeForm, ScoreForm, posted_id
from alliance.programs.models import Attachment, Criterion, GroupMember, Proposal
from alliance.programs.queries import judging as queries
from alliance.programs.rules.judging import evaluator_panel, own_assignment
from alliance.programs.services import assignment as assignment_service
from alliance.programs.services import panels as panel_service
from alliance.programs.services.assignment import panel_groups


@permission_required("programs.evaluate")
def judging_home(request):
    panels = queries.evaluator_panels(request.user)
    for panel in panels:
        ready = panel.ties_declared and panel.pledged
        panel.my_assignments = queries.evaluator_assignments(request.user, panel) if ready else []
    return render(request, "programs/judging/home.html", {"panels": panels})


def _participating_companies(panel):
    groups = panel_groups(panel)
    ids = set(GroupMember.objects.filter(group__in=groups).values_list("organisation_id", flat=True))
    return Organisation.objects.filter(pk__in=ids).order_by("name")


@permission_required("programs.judge_panel", object_level=True)
@require_http_methods(["GET", "POST"])
def judging_pledge(request, pk: int):
    panel = evaluator_panel(request.user, pk)
    membership = assignment_service.membership_of(request.user, panel.programme)
    form = PledgeForm(request.POST or None, companies=_participating_companies(panel))
    if request.method == "POST" and form.is_valid():
        try:
            assignment_service.declare_ties(
                user=request.user,
                programme=panel.programme,
                organisations=list(form.cleaned_data["ties"]),
                note=form.cleaned_data["note"],
            )
            panel_service.sign_pledge(user=request.user, panel=panel, signed_name=form.cleaned_data["signed_name"])
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Thank you. Your assigned proposals are now open to you."))
            return redirect("programs:judging_home")
    context = {
        "panel": panel,
        "form": form,
        "declared_ties": membership.ties.select_related("organisation"),
        "own_organisation": request.user.organisation,
        "pledged": request.user.has_perm("programs.see_proposals", panel),
    }
    return render(request, "programs/judging/pledge.html", context)


def _score_forms(assignment, user, data=None):
    scores = queries.own_scores(user, assignment.panel, assignment.group)
    forms = []
    for criterion in Criterion.objects.filter(track_id=assignment.group.track_id):
        score = scores.get(criterion.pk)
        initial = {"points": score.points, "comment": score.comment} if score else None
        forms.append((ScoreForm(data, criterion=criterion, initial=initial, closed=assignment.panel.is_closed), score))
    return forms


@permission_required("programs.score_assignment", object_level=True)
def judging_assignment(request, pk: int):
    assignment = own_assignment(request.user, pk)
    if not request.user.has_perm("programs.see_proposals", assignment.panel):
        return redirect("programs:judging_pledge", pk=assignment.panel_id)
    members = list(GroupMember.objects.filter(group=assignment.group).select_related("organisation"))
    # What the programme shows its evaluators about each company from other apps (core/company_facts.py).
    facts = facts_for(assignment.panel.programme.company_facts, [member.organisation_id for member in members])
    for member in members:
        member.shown_facts = facts.get(member.organisation_id, [])
    context = {
        "assignment": assignment,
        "group": assignment.group,
        "proposal": Proposal.objects.filter(group=assignment.group).prefetch_related("attachments").first(),
        "members": members,
        "score_forms": _score_forms(assignment, request.user),
    }
    return render(request, "programs/judging/assignment.html", context)


@permission_required("programs.score_assignment", object_level=True)
def judging_attachment(request, pk: int, attachment_pk: int):
    """A file of an assigned group's proposal, once the evaluator has declared and pledged; 404 otherwise."""
    assignment = own_assignment(request.user, pk)
    if not request.user.has_perm("programs.see_proposals", assignment.panel):
        raise Http404
    attachment = get_object_or_404(Attachment, pk=attachment_pk, proposal__group=assignment.group)
    return downloads.file_response(attachment.file.open("rb"), filename=attachment.original_name, content_type=None)


def _own_assignment_scope(request, pk: int) -> None:
    own_assignment(request.user, pk)


@permission_required("programs.score_assignment", object_level=True, methods=POST, scope=_own_assignment_scope)
def judging_score(request, pk: int):
    """Save one criterion (htmx answers the criterion's partial; without JavaScript, back to the page)."""
    assignment = own_assignment(request.user, pk)
    criterion = Criterion.objects.filter(pk=posted_id(request, "criterion"), track_id=assignment.group.track_id).first()
    if criterion is None:
        return redirect("programs:judging_assignment", pk=pk)
    form = ScoreForm(request.POST, criterion=criterion)
    score, saved = None, False
    if form.is_valid():
        try:
            score = panel_service.save_score(
                judge=request.user,
                panel=assignment.panel,
                group=assignment.group,
                criterion=criterion,
                points=form.cleaned_data["points"],
                comment=form.cleaned_data["comment"],
            )
            saved = True
        except ValidationError as error:
            form.add_error("points", error)
    if not request.htmx:
        if saved:
            messages.success(request, _("Saved."))
        else:
            messages.error(request, " ".join(message for errors in form.errors.values() for message in errors))
        return redirect("programs:judging_assignment", pk=pk)
    context = {"assignment": assignment, "form": form, "score": score, "saved": saved}
    return render(request, "programs/judging/_criterion.html", context)
