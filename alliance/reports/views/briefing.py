"""The secretariat's pages of the quarterly briefing: the list and the generate form, one briefing (its text,
downloads, regenerate, freeze), editing a section's text, and the downloads (a frozen briefing's stored files)."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from alliance.core.downloads import file_response
from alliance.core.permissions import POST, permission_required
from alliance.core.versions import StaleEditError
from alliance.reports.documents import FORMATS
from alliance.reports.documents import render as render_file
from alliance.reports.forms.briefing import BriefingFreezeForm, BriefingGenerateForm, BriefingSectionForm
from alliance.reports.models import QuarterlyBriefing
from alliance.reports.queries.briefing.editing import section_text
from alliance.reports.services import briefing as services

MANAGE_BRIEFINGS = "reports.manage_briefings"


def _error(error: ValidationError) -> str:
    return " ".join(error.messages)


@permission_required(MANAGE_BRIEFINGS)
def briefing_list(request):
    today = timezone.localdate()
    form = BriefingGenerateForm(initial={"year": today.year, "quarter": (today.month - 1) // 3 + 1})
    briefings = QuarterlyBriefing.objects.select_related("meeting__body")
    return render(request, "reports/briefing/list.html", {"form": form, "briefings": briefings})


@permission_required(MANAGE_BRIEFINGS, methods=POST)
def briefing_generate(request):
    form = BriefingGenerateForm(request.POST)
    if form.is_valid():
        try:
            briefing = services.generate_briefing(actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            messages.error(request, _error(error))
        else:
            messages.success(request, _("Briefing generated from the platform's data."))
            return redirect(briefing)
    briefings = QuarterlyBriefing.objects.select_related("meeting__body")
    return render(request, "reports/briefing/list.html", {"form": form, "briefings": briefings}, status=400)


@permission_required(MANAGE_BRIEFINGS)
def briefing(request, pk: int):
    stored = get_object_or_404(QuarterlyBriefing.objects.select_related("meeting__body", "frozen_by"), pk=pk)
    context = {
        "briefing": stored,
        "document": services.stored_document(stored),
        "formats": FORMATS.values(),
        "freeze_form": BriefingFreezeForm(version=stored.version),
    }
    return render(request, "reports/briefing/detail.html", context)


@permission_required(MANAGE_BRIEFINGS, methods=POST)
def briefing_regenerate(request, pk: int):
    stored = get_object_or_404(QuarterlyBriefing, pk=pk)
    try:
        services.generate_briefing(actor=request.user, year=stored.year, quarter=stored.quarter, meeting=stored.meeting)
    except ValidationError as error:
        messages.error(request, _error(error))
    else:
        messages.success(request, _("Briefing generated again from the platform's data."))
    return redirect(stored)


@permission_required(MANAGE_BRIEFINGS)
def briefing_section(request, pk: int, section_key: str):
    stored = get_object_or_404(QuarterlyBriefing, pk=pk)
    section = services.stored_document(stored).section(section_key)
    if section is None or not section.editable or stored.is_frozen:
        raise Http404
    form = BriefingSectionForm(request.POST or None, initial={"text": section_text(section)}, version=stored.version)
    if request.method == "POST" and form.is_valid():
        try:
            services.edit_section(
                actor=request.user,
                briefing=stored,
                key=section_key,
                text=form.cleaned_data["text"],
                expected_version=form.loaded_version,
            )
        except StaleEditError as error:
            form.stale(error)
        except ValidationError as error:
            messages.error(request, _error(error))
        else:
            messages.success(request, _("Text saved."))
            return redirect(stored)
    return render(request, "reports/briefing/section.html", {"briefing": stored, "section": section, "form": form})


@permission_required(MANAGE_BRIEFINGS, methods=POST)
def briefing_freeze(request, pk: int):
    stored = get_object_or_404(QuarterlyBriefing, pk=pk)
    form = BriefingFreezeForm(request.POST, version=stored.version)
    form.is_valid()
    try:
        services.freeze_briefing(actor=request.user, briefing=stored, expected_version=form.loaded_version)
    except StaleEditError:
        messages.error(request, _("The briefing changed meanwhile; look at it again before freezing it."))
    except ValidationError as error:
        messages.error(request, _error(error))
    else:
        messages.success(request, _("Briefing frozen: its files are kept as sent."))
    return redirect(stored)


@permission_required(MANAGE_BRIEFINGS)
def briefing_download(request, pk: int, file_format: str):
    stored = get_object_or_404(QuarterlyBriefing, pk=pk)
    if file_format not in FORMATS:
        raise Http404
    spec = FORMATS[file_format]
    filename = f"{stored.title}{spec.extension}"
    if stored.is_frozen:
        kept = stored.files.filter(format=file_format).first()
        if kept is None:
            raise Http404
        return file_response(kept.file.open("rb"), filename=filename, content_type=spec.content_type, no_store=True)
    content = render_file(services.stored_document(stored), file_format)
    return file_response(content, filename=filename, content_type=spec.content_type, no_store=True)
