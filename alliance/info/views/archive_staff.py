"""The staff's pages of the report archive: the reports with their files' extraction states, a report's
record and files (add, replace with a new version, extract again), and the publishers with their spellings."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from alliance.core.permissions import POST, permission_required
from alliance.core.versions import StaleEditError
from alliance.info.forms.archive import (
    NewPublisherForm,
    PublisherForm,
    ReplaceFileForm,
    ReportFilesForm,
    ReportForm,
    SpellingForm,
)
from alliance.info.models import ExtractionState, Publisher, PublisherVariant, Report, ReportFile
from alliance.info.queries.archive import current_files, report_files, tag_taxonomy
from alliance.info.services import archive, archive_publishers

MANAGE = "info.manage_archive"
PAGE_SIZE = 50


def _errors(request, error: ValidationError) -> None:
    for message in error.messages:
        messages.error(request, message)


@permission_required(MANAGE)
def manage_reports(request):
    """Every report with its files' states; those with a file not extracted first when asked."""
    reports = Report.objects.select_related("publisher").prefetch_related(current_files())
    problems = ~Q(files__extraction_state=ExtractionState.DONE) & Q(files__is_current=True)
    reports = reports.annotate(open_files=Count("files", filter=problems))
    if request.GET.get("problems"):
        reports = reports.filter(open_files__gt=0)
    page = Paginator(reports.order_by("-posted_on", "-id"), PAGE_SIZE).get_page(request.GET.get("page"))
    context = {
        "page": page,
        "problems_only": bool(request.GET.get("problems")),
        "state_counts": _state_counts(),
    }
    return render(request, "info/archive/manage/reports.html", context)


def _state_counts() -> list[tuple[str, str, int]]:
    """(state, label, number of current files) for every extraction state."""
    counts = dict(
        ReportFile.objects.filter(is_current=True)
        .values("extraction_state")
        .annotate(count=Count("id"))
        .values_list("extraction_state", "count")
    )
    return [(value, label, counts.get(value, 0)) for value, label in ExtractionState.choices]


def _report_form(request, report: Report | None):
    year = report.posted_on.year if report else timezone.localdate().year
    data = request.POST if request.method == "POST" else None
    return ReportForm(data, instance=report, taxonomy=tag_taxonomy(year))


def _tags(form) -> dict:
    return {
        "technologies": form.cleaned_data["technologies"] if "technologies" in form.fields else None,
        "application_fields": form.cleaned_data["application_fields"] if "application_fields" in form.fields else None,
    }


@permission_required(MANAGE)
def report_create(request):
    form = _report_form(request, None)
    files_form = ReportFilesForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid() and files_form.is_valid():
        values = {
            name: form.cleaned_data[name] for name in ("posted_on", "publisher", "title", "summary", "source_url")
        }
        tags = {name: value for name, value in _tags(form).items() if value is not None}
        try:
            report = archive.create_report(
                actor=request.user, uploads=files_form.cleaned_data["files"], **values, **tags
            )
        except ValidationError as error:
            _errors(request, error)
        else:
            messages.success(request, _("Report added. Its files' text is being extracted."))
            return redirect("info:archive_manage_report", pk=report.pk)
    return render(request, "info/archive/manage/report_form.html", {"form": form, "files_form": files_form})


@permission_required(MANAGE)
def report_edit(request, pk: int):
    report = get_object_or_404(Report.objects.select_related("publisher"), pk=pk)
    form = _report_form(request, report)
    if request.method == "POST" and form.is_valid():
        values = {
            name: form.cleaned_data[name] for name in ("posted_on", "publisher", "title", "summary", "source_url")
        }
        try:
            archive.update_report(
                actor=request.user, report=report, expected_version=form.loaded_version, **values, **_tags(form)
            )
        except StaleEditError as error:
            form.stale(error)
        except ValidationError as error:
            _errors(request, error)
        else:
            messages.success(request, _("Report saved."))
            return redirect("info:archive_manage_report", pk=report.pk)
    context = {
        "report": report,
        "form": form,
        "files": report_files(report),
        "files_form": ReportFilesForm(),
        "replace_form": ReplaceFileForm(),
    }
    return render(request, "info/archive/manage/report.html", context)


@permission_required(MANAGE, methods=POST)
def report_publication(request, pk: int):
    """게시 중단 (`published=0`) or 다시 게시 (`published=1`)."""
    report = get_object_or_404(Report, pk=pk)
    published = request.POST.get("published") == "1"
    archive.set_report_published(actor=request.user, report=report, published=published)
    if published:
        messages.success(request, _("The report is on the public site again."))
    else:
        messages.success(request, _("The report is off the public site: only staff see it."))
    return redirect("info:archive_manage_report", pk=report.pk)


