"""The report archive (`/metabus_trends_reports`): publishers, reports and their files with the extracted text.

A publisher (발행기관) is kept by staff with the spellings it is written in (KISTEP / 한국과학기술기획평가원);
`key` is the spelling reduced by `alliance.core.korean.search_key`, so a written name finds its publisher
whatever its case, spacing or corporate form. A report's files keep their versions: replacing a file adds a
new current row and keeps the old one (`is_current` false), numbered on. Each file's text is extracted in
the background (alliance/info/extraction/); an encrypted or distribution-locked (배포용) file is recorded as
such and has no text.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from alliance.core.versions import version_field

__all__ = ["ExtractionState", "FileFormat", "Publisher", "PublisherVariant", "Report", "ReportFile"]


class Publisher(models.Model):
    """A report's publisher (발행기관), from the list staff keep."""

    name = models.CharField(_("name"), max_length=100, unique=True)
    key = models.CharField(max_length=100, unique=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)

    # The rename form's lost-update check (core.versions): any staff member.
    version = version_field()

    class Meta:
        ordering = ["name"]
        verbose_name = _("publisher")
        verbose_name_plural = _("publishers")

    def __str__(self):
        return self.name


class PublisherVariant(models.Model):
    """Another spelling of a publisher's name (한국과학기술기획평가원 for KISTEP, Deloitte for 딜로이트)."""

    publisher = models.ForeignKey(Publisher, on_delete=models.CASCADE, related_name="variants")
    name = models.CharField(_("spelling"), max_length=100)
    key = models.CharField(max_length=100, unique=True, editable=False)

    class Meta:
        ordering = ["publisher", "name"]
        verbose_name = _("publisher spelling")
        verbose_name_plural = _("publisher spellings")

    def __str__(self):
        return self.name


class Report(models.Model):
    """One report of the archive: seed 001's 연번, 게시일, 발행기관, 제목, with a summary, source and tags.

    Tags are the ecosystem map's two facets (core technologies and application fields) of a year's taxonomy;
    the public filter names a tag, so a report tagged with 2025's 디지털 트윈 and one tagged with 2026's are
    found together.
    """

    posted_on = models.DateField(_("posted on"), db_index=True)
    publisher = models.ForeignKey(Publisher, on_delete=models.PROTECT, related_name="reports")
    title = models.CharField(_("title"), max_length=300)
    summary = models.TextField(_("summary"), max_length=5000, blank=True)
    source_url = models.URLField(_("source link"), max_length=500, blank=True)
    technologies = models.ManyToManyField(
        "ecosystem.Technology", blank=True, related_name="archive_reports", verbose_name=_("core technologies")
    )
    application_fields = models.ManyToManyField(
        "ecosystem.ApplicationField", blank=True, related_name="archive_reports", verbose_name=_("application fields")
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    # Staff take a report off the public site (게시 중단) without deleting it: hidden from the list, the search,
    # the export, its page and files, the front page and the newsletter's candidates; staff still see it.
    published = models.BooleanField(_("shown on the public site"), default=True)

    # The record form's lost-update check (core.versions): any staff member.
    version = version_field()

    class Meta:
        ordering = ["-posted_on", "-id"]
        verbose_name = _("archived report")
        verbose_name_plural = _("archived reports")

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("info:archive_report", args=[self.pk])

    @property
    def tag_names(self) -> list[str]:
        """The report's tags, technologies first (reads the prefetched relations when there are)."""
        return [tag.name for tag in self.technologies.all()] + [tag.name for tag in self.application_fields.all()]


class FileFormat(models.TextChoices):
    PDF = "pdf", "PDF"
    HWP = "hwp", "HWP"
    HWPX = "hwpx", "HWPX"
    DOCX = "docx", "DOCX"
    PPTX = "pptx", "PPTX"


class ExtractionState(models.TextChoices):
    PENDING = "pending", pgettext_lazy("text extraction", "Pending")
    DONE = "done", pgettext_lazy("text extraction", "Extracted")
    FAILED = "failed", pgettext_lazy("text extraction", "Failed")
    ENCRYPTED = "encrypted", pgettext_lazy("text extraction", "Password protected")
    DISTRIBUTION_LOCKED = "distribution", pgettext_lazy("text extraction", "Distribution document (locked)")
    UNSUPPORTED = "unsupported", pgettext_lazy("text extraction", "Format not readable")


class ReportFile(models.Model):
    """One version of a report's file (PDF, HWP, HWPX, DOCX, PPTX) and the text extracted from it.

    Replacing a file adds a new row with `replaces` pointing at the one it replaces, `version` one more, and
    takes `is_current` from it; the old row and its stored file stay.
    """

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="files")
    file = models.FileField(_("file"), upload_to="info/reports/%Y/", max_length=300)
    original_name = models.CharField(_("file name"), max_length=200)
    format = models.CharField(_("format"), max_length=8, choices=FileFormat.choices)
    size = models.PositiveBigIntegerField(_("size"), default=0)
    version = models.PositiveSmallIntegerField(_("version"), default=1)
    replaces = models.OneToOneField(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="replaced_by"
    )
    is_current = models.BooleanField(_("current"), default=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    uploaded_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)
    extraction_state = models.CharField(
        _("text extraction"), max_length=12, choices=ExtractionState.choices, default=ExtractionState.PENDING
    )
    extracted_text = models.TextField(blank=True)
    page_count = models.PositiveIntegerField(_("pages"), null=True, blank=True)
    extraction_error = models.CharField(_("extraction problem"), max_length=500, blank=True)
    extracted_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["report", "-is_current", "original_name", "-version"]
        verbose_name = _("report file")
        verbose_name_plural = _("report files")
        indexes = [models.Index(fields=["extraction_state"], name="info_reportfile_state")]
        constraints = [
            models.CheckConstraint(condition=Q(version__gte=1), name="info_reportfile_version_from_one"),
        ]

    def __str__(self):
        return f"{self.original_name} (v{self.version})"

    def get_absolute_url(self):
        return reverse("info:archive_file", args=[self.pk])

    @property
    def has_text(self) -> bool:
        return self.extraction_state == ExtractionState.DONE and bool(self.extracted_text)
