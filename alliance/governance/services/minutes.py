"""Minutes (회의 결과): the first draft from the agenda and decisions, staff edits, files, and the moves
draft → circulated → confirmed, with corrections as new versions.

Rules:
- A version's text (items, presentations, discussion, decisions, action items, files) changes only while it
  is a draft. Circulated and confirmed versions are locked; a confirmed version is never changed in place: a
  correction is a new version (number + 1) copied from it with its reason, and the old one is kept.
- The moves are exactly `MOVES`: circulate (draft → circulated, with a comment deadline), reopen (circulated →
  draft, to work comments in), confirm (circulated → confirmed). A correction starts only from the newest
  version when it is confirmed; confirming a correction marks the version it replaces as superseded.
- Ticking an action item done is follow-up, not text: it is allowed in every state.
Circulating (e-mails and comments) is in `minutes_circulation`.
"""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from alliance.core.audit import record_audit
from alliance.core.versions import bump_version, bump_versions, check_version
from alliance.governance.models import (
    ActionItem,
    AgendaItemKind,
    Decision,
    Meeting,
    Minutes,
    MinutesFile,
    MinutesItem,
    MinutesState,
    MinutesVersion,
    Presentation,
)
from alliance.governance.services.minutes_files import checked_file

CIRCULATE, REOPEN, CONFIRM = "circulate", "reopen", "confirm"
MOVES = {
    (MinutesState.DRAFT, CIRCULATE): MinutesState.CIRCULATED,
    (MinutesState.CIRCULATED, REOPEN): MinutesState.DRAFT,
    (MinutesState.CIRCULATED, CONFIRM): MinutesState.CONFIRMED,
}


class MinutesStateError(ValidationError):
    """A move or an edit the minutes' state does not allow; the message says why, in Korean."""


def _locked_version(version: MinutesVersion) -> MinutesVersion:
    return MinutesVersion.objects.select_for_update().select_related("minutes__meeting__body").get(pk=version.pk)


def _require_draft(version: MinutesVersion) -> None:
    if version.state != MinutesState.DRAFT:
        raise MinutesStateError(_("These minutes are no longer a draft: they cannot be changed."))


def _require_newest(version: MinutesVersion) -> None:
    if version.minutes.versions.filter(number__gt=version.number).exists():
        raise MinutesStateError(_("A newer version of these minutes exists."))


def next_state(state: str, move: str) -> str:
    """The state `move` leads to from `state`; MinutesStateError when the move is not allowed."""
    try:
        return MOVES[(state, move)]
    except KeyError:
        raise MinutesStateError(_("This step is not possible for minutes in this state.")) from None


# ---------------------------------------------------------------------------------------------- the first draft


def _presentations_of(agenda_item) -> list[Presentation]:
    if not agenda_item.presenter_name:
        return []
    presenter = " ".join(filter(None, [agenda_item.presenter_name, agenda_item.presenter_title]))
    return [Presentation(title=agenda_item.title, presenter=presenter, affiliation=agenda_item.presenter_affiliation)]


def start_minutes(*, actor, meeting: Meeting) -> Minutes:
    """Create the meeting's minutes with a first draft generated from its agenda and decisions.

    Rule: one minutes per meeting. Each agenda item (not breaks, not the opening and closing parts) becomes an
    item with its title, its presenter as a presentation and the decisions taken on it; decisions not tied to
    an item go to a last item "Other decisions".
    Side effects: the minutes, version 1 (draft) and its items; audit `governance.minutes.started`.
    """
    with transaction.atomic():
        meeting = Meeting.objects.select_for_update().get(pk=meeting.pk)
        if Minutes.objects.filter(meeting=meeting).exists():
            raise MinutesStateError(_("This meeting already has minutes."))
        minutes = Minutes.objects.create(meeting=meeting)
        version = MinutesVersion.objects.create(
            minutes=minutes, number=1, created_at=timezone.now(), created_by=_user(actor)
        )
        decisions = list(Decision.objects.filter(meeting=meeting).select_related("agenda_item").order_by("pk"))
        order = 0
        for agenda_item in meeting.agenda_items.filter(kind=AgendaItemKind.ITEM).order_by("order"):
            order += 1
            item = MinutesItem.objects.create(
                version=version, order=order, agenda_item=agenda_item, title=agenda_item.title
            )
            for presentation in _presentations_of(agenda_item):
                presentation.item = item
                presentation.save()
            item.decisions.set([d for d in decisions if d.agenda_item_id == agenda_item.pk])
        loose = [d for d in decisions if d.agenda_item_id is None or d.agenda_item.kind != AgendaItemKind.ITEM]
        if loose:
            item = MinutesItem.objects.create(version=version, order=order + 1, title=_("Other decisions"))
            item.decisions.set(loose)
        record_audit(action="governance.minutes.started", actor=actor, target=version, after={"items": order})
    return minutes


