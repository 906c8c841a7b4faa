"""Staff edit a meeting's agenda and its papers; seat holders download the papers (the `meetings` area)."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from alliance.core import downloads
from alliance.core.permissions import POST, permission_required, require_object_permission
from alliance.core.versions import StaleEditError
from alliance.governance.forms.meetings import AgendaItemForm, PaperForm
from alliance.governance.models import AgendaItem, AgendaPaper, Meeting
from alliance.governance.services import agenda as service
from alliance.governance.views.meetings import error_text

SAVED = "governance:meeting_detail"


def _back(item_or_meeting):
    meeting_id = getattr(item_or_meeting, "meeting_id", None) or item_or_meeting.pk
    return redirect(SAVED, pk=meeting_id)


@permission_required("governance.manage_meetings")
def agenda_item_add(request, pk: int):
    meeting = get_object_or_404(Meeting.objects.select_related("body"), pk=pk)
    form = AgendaItemForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            service.add_agenda_item(actor=request.user, meeting=meeting, data=form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The agenda was updated."))
            return _back(meeting)
    return render(request, "governance/meetings/agenda_form.html", {"form": form, "meeting": meeting, "item": None})


@permission_required("governance.manage_meetings")
def agenda_item_edit(request, pk: int):
    item = get_object_or_404(AgendaItem.objects.select_related("meeting__body"), pk=pk)
    form = AgendaItemForm(request.POST or None, instance=AgendaItem.objects.get(pk=pk))
    if request.method == "POST" and form.is_valid():
        try:
            service.update_agenda_item(
                actor=request.user, item=item, data=form.cleaned_data, expected_version=form.loaded_version
            )
        except StaleEditError as error:
            form.stale(error)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The agenda was updated."))
            return _back(item)
    context = {"form": form, "meeting": item.meeting, "item": item, "paper_form": PaperForm()}
    return render(request, "governance/meetings/agenda_form.html", context)


@permission_required("governance.manage_meetings", methods=POST)
def agenda_item_move(request, pk: int):
    item = get_object_or_404(AgendaItem.objects.select_related("meeting"), pk=pk)
    try:
        service.move_agenda_item(actor=request.user, item=item, direction=request.POST.get("direction", ""))
    except ValidationError as error:
        messages.error(request, error_text(error))
    return redirect(f"{_back(item).url}#agenda")


@permission_required("governance.manage_meetings", methods=POST)
def agenda_item_remove(request, pk: int):
    item = get_object_or_404(AgendaItem.objects.select_related("meeting"), pk=pk)
    service.remove_agenda_item(actor=request.user, item=item)
    messages.success(request, _("%(title)s was removed from the agenda.") % {"title": item.title})
    return _back(item)


@permission_required("governance.manage_meetings", methods=POST)
def paper_add(request, pk: int):
    item = get_object_or_404(AgendaItem.objects.select_related("meeting"), pk=pk)
    form = PaperForm(request.POST, request.FILES)
    if not form.is_valid():
        messages.error(request, _("Choose a file to attach."))
    else:
        try:
            paper = service.add_paper(actor=request.user, item=item, upload=form.cleaned_data["file"])
        except ValidationError as error:
            messages.error(request, error_text(error))
        else:
            messages.success(request, _("%(name)s was attached.") % {"name": paper.original_name})
    return redirect("governance:agenda_item_edit", pk=item.pk)


@permission_required("governance.manage_meetings", methods=POST)
def paper_remove(request, pk: int):
    paper = get_object_or_404(AgendaPaper.objects.select_related("item__meeting"), pk=pk)
    service.remove_paper(actor=request.user, paper=paper)
    messages.success(request, _("%(name)s was removed.") % {"name": paper.original_name})
    return redirect("governance:agenda_item_edit", pk=paper.item_id)


@permission_required("governance.view_meeting", object_level=True)
def paper_download(request, pk: int):
    paper = AgendaPaper.objects.select_related("item__meeting").filter(pk=pk).first()
    if paper is None:
        raise Http404
    require_object_permission(request.user, "governance.view_meeting", paper.item.meeting)
    return downloads.file_response(
        paper.file.open("rb"), filename=paper.original_name, content_type=None, no_store=True
    )
