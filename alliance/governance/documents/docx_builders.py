"""The governance documents as DOCX (python-docx): the meeting pack, one meeting's minutes, and a body's year
of confirmed minutes in one file."""

from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from alliance.governance.documents import docx_parts as parts
from alliance.governance.documents.content import MeetingPack, MinutesDocument, meeting_pack, minutes_document
from alliance.governance.queries.minutes import confirmed_versions_of_year
from alliance.governance.timetable import headings


def roster_headings() -> list[str]:
    """구분 / 소속 / 이름 / 직급 / 비고 / 참석"""
    return [
        pgettext("roster", "Sector"),
        pgettext("roster", "Affiliation"),
        pgettext("roster", "Name"),
        pgettext("roster", "Job title"),
        pgettext("roster", "Note"),
        pgettext("roster", "Attendance"),
    ]


def _attendance_table(document, table) -> None:
    parts.heading(document, "□ " + table.heading, level=2)
    rows = [
        [group.sector, r.affiliation, r.name, r.title, r.note, r.mark] for group in table.groups for r in group.rows
    ]
    grid = parts.table(document, roster_headings(), rows)
    first = 1
    for group in table.groups:
        last = first + len(group.rows) - 1
        if last > first:
            parts.merge_down(grid, 0, first, last, group.sector)
        first = last + 1
    if table.observers:
        parts.line(document, table.observers)


def _pack(document, pack: MeetingPack) -> None:
    parts.title(document, pack.title, pack.subtitle)
    parts.heading(document, "□ " + _("Overview"), level=2)
    for text in pack.overview:
        parts.line(document, text, bullet=True)
    parts.heading(document, "□ " + _("Matters discussed"), level=2)
    for text in pack.agenda:
        parts.line(document, text, bullet=True)
    if pack.timetable:
        parts.heading(document, "□ " + _("Detailed schedule"), level=2)
        parts.table(
            document,
            list(headings()),
            [[row.time_range, row.minutes_label, row.content, row.note] for row in pack.timetable],
        )
    _attendance_table(document, pack.attendance)


def meeting_pack_docx(meeting) -> bytes:
    document = parts.new_document()
    _pack(document, meeting_pack(meeting))
    return parts.as_bytes(document)


def _minutes(document, minutes: MinutesDocument) -> None:
    parts.title(document, minutes.title, minutes.subtitle)
    parts.line(document, minutes.status)
    if minutes.overview:
        parts.heading(document, "□ " + _("Overview"), level=2)
        for text in minutes.overview:
            parts.line(document, text, bullet=True)
    parts.heading(document, "□ " + _("Results of the meeting"), level=2)
    for section in minutes.sections:
        parts.heading(document, section.heading, level=3)
        for text in section.lines:
            parts.line(document, text, bullet=True)
    if minutes.photos:
        parts.heading(document, "□ " + _("Photos"), level=2)
        for photo in minutes.photos:
            with photo.file.open("rb") as stored:
                parts.picture(document, stored.read(), photo.caption)
    if minutes.attachments:
        parts.heading(document, "□ " + _("Attached files"), level=2)
        for name in minutes.attachments:
            parts.line(document, name, bullet=True)


def minutes_docx(version) -> bytes:
    document = parts.new_document()
    _minutes(document, minutes_document(version))
    return parts.as_bytes(document)


def year_minutes_docx(body) -> bytes:
    """Every confirmed minutes of `body` (its current version), in meeting order, one after the other."""
    document = parts.new_document()
    parts.title(document, _("%(year)s %(body)s: minutes of the year") % {"year": body.year, "body": body.name})
    versions = confirmed_versions_of_year(body)
    if not versions:
        parts.line(document, _("No minutes have been confirmed yet."))
    for version in versions:
        parts.page_break(document)
        _minutes(document, minutes_document(version))
    return parts.as_bytes(document)
