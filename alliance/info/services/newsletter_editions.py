"""Building a newsletter edition: create it for a publishing day, pick and order its items, schedule it.

Rule (the state machine, `MOVES`): draft → scheduled → sent, and scheduled → draft (unschedule). Only a draft
is edited (its subject, advertising flag and items); a scheduled edition is unscheduled first; a sent one never
changes. An edition exists only for a publishing day (the calendar, with the staff's overrides), one per day.
Scheduling needs at least one item and a send time in the future (default: the day at
`settings.NEWSLETTER_SEND_TIME`, Korean time). Marking sent (`mark_edition_sent`, called by the delivery when it
is ordered) keeps the subject, HTML and text as they go out.
"""

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from alliance.core.audit import record_audit
from alliance.core.dates import format_moment
from alliance.core.versions import bump_version, check_version
from alliance.info.models import Edition, EditionItem, Section
from alliance.info.queries.newsletter_calendar import is_publishing_day
from alliance.info.services.newsletter_search import index_edition

DRAFT, SCHEDULED, SENT = Edition.State.DRAFT, Edition.State.SCHEDULED, Edition.State.SENT
MOVES = {DRAFT: {SCHEDULED}, SCHEDULED: {DRAFT, SENT}, SENT: set()}
MAX_TAGS = 5
MAX_TAG_LENGTH = 30


def default_subject(day: datetime.date) -> str:
    return _("Metaverse Alliance daily newsletter (%(day)s)") % {"day": format_moment(day)}


def default_send_at(day: datetime.date) -> datetime.datetime:
    """The day at NEWSLETTER_SEND_TIME (HH:MM) in Korean time."""
    hour, minute = (int(part) for part in settings.NEWSLETTER_SEND_TIME.split(":"))
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, minute)))


def _refuse_move(edition: Edition, target: str) -> None:
    if target not in MOVES[edition.state]:
        raise ValidationError(
            _("A %(state)s edition cannot become %(target)s.")
            % {"state": edition.get_state_display(), "target": Edition.State(target).label}
        )


def _require_draft(edition: Edition) -> None:
    if edition.state != DRAFT:
        raise ValidationError(_("Only a draft edition can be changed: unschedule it first."))


def _lock(edition: Edition) -> Edition:
    return Edition.objects.select_for_update().get(pk=edition.pk)


def create_edition(*, actor, publishing_date: datetime.date, subject: str = "") -> Edition:
    """Rule: a publishing day (calendar with overrides), one edition a day. Side effects: the edition row and
    its audit entry."""
    if not is_publishing_day(publishing_date):
        reason = _("%(day)s: not a publishing day (a weekend, a public holiday or an extra holiday).")
        raise ValidationError({"publishing_date": reason % {"day": format_moment(publishing_date)}})
    if Edition.objects.filter(publishing_date=publishing_date).exists():
        raise ValidationError({"publishing_date": _("An edition for this day already exists.")})
    with transaction.atomic():
        edition = Edition.objects.create(
            publishing_date=publishing_date,
            subject=subject.strip() or default_subject(publishing_date),
            created_by=actor,
        )
        record_audit(actor=actor, action="info.edition_created", target=edition, after={"subject": edition.subject})
    return edition


def update_edition(
    *, actor, edition: Edition, subject: str, carries_advertising: bool, expected_version: int | None = None
) -> Edition:
    """Rule: a draft only; a stale form is refused (core/versions.py). Side effects: the edition and its audit."""
    with transaction.atomic():
        check_version(edition, expected_version)
        edition = _lock(edition)
        _require_draft(edition)
        before = {"subject": edition.subject, "carries_advertising": edition.carries_advertising}
        edition.subject, edition.carries_advertising = subject.strip(), carries_advertising
        bump_version(edition)
        edition.save()
        after = {"subject": edition.subject, "carries_advertising": edition.carries_advertising}
        record_audit(actor=actor, action="info.edition_changed", target=edition, before=before, after=after)
    return edition


def clean_tags(tags) -> list[str]:
    """Tags as staff typed them (a list or a comma-separated text): trimmed, unique, at most MAX_TAGS."""
    if isinstance(tags, str):
        tags = tags.split(",")
    cleaned = []
    for tag in (" ".join(str(tag).split()) for tag in tags):
        if tag and tag not in cleaned:
            if len(tag) > MAX_TAG_LENGTH:
                raise ValidationError(
                    {"tags": _("A tag has at most %(count)d characters.") % {"count": MAX_TAG_LENGTH}}
                )
            cleaned.append(tag)
    if len(cleaned) > MAX_TAGS:
        raise ValidationError({"tags": _("At most %(count)d tags.") % {"count": MAX_TAGS}})
    return cleaned


def add_item(*, actor, edition: Edition, section: str, title: str, origin: str = EditionItem.Origin.MANUAL, **fields):
    """Add an item at the end of its section. `fields`: summary, link, source, tags, image_url, image_alt,
    origin_id. Rule: a draft; a source item once per edition. Side effects: the item row, the edition's version
    moved on, an audit entry."""
    if section not in Section.values:
        raise ValidationError({"section": _("Choose a section.")})
    fields["tags"] = clean_tags(fields.get("tags", []))
    with transaction.atomic():
        edition = _lock(edition)
        _require_draft(edition)
        origin_id = fields.get("origin_id")
        if origin_id is not None and edition.items.filter(origin=origin, origin_id=origin_id).exists():
            raise ValidationError(_("This item is already in the edition."))
        last = edition.items.filter(section=section).aggregate(last=Max("order"))["last"]
        item = EditionItem.objects.create(
            edition=edition, section=section, title=title.strip(), origin=origin, order=(last or 0) + 1, **fields
        )
        bump_version(edition)
        edition.save(update_fields=["version", "updated_at"])
        record_audit(actor=actor, action="info.edition_item_added", target=edition, after={"title": item.title})
    return item