def _user(actor):
    return actor if getattr(actor, "is_authenticated", False) else None


# ---------------------------------------------------------------------------------------------- editing a draft


def update_item(
    *,
    actor,
    item: MinutesItem,
    title: str,
    discussion: str,
    decisions: list[Decision],
    presentations: list[dict],
    action_items: list[dict],
    expected_version: int | None = None,
) -> MinutesItem:
    """Replace one item's text: title, discussion, decisions, presentations and action items.

    Rule: only in a draft; the decisions are the meeting's own; refused with core.versions.StaleEditError,
    nothing written, when the item was changed since `expected_version` (its form's: any staff member).
    `presentations` are dicts of title, presenter, affiliation; `action_items` of description, owner, due_on
    (a date or None) and done.
    Side effects: the item and its rows replaced, its version moved on; audit `governance.minutes.item_updated`.
    """
    with transaction.atomic():
        version = _locked_version(item.version)
        _require_draft(version)
        check_version(item, expected_version, field="edit_version")
        meeting_id = version.minutes.meeting_id
        if any(decision.meeting_id != meeting_id for decision in decisions):
            raise ValidationError(_("A decision of another meeting cannot be linked to these minutes."))
        item = MinutesItem.objects.get(pk=item.pk)
        before = {"title": item.title, "discussion": item.discussion}
        item.title, item.discussion = title.strip(), discussion.strip()
        bump_version(item, field="edit_version")
        item.save(update_fields=["title", "discussion", "edit_version"])
        item.decisions.set(decisions)
        item.presentations.all().delete()
        Presentation.objects.bulk_create(
            Presentation(item=item, order=index, **values) for index, values in enumerate(presentations, start=1)
        )
        item.action_items.all().delete()
        ActionItem.objects.bulk_create(
            ActionItem(item=item, order=index, done_at=timezone.now() if values.get("done") else None, **values)
            for index, values in enumerate(action_items, start=1)
        )
        record_audit(
            action="governance.minutes.item_updated",
            actor=actor,
            target=version,
            before=before,
            after={"title": item.title, "discussion": item.discussion},
        )
    return item


def add_item(*, actor, version: MinutesVersion, title: str) -> MinutesItem:
    """A further item at the end of a draft (a topic raised outside the agenda).

    Side effects: the item; audit `governance.minutes.item_added`.
    """
    with transaction.atomic():
        version = _locked_version(version)
        _require_draft(version)
        last = version.items.order_by("-order").values_list("order", flat=True).first() or 0
        item = MinutesItem.objects.create(version=version, order=last + 1, title=title.strip())
        record_audit(action="governance.minutes.item_added", actor=actor, target=version, after={"title": item.title})
    return item


def add_file(*, actor, version: MinutesVersion, upload, kind: str, caption: str = "") -> MinutesFile:
    """Attach a photo (JPEG, PNG) or a document (PDF, HWP/HWPX, DOCX, PPTX) to a draft, checked by content.

    Side effects: the stored file and its row; audit `governance.minutes.file_added`.
    """
    checked_file(upload, kind)
    with transaction.atomic():
        version = _locked_version(version)
        _require_draft(version)
        row = MinutesFile(
            version=version,
            kind=kind,
            original_name=upload.name,
            caption=caption.strip(),
            uploaded_at=timezone.now(),
        )
        row.file.save(upload.name, upload, save=False)
        row.save()
        record_audit(action="governance.minutes.file_added", actor=actor, target=version, after={"file": upload.name})
    return row


def remove_file(*, actor, file: MinutesFile) -> None:
    """Leave a file out of a draft (the stored file stays: an earlier version may show it).

    Side effects: the row deleted; audit `governance.minutes.file_removed`.
    """
    with transaction.atomic():
        version = _locked_version(file.version)
        _require_draft(version)
        MinutesFile.objects.filter(pk=file.pk).delete()
        record_audit(
            action="governance.minutes.file_removed", actor=actor, target=version, before={"file": file.original_name}
        )


