"""A meeting's agenda (안건, breaks, opening and closing parts) and its papers (the `meetings` area).

Rules:
- Items are kept in one order (1, 2, 3 …) with no gap: added last, moved one place up or down, removed
  with the rest closing up. A duration is at least one minute; a title is not blank.
- Papers are PDF, HWP/HWPX, DOCX or PPTX, checked by name AND content as the competition's attachments are
  (alliance/programs/uploads.py `check_attachment`), within MAX_UPLOAD_BYTES.
- The meeting's end follows the agenda (services.meetings.refresh_end), and its calendar revision rises when
  the end moves.
Side effects of every write: an audit entry on the meeting.
"""

from pathlib import PurePath

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F, Max
from django.utils.translation import gettext as _

from alliance.core.audit import record_audit
from alliance.core.versions import bump_version, check_version
from alliance.governance.models import AgendaItem, AgendaItemKind, AgendaPaper, Meeting
from alliance.governance.services.meetings import CALENDAR_FIELDS, _snapshot, save_with_calendar
from alliance.programs.uploads import check_attachment

ITEM_FIELDS = (
    "kind",
    "title",
    "details",
    "duration_minutes",
    "presenter_name",
    "presenter_affiliation",
    "presenter_title",
    "note",
)
UP, DOWN = "up", "down"


def _check(data: dict) -> dict:
    title = (data.get("title") or "").strip()
    if not title:
        raise ValidationError(_("Title: enter what this part of the meeting is."))
    minutes = data.get("duration_minutes")
    if not isinstance(minutes, int) or minutes < 1 or minutes > 600:
        raise ValidationError(_("Duration: enter a number of minutes from 1 to 600."))
    if data.get("kind") not in AgendaItemKind.values:
        raise ValidationError(_("Kind: choose an agenda item, a break or another part."))
    return {field: data.get(field, "") for field in ITEM_FIELDS} | {"title": title}


def _item_values(item: AgendaItem) -> dict:
    return {field: getattr(item, field) for field in ITEM_FIELDS}


def _follow_agenda(meeting: Meeting) -> None:
    """The meeting's end (and calendar revision) after an agenda change."""
    meeting = Meeting.objects.select_for_update().get(pk=meeting.pk)
    save_with_calendar(meeting, _snapshot(meeting, CALENDAR_FIELDS))


def add_agenda_item(*, actor, meeting: Meeting, data: dict) -> AgendaItem:
    """Add a part at the end of the agenda.

    Side effects: the item; the meeting's end; audit `governance.agenda.added`.
    """
    values = _check(data)
    with transaction.atomic():
        Meeting.objects.select_for_update().filter(pk=meeting.pk).first()
        last = meeting.agenda_items.aggregate(last=Max("order"))["last"] or 0
        item = AgendaItem.objects.create(meeting=meeting, order=last + 1, **values)
        _follow_agenda(meeting)
        record_audit(action="governance.agenda.added", actor=actor, target=meeting, after=_item_values(item))
    return item


def update_agenda_item(*, actor, item: AgendaItem, data: dict, expected_version: int | None = None) -> AgendaItem:
    """Change an agenda part's kind, title, details, duration, presenter or note.

    Refused with core.versions.StaleEditError, nothing written, when the item was changed since
    `expected_version` (its form's: any staff member may edit the agenda).
    Side effects: the item and its version; the meeting's end; audit `governance.agenda.updated` with the
    fields changed.
    """
    values = _check(data)
    with transaction.atomic():
        check_version(item, expected_version)
        before = _item_values(item)
        for field, value in values.items():
            setattr(item, field, value)
        bump_version(item)
        item.save()
        _follow_agenda(item.meeting)
        changed = [field for field in ITEM_FIELDS if before[field] != values[field]]
        record_audit(
            action="governance.agenda.updated",
            actor=actor,
            target=item.meeting,
            before={"title": before["title"], **{f: before[f] for f in changed}},
            after={"title": item.title, **{f: values[f] for f in changed}},
        )
    return item


def move_agenda_item(*, actor, item: AgendaItem, direction: str) -> bool:
    """Swap the item with its neighbour above (`up`) or below (`down`); False when it is already at that end.

    Side effects: the two items' order; audit `governance.agenda.moved`.
    """
    if direction not in (UP, DOWN):
        raise ValidationError(_("Choose up or down."))
    with transaction.atomic():
        Meeting.objects.select_for_update().filter(pk=item.meeting_id).first()
        siblings = AgendaItem.objects.filter(meeting_id=item.meeting_id)
        neighbour = (
            siblings.filter(order__lt=item.order).order_by("-order").first()
            if direction == UP
            else siblings.filter(order__gt=item.order).order_by("order").first()
        )
        if neighbour is None:
            return False
        mine, theirs = item.order, neighbour.order
        # The (meeting, order) constraint forbids a direct swap: park one item out of the way first.
        AgendaItem.objects.filter(pk=item.pk).update(order=0)
        AgendaItem.objects.filter(pk=neighbour.pk).update(order=mine)
        AgendaItem.objects.filter(pk=item.pk).update(order=theirs)
        item.order = theirs
        record_audit(
            action="governance.agenda.moved",
            actor=actor,
            target=item.meeting,
            before={"title": item.title, "order": mine},
            after={"title": item.title, "order": theirs},
        )
    return True


def remove_agenda_item(*, actor, item: AgendaItem) -> None:
    """Remove an agenda part and its papers; the parts after it close up.

    Side effects: the item and its papers' rows and files; the order of the rest; the meeting's end; audit
    `governance.agenda.removed`.
    """
    meeting = item.meeting
    with transaction.atomic():
        Meeting.objects.select_for_update().filter(pk=meeting.pk).first()
        files = [paper.file.name for paper in item.papers.all()]
        before = _item_values(item)
        order = item.order
        item.delete()
        for later in AgendaItem.objects.filter(meeting=meeting, order__gt=order).order_by("order"):
            AgendaItem.objects.filter(pk=later.pk).update(order=F("order") - 1)
        _follow_agenda(meeting)
        record_audit(action="governance.agenda.removed", actor=actor, target=meeting, before=before)
        transaction.on_commit(lambda: [AgendaPaper.file.field.storage.delete(name) for name in files])


def add_paper(*, actor, item: AgendaItem, upload) -> AgendaPaper:
    """Attach a paper to an agenda part.

    Rule: PDF, HWP/HWPX, DOCX or PPTX whose content agrees with its name, not empty, within the size limit.
    Side effects: the stored file and its row; audit `governance.paper.added`.
    """
    check_attachment(upload)
    name = PurePath(upload.name).name
    with transaction.atomic():
        paper = AgendaPaper(item=item, original_name=name)
        paper.file.save(name, upload, save=False)
        paper.save()
        record_audit(
            action="governance.paper.added",
            actor=actor,
            target=item.meeting,
            after={"title": item.title, "file": name},
        )
    return paper


def remove_paper(*, actor, paper: AgendaPaper) -> None:
    """Remove a paper.

    Side effects: its row, and its file after the commit; audit `governance.paper.removed`.
    """
    with transaction.atomic():
        name = paper.file.name
        meeting = paper.item.meeting
        record_audit(
            action="governance.paper.removed",
            actor=actor,
            target=meeting,
            before={"title": paper.item.title, "file": paper.original_name},
        )
        paper.delete()
        transaction.on_commit(lambda: paper.file.storage.delete(name))