def update_item(
    *,
    actor,
    item: EditionItem,
    title: str,
    summary: str,
    link: str,
    tags,
    image_alt: str = "",
    expected_version: int | None = None,
) -> None:
    """Rule: a draft's item; refused with core.versions.StaleEditError, nothing written, when the item was
    changed since `expected_version` (its form's). Side effects: the item and its version, the edition's
    version, an audit entry."""
    tags = clean_tags(tags)
    with transaction.atomic():
        edition = _lock(item.edition)
        _require_draft(edition)
        check_version(item, expected_version)
        before = {"title": item.title, "summary": item.summary, "link": item.link, "tags": item.tags}
        item.title, item.summary, item.link, item.tags = title.strip(), summary.strip(), link.strip(), tags
        item.image_alt = image_alt.strip() or item.image_alt
        bump_version(item)
        item.save()
        bump_version(edition)
        edition.save(update_fields=["version", "updated_at"])
        after = {"title": item.title, "summary": item.summary, "link": item.link, "tags": item.tags}
        record_audit(actor=actor, action="info.edition_item_changed", target=edition, before=before, after=after)


def remove_item(*, actor, item: EditionItem) -> None:
    """Rule: a draft's item. Side effects: the item deleted, the edition's version, an audit entry."""
    with transaction.atomic():
        edition = _lock(item.edition)
        _require_draft(edition)
        title = item.title
        item.delete()
        bump_version(edition)
        edition.save(update_fields=["version", "updated_at"])
        record_audit(actor=actor, action="info.edition_item_removed", target=edition, before={"title": title})


def move_item(*, actor, item: EditionItem, up: bool) -> None:
    """Swap the item with its neighbour in its section (up: towards the top). Rule: a draft. Side effects: the
    section's order renumbered 1..n, the edition's version, an audit entry."""
    with transaction.atomic():
        edition = _lock(item.edition)
        _require_draft(edition)
        siblings = list(edition.items.filter(section=item.section).order_by("order", "id"))
        index = next(i for i, sibling in enumerate(siblings) if sibling.pk == item.pk)
        other = index - 1 if up else index + 1
        if 0 <= other < len(siblings):
            siblings[index], siblings[other] = siblings[other], siblings[index]
        for position, sibling in enumerate(siblings, start=1):
            if sibling.order != position:
                sibling.order = position
                sibling.save(update_fields=["order"])
        bump_version(edition)
        edition.save(update_fields=["version", "updated_at"])
        after = {"title": item.title, "order": [sibling.title for sibling in siblings]}
        record_audit(actor=actor, action="info.edition_item_moved", target=edition, after=after)


def schedule_edition(
    *, actor, edition: Edition, send_at: datetime.datetime | None = None, expected_version: int | None = None
) -> Edition:
    """draft → scheduled. Rule: at least one item; the send time in the future (default: the day at
    NEWSLETTER_SEND_TIME). Side effects: the state and send time, the version, an audit entry."""
    with transaction.atomic():
        check_version(edition, expected_version)
        edition = _lock(edition)
        _refuse_move(edition, SCHEDULED)
        if not edition.items.exists():
            raise ValidationError(_("Add at least one item before scheduling the edition."))
        send_at = send_at or default_send_at(edition.publishing_date)
        if send_at <= timezone.now():
            raise ValidationError(
                {
                    "send_at": _("The send time %(moment)s has passed.")
                    % {"moment": format_moment(send_at, "DATETIME_FORMAT")}
                }
            )
        edition.state, edition.send_at = SCHEDULED, send_at
        bump_version(edition)
        edition.save()
        record_audit(
            actor=actor, action="info.edition_scheduled", target=edition, after={"send_at": send_at.isoformat()}
        )
    return edition


def unschedule_edition(*, actor, edition: Edition) -> Edition:
    """scheduled → draft. Side effects: the state, send time cleared, the version, an audit entry."""
    with transaction.atomic():
        edition = _lock(edition)
        _refuse_move(edition, DRAFT)
        edition.state, edition.send_at = DRAFT, None
        bump_version(edition)
        edition.save()
        record_audit(actor=actor, action="info.edition_unscheduled", target=edition)
    return edition


def mark_edition_sent(*, edition: Edition, subject: str, html: str, text: str, actor=None) -> Edition:
    """scheduled → sent, keeping what went out. Called by the delivery when the edition is ordered out. Side
    effects: the state, sent time, the rendered parts, an audit entry, its search index rows."""
    with transaction.atomic():
        edition = _lock(edition)
        _refuse_move(edition, SENT)
        edition.state, edition.sent_at = SENT, timezone.now()
        edition.subject, edition.html, edition.text = subject, html, text
        bump_version(edition)
        edition.save()
        record_audit(actor=actor, action="info.edition_sent", target=edition)
        index_edition(edition=edition)
    return edition
