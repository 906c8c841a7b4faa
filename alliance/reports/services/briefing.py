"""Writes of the stored quarterly briefing: generate (or regenerate) it from live data, edit a section's text,
freeze it as sent.

Rules: one stored briefing per quarter and steering meeting (one without a meeting per quarter); a frozen
briefing is never changed again — not regenerated, not edited; only staff call these (the views declare it).
"""

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from alliance.core.audit import record_audit
from alliance.core.versions import bump_version, check_version
from alliance.governance.models import Meeting
from alliance.reports.documents import FORMATS, render
from alliance.reports.models import BriefingFile, QuarterlyBriefing
from alliance.reports.queries.briefing import build_briefing
from alliance.reports.queries.briefing.document import Briefing
from alliance.reports.queries.briefing.editing import apply_text, section_text


def _refuse_frozen(briefing: QuarterlyBriefing) -> None:
    if briefing.is_frozen:
        raise ValidationError(_("This briefing is frozen as sent; it can no longer change."))


def generate_briefing(*, actor, year: int, quarter: int, meeting: Meeting | None = None) -> QuarterlyBriefing:
    """Rule: builds the briefing of the quarter (for `meeting`, a steering meeting dated in it) from live data;
    an existing draft for the same quarter and meeting is replaced (staff's edits with it), a frozen one refused.
    The document is written in Korean whatever the language of the page that asked (it is the committee's paper).
    Side effects: the stored briefing (its version moves on); audit `reports.briefing.generated`."""
    with translation.override("ko"):
        document = build_briefing(year, quarter, meeting)
    now = timezone.now()
    with transaction.atomic():
        briefing = (
            QuarterlyBriefing.objects.select_for_update().filter(year=year, quarter=quarter, meeting=meeting).first()
        )
        if briefing is None:
            briefing = QuarterlyBriefing(year=year, quarter=quarter, meeting=meeting)
        else:
            _refuse_frozen(briefing)
            bump_version(briefing)
        briefing.title = document.title[:300]
        briefing.content = document.as_dict()
        briefing.generated_at, briefing.generated_by, briefing.edited_at = now, actor, None
        briefing.save()
        record_audit(
            action="reports.briefing.generated",
            actor=actor,
            target=briefing,
            after={"year": year, "quarter": quarter, "as_of": document.as_of.isoformat()},
        )
    return briefing


def stored_document(briefing: QuarterlyBriefing) -> Briefing:
    return Briefing.from_dict(briefing.content)


def edit_section(*, actor, briefing: QuarterlyBriefing, key: str, text: str, expected_version: int | None) -> None:
    """Rule: replaces the paragraphs of one editable section by `text` (one a line; its tables kept); refused
    when frozen, when the section does not exist or is not editable, or (core.versions.StaleEditError) when the
    briefing changed since `expected_version`.
    Side effects: the content and version; audit `reports.briefing.edited` with the section's text before/after."""
    with transaction.atomic():
        locked = QuarterlyBriefing.objects.select_for_update().get(pk=briefing.pk)
        _refuse_frozen(locked)
        check_version(locked, expected_version)
        document = stored_document(locked)
        section = document.section(key)
        if section is None or not section.editable:
            raise ValidationError(_("This part of the briefing cannot be edited."))
        before = section_text(section)
        apply_text(section, text)
        locked.content = document.as_dict()
        locked.edited_at = timezone.now()
        bump_version(locked)
        locked.save()
        record_audit(
            action="reports.briefing.edited",
            actor=actor,
            target=locked,
            before={"section": section.heading, "text": before},
            after={"section": section.heading, "text": section_text(section)},
        )
    briefing.refresh_from_db()


def freeze_briefing(*, actor, briefing: QuarterlyBriefing, expected_version: int | None = None) -> None:
    """Rule: when the meeting is held the briefing is kept as sent: its DOCX, PDF and HWPX are written from the
    stored content and kept; afterwards nothing changes it (refused when frozen already, and with
    core.versions.StaleEditError when it changed since `expected_version`: what is frozen is what staff saw).
    Side effects: three stored files; frozen time and person; audit `reports.briefing.frozen`."""
    _refuse_frozen(briefing)
    document = stored_document(QuarterlyBriefing.objects.get(pk=briefing.pk))
    files = {name: render(document, name) for name in FORMATS}
    with transaction.atomic():
        locked = QuarterlyBriefing.objects.select_for_update().get(pk=briefing.pk)
        _refuse_frozen(locked)
        check_version(locked, expected_version)
        for name, content in files.items():
            stored = BriefingFile(briefing=locked, format=name, size=len(content))
            stored.file.save(
                f"briefing-{locked.year}-q{locked.quarter}-{locked.pk}{FORMATS[name].extension}",
                ContentFile(content),
                save=False,
            )
            stored.save()
        locked.frozen_at, locked.frozen_by = timezone.now(), actor
        bump_version(locked)
        locked.save()
        record_audit(action="reports.briefing.frozen", actor=actor, target=locked, after={"files": sorted(files)})
    briefing.refresh_from_db()
