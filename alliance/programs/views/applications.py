"""Applying (member representatives) and the secretariat's view of the applications.

A representative sees only the groups its organisation is in; anyone else gets 404 (rules.visible_group).
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.forms.models import model_to_dict
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from alliance.core import downloads
from alliance.core.permissions import POST, permission_required
from alliance.core.versions import StaleEditError
from alliance.programs import phrases, queries
from alliance.programs.forms.applications import (
    AttachmentForm,
    ExtensionForm,
    GroupForm,
    PartnerForm,
    ProposalForm,
)
from alliance.programs.forms.mentoring import InterimResultForm
from alliance.programs.models import Attachment, GroupMember, Proposal
from alliance.programs.queries import mentoring as mentoring_queries
from alliance.programs.queries import support as support_queries
from alliance.programs.rules import visible_group
from alliance.programs.services import applications as service
from alliance.programs.services import stage_results
from alliance.programs.uploads import ALLOWED_EXTENSIONS


def _programme_of_year(year: int):
    programme = queries.programme_for_year(year)
    if programme is None:
        raise Http404
    return programme


def _error_text(error: ValidationError) -> str:
    return " ".join(error.messages)


@permission_required("programs.apply")
def my_groups(request):
    groups = queries.groups_of_organisation(request.user.organisation_id)
    context = {"groups": groups, "open_programmes": queries.programmes_with_open_call()}
    return render(request, "programs/apply/my_groups.html", context)


@permission_required("programs.apply")
def apply_home(request, year: int):
    programme = _programme_of_year(year)
    groups = list(queries.groups_of_organisation(request.user.organisation_id, programme))
    for group in groups:  # a released stage's verdict says more than "submitted"
        group.verdict = stage_results.headline(stage_results.released_stages(group, request.user))
    context = {
        "programme": programme,
        "groups": groups,
        "call": queries.stage(programme, "call"),
        "can_form": not groups and queries.call_is_open(programme),
    }
    return render(request, "programs/apply/home.html", context)


@permission_required("programs.apply")
@require_http_methods(["GET", "POST"])
def group_create(request, year: int):
    programme = _programme_of_year(year)
    form = GroupForm(request.POST or None, programme=programme)
    if request.method == "POST" and form.is_valid():
        try:
            group = service.form_group(
                actor=request.user,
                programme=programme,
                track=form.cleaned_data["track"],
                name=form.cleaned_data["name"],
                partner_names=form.partner_names(),
                mentoring_field=form.cleaned_data["mentoring_field"],
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The group was formed. Each partner's representative must now confirm."))
            return redirect("programs:group_detail", pk=group.pk)
    return render(request, "programs/apply/group_form.html", {"programme": programme, "form": form})


@permission_required("programs.view_group", object_level=True)
def group_detail(request, pk: int):
    group = visible_group(request.user, pk)
    user = request.user
    is_lead = user.has_perm("programs.change_group", group)
    own_member = next((m for m in group.members.all() if m.organisation_id == user.organisation_id), None)
    stages = stage_results.released_stages(group, user)
    context = {
        "stages": stages,
        "verdict": stage_results.headline(stages),
        "group": group,
        "proposal": group.proposal,
        "is_lead": is_lead,
        "is_secretariat": user.has_perm("programs.manage_programme"),
        "awaiting_my_confirmation": own_member is not None and own_member.confirmed_at is None,
        "is_open": queries.is_open_for_edits(group),
        "deadline": queries.deadline_for(group),
        "missing": service.missing_for_submission(group) if not group.proposal.is_submitted else [],
        "proposal_rows": [
            (Proposal._meta.get_field(field).verbose_name, getattr(group.proposal, field))
            for field in service.PROPOSAL_FIELDS
        ],
        "mentoring_sessions": mentoring_queries.sessions_of_group(group),
        "interim_results": mentoring_queries.interim_results_of_group(group),
        "support_grants": support_queries.grants_of_group(group),
        "interim_form": InterimResultForm(),
        "partner_form": PartnerForm(),
        "attachment_form": AttachmentForm(),
        "allowed": ", ".join(extension.upper() for extension in ALLOWED_EXTENSIONS),
    }
    return render(request, "programs/apply/group_detail.html", context)


def _editable_group(user, pk: int):
    """The group if `user` leads it; 404 for anyone else (also for staff, who do not write proposals)."""
    group = visible_group(user, pk)
    if not user.has_perm("programs.change_group", group):
        raise Http404(phrases.NOT_FOUND)
    return group


def _editable_group_scope(request, pk: int, **_kwargs) -> None:
    _editable_group(request.user, pk)


def _visible_group_scope(request, pk: int) -> None:
    visible_group(request.user, pk)


@permission_required("programs.change_group", object_level=True)
@require_http_methods(["GET", "POST"])
def proposal_edit(request, pk: int):
    group = _editable_group(request.user, pk)
    initial = model_to_dict(group.proposal, fields=service.PROPOSAL_FIELDS)
    form = ProposalForm(request.POST or None, initial=initial, version=group.proposal.version)
    if request.method == "POST" and form.is_valid():
        try:
            service.save_proposal(
                actor=request.user, group=group, data=form.cleaned_data, expected_version=form.loaded_version
            )
        except StaleEditError as error:
            form.stale(error)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The draft was saved."))
            return redirect("programs:group_detail", pk=pk)
    context = {"group": group, "form": form, "is_open": queries.is_open_for_edits(group)}
    return render(request, "programs/apply/proposal_form.html", context)


@permission_required("programs.change_group", object_level=True, methods=POST, scope=_editable_group_scope)
def partner_add(request, pk: int):
    group = _editable_group(request.user, pk)
    form = PartnerForm(request.POST)
    if form.is_valid():
        try:
            member = service.invite_partner(
                actor=request.user, group=group, company_name=form.cleaned_data["company_name"]
            )
        except ValidationError as error:
            messages.error(request, _error_text(error))
        else:
            messages.success(request, _("%(name)s was invited.") % {"name": member.organisation.name})
    else:
        messages.error(request, _("Type the name of a member company."))
    return redirect("programs:group_detail", pk=pk)


@permission_required("programs.change_group", object_level=True, methods=POST, scope=_editable_group_scope)
def partner_remove(request, pk: int, member_pk: int):
    group = _editable_group(request.user, pk)
    member = get_object_or_404(GroupMember.objects.select_related("organisation", "group"), pk=member_pk, group=group)
    try:
        service.remove_partner(actor=request.user, member=member)
    except ValidationError as error:
        messages.error(request, _error_text(error))
    else:
        messages.success(request, _("%(name)s was removed from the group.") % {"name": member.organisation.name})
    return redirect("programs:group_detail", pk=pk)


@permission_required("programs.view_group", object_level=True, methods=POST, scope=_visible_group_scope)
def partner_confirm(request, pk: int):
    group = visible_group(request.user, pk)
    try:
        service.confirm_partner(actor=request.user, group=group)
    except ValidationError as error:
        messages.error(request, _error_text(error))
    else:
        messages.success(request, _("Your organisation's place in the group is confirmed."))
    return redirect("programs:group_detail", pk=pk)


@permission_required("programs.change_group", object_level=True, methods=POST, scope=_editable_group_scope)
def attachment_add(request, pk: int):
    group = _editable_group(request.user, pk)
    form = AttachmentForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            attachment = service.add_attachment(actor=request.user, group=group, upload=form.cleaned_data["file"])
        except ValidationError as error:
            messages.error(request, _error_text(error))
        else:
            messages.success(request, _("%(name)s was attached.") % {"name": attachment.original_name})
    else:
        messages.error(request, _("Choose a file to attach."))
    return redirect("programs:group_detail", pk=pk)


def _visible_attachment(user, pk: int) -> Attachment:
    attachment = Attachment.objects.select_related("proposal").filter(pk=pk).first()
    if attachment is None:
        raise Http404
    visible_group(user, attachment.proposal.group_id)
    return attachment


def _editable_attachment_scope(request, pk: int) -> None:
    _editable_group(request.user, _visible_attachment(request.user, pk).proposal.group_id)


@permission_required("programs.view_group", object_level=True)
def attachment_download(request, pk: int):
    attachment = _visible_attachment(request.user, pk)
    return downloads.file_response(attachment.file.open("rb"), filename=attachment.original_name, content_type=None)


@permission_required("programs.change_group", object_level=True, methods=POST, scope=_editable_attachment_scope)
def attachment_remove(request, pk: int):
    attachment = _visible_attachment(request.user, pk)
    group = _editable_group(request.user, attachment.proposal.group_id)
    try:
        service.remove_attachment(actor=request.user, attachment=attachment)
    except ValidationError as error:
        messages.error(request, _error_text(error))
    else:
        messages.success(request, _("%(name)s was removed.") % {"name": attachment.original_name})
    return redirect("programs:group_detail", pk=group.pk)


@permission_required("programs.change_group", object_level=True, methods=POST, scope=_editable_group_scope)
def proposal_submit(request, pk: int):
    group = _editable_group(request.user, pk)
    try:
        service.submit_proposal(actor=request.user, group=group)
    except ValidationError as error:
        messages.error(request, _error_text(error))
    else:
        messages.success(request, _("The proposal was submitted. A receipt was sent by e-mail."))
    return redirect("programs:group_detail", pk=pk)


# ---------------------------------------------------------------- secretariat


@permission_required("programs.manage_programme")
def group_list(request, pk: int):
    programme = queries.programme_setup(pk)
    if programme is None:
        raise Http404
    track_code = request.GET.get("track", "")
    status = request.GET.get("status", "")
    if status not in Proposal.Status.values:
        status = ""
    groups = queries.groups_for_staff(programme, track_code=track_code, status=status)
    context = {
        "programme": programme,
        "groups": groups,
        "track_code": track_code,
        "status": status,
        "statuses": Proposal.Status.choices,
        "deadline": queries.call_deadline(programme),
    }
    return render(request, "programs/manage/groups.html", context)


@permission_required("programs.manage_programme")
@require_http_methods(["GET", "POST"])
def extension_grant(request, pk: int):
    group = queries.group_detail(pk)
    if group is None:
        raise Http404
    form = ExtensionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            service.grant_extension(actor=request.user, group=group, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The deadline was extended for %(group)s.") % {"group": group.name})
            return redirect("programs:group_detail", pk=pk)
    context = {"group": group, "form": form, "deadline": queries.deadline_for(group)}
    return render(request, "programs/manage/extension_form.html", context)