def set_action_done(*, actor, action: ActionItem, done: bool) -> ActionItem:
    """Tick an action item done (or not), in any state: follow-up, not the text of the minutes.

    Side effects: the action item; audit `governance.minutes.action_done`.
    """
    with transaction.atomic():
        action = ActionItem.objects.select_for_update().select_related("item__version").get(pk=action.pk)
        action.done = done
        action.done_at = timezone.now() if done else None
        action.save(update_fields=["done", "done_at"])
        bump_versions(MinutesItem.objects.filter(pk=action.item_id), field="edit_version")
        record_audit(
            action="governance.minutes.action_done",
            actor=actor,
            target=action.item.version,
            after={"action": action.description, "done": done},
        )
    return action


# ---------------------------------------------------------------------------------------------- the moves


def move(*, actor, version: MinutesVersion, step: str, comments_due: datetime.date | None = None) -> MinutesVersion:
    """Take one of the `MOVES` (circulate needs `comments_due`, today or later).

    Rule: only the newest version moves. Confirming records who and when and supersedes the earlier confirmed
    version (a correction).
    Side effects: the version's state and times; audit `governance.minutes.<step>`. Circulating e-mails the
    attendees: call `minutes_circulation.circulate`, which calls this.
    """
    now = timezone.now()
    with transaction.atomic():
        version = _locked_version(version)
        _require_newest(version)
        before = version.state
        version.state = next_state(version.state, step)
        if step == CIRCULATE:
            if comments_due is None or comments_due < timezone.localdate(now):
                raise ValidationError(_("Choose a deadline for comments: today or a later day."))
            version.comments_due, version.circulated_at = comments_due, now
        if step == CONFIRM:
            version.confirmed_at, version.confirmed_by = now, _user(actor)
            MinutesVersion.objects.filter(
                minutes=version.minutes, state=MinutesState.CONFIRMED, superseded_at__isnull=True
            ).update(superseded_at=now)
        version.save()
        record_audit(
            action=f"governance.minutes.{step}",
            actor=actor,
            target=version,
            before={"state": before},
            after={"state": version.state},
        )
    return version


def start_correction(*, actor, minutes: Minutes, reason: str) -> MinutesVersion:
    """A new draft version copied from the confirmed newest one, to correct it; the confirmed one is kept.

    Rule: only from a confirmed newest version; a reason is required.
    Side effects: the new version with copies of the items, presentations, decisions, action items and file
    rows; audit `governance.minutes.correction_started`.
    """
    reason = reason.strip()
    if not reason:
        raise ValidationError(_("Say why the confirmed minutes are being corrected."))
    with transaction.atomic():
        Minutes.objects.select_for_update().get(pk=minutes.pk)
        source = minutes.versions.order_by("-number").first()
        if source is None or source.state != MinutesState.CONFIRMED:
            raise MinutesStateError(_("Only confirmed minutes are corrected with a new version."))
        version = MinutesVersion.objects.create(
            minutes=minutes, number=source.number + 1, reason=reason, created_at=timezone.now(), created_by=_user(actor)
        )
        _copy_content(source, version)
        record_audit(
            action="governance.minutes.correction_started",
            actor=actor,
            target=version,
            after={"from_version": source.number, "reason": reason},
        )
    return version


def _copy_content(source: MinutesVersion, target: MinutesVersion) -> None:
    for item in source.items.prefetch_related("presentations", "action_items", "decisions"):
        copy = MinutesItem.objects.create(
            version=target,
            order=item.order,
            agenda_item_id=item.agenda_item_id,
            title=item.title,
            discussion=item.discussion,
        )
        copy.decisions.set(item.decisions.all())
        Presentation.objects.bulk_create(
            Presentation(item=copy, order=p.order, title=p.title, presenter=p.presenter, affiliation=p.affiliation)
            for p in item.presentations.all()
        )
        ActionItem.objects.bulk_create(
            ActionItem(
                item=copy,
                order=a.order,
                description=a.description,
                owner=a.owner,
                due_on=a.due_on,
                done=a.done,
                done_at=a.done_at,
            )
            for a in item.action_items.all()
        )
    MinutesFile.objects.bulk_create(
        MinutesFile(
            version=target,
            kind=f.kind,
            file=f.file.name,
            original_name=f.original_name,
            caption=f.caption,
            uploaded_at=f.uploaded_at,
        )
        for f in source.files.all()
    )