@permission_required(MANAGE)
def report_delete(request, pk: int):
    """A confirmation page (what goes: the record, every file version, the search document), then the delete."""
    report = get_object_or_404(Report.objects.select_related("publisher"), pk=pk)
    if request.method == "POST":
        title = report.title
        archive.delete_report(actor=request.user, report=report)
        messages.success(request, _("Report “%(title)s” deleted with its files.") % {"title": title})
        return redirect("info:archive_manage")
    return render(request, "info/archive/manage/report_delete.html", {"report": report, "files": report_files(report)})


@permission_required(MANAGE, methods=POST)
def report_files_add(request, pk: int):
    report = get_object_or_404(Report, pk=pk)
    form = ReportFilesForm(request.POST, request.FILES)
    uploads = form.cleaned_data["files"] if form.is_valid() else []
    if not uploads:
        messages.error(request, _("Choose a file to attach."))
    for upload in uploads:
        try:
            archive.add_report_file(actor=request.user, report=report, upload=upload)
        except ValidationError as error:
            _errors(request, error)
        else:
            messages.success(request, _("%(name)s attached; its text is being extracted.") % {"name": upload.name})
    return redirect("info:archive_manage_report", pk=report.pk)


@permission_required(MANAGE, methods=POST)
def report_file_replace(request, pk: int):
    report_file = get_object_or_404(ReportFile, pk=pk)
    form = ReplaceFileForm(request.POST, request.FILES)
    if not form.is_valid():
        messages.error(request, _("Choose the file's new version."))
    else:
        try:
            new = archive.replace_report_file(
                actor=request.user, report_file=report_file, upload=form.cleaned_data["file"]
            )
        except ValidationError as error:
            _errors(request, error)
        else:
            messages.success(
                request, _("Version %(version)s uploaded; the earlier one is kept.") % {"version": new.version}
            )
    return redirect("info:archive_manage_report", pk=report_file.report_id)


@permission_required(MANAGE, methods=POST)
def report_file_extract(request, pk: int):
    report_file = get_object_or_404(ReportFile, pk=pk)
    archive.rerun_extraction(actor=request.user, report_file=report_file)
    messages.success(request, _("The text of %(name)s is being extracted again.") % {"name": report_file.original_name})
    return redirect("info:archive_manage_report", pk=report_file.report_id)


@permission_required(MANAGE)
def publishers(request):
    form = NewPublisherForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            publisher = archive_publishers.create_publisher(
                actor=request.user, name=form.cleaned_data["name"], variants=form.variant_list()
            )
        except ValidationError as error:
            _errors(request, error)
        else:
            messages.success(request, _("Publisher %(name)s added.") % {"name": publisher.name})
            return redirect("info:archive_publishers")
    listing = Publisher.objects.prefetch_related("variants").annotate(report_count=Count("reports"))
    return render(request, "info/archive/manage/publishers.html", {"form": form, "publishers": listing})


@permission_required(MANAGE)
def publisher_edit(request, pk: int):
    publisher = get_object_or_404(Publisher, pk=pk)
    rename_form = PublisherForm(initial={"name": publisher.name}, prefix="rename", version=publisher.version)
    spelling_form = SpellingForm(prefix="spelling")
    if request.method == "POST":
        if "rename-name" in request.POST:
            rename_form = PublisherForm(
                request.POST, initial={"name": publisher.name}, prefix="rename", version=publisher.version
            )
        spelling_form = (
            SpellingForm(request.POST, prefix="spelling") if "spelling-name" in request.POST else spelling_form
        )
        try:
            if rename_form.is_bound and rename_form.is_valid():
                archive_publishers.rename_publisher(
                    actor=request.user,
                    publisher=publisher,
                    name=rename_form.cleaned_data["name"],
                    expected_version=rename_form.loaded_version,
                )
                for name in rename_form.variant_list():
                    archive_publishers.add_variant(actor=request.user, publisher=publisher, name=name)
                messages.success(request, _("Publisher saved."))
                return redirect("info:archive_publisher", pk=publisher.pk)
            if spelling_form.is_bound and spelling_form.is_valid():
                archive_publishers.add_variant(
                    actor=request.user, publisher=publisher, name=spelling_form.cleaned_data["name"]
                )
                messages.success(request, _("Spelling added."))
                return redirect("info:archive_publisher", pk=publisher.pk)
        except StaleEditError as error:
            rename_form.stale(error)
        except ValidationError as error:
            _errors(request, error)
    context = {
        "publisher": publisher,
        "variants": publisher.variants.all(),
        "rename_form": rename_form,
        "spelling_form": spelling_form,
        "report_count": publisher.reports.count(),
    }
    return render(request, "info/archive/manage/publisher.html", context)


@permission_required(MANAGE, methods=POST)
def publisher_spelling_remove(request, pk: int):
    variant = get_object_or_404(PublisherVariant.objects.select_related("publisher"), pk=pk)
    archive_publishers.remove_variant(actor=request.user, variant=variant)
    messages.success(request, _("Spelling %(name)s removed.") % {"name": variant.name})
    return redirect("info:archive_publisher", pk=variant.publisher_id)
