"""Writing the ethics checklist's versions (staff and the ethics subcommittee)."""

import copy

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from alliance.core.audit import record_audit
from alliance.core.versions import bump_version, check_version
from alliance.regulation import default_checklist
from alliance.regulation.models import Checklist
from alliance.regulation.queries import latest_version
from alliance.regulation.scoring import weight_problems

EDITABLE_ITEM_FIELDS = ("text", "advice", "principle", "article", "weight")


@transaction.atomic
def start_year(*, actor, year: int, publish: bool = False) -> Checklist:
    """The year's first version: a copy of the newest earlier year's latest version, or the default document.

    Rule: refused when the year already has a version. Side effects: one audit entry; published at once when
    `publish` (the demo and a year that keeps last year's checklist unchanged)."""
    if Checklist.objects.filter(year=year).exists():
        raise ValidationError(_("The checklist of %(year)s already exists.") % {"year": year})
    earlier = Checklist.objects.filter(year__lt=year, published_at__isnull=False).order_by("-year", "-number").first()
    content = copy.deepcopy(earlier.content) if earlier else default_checklist.content()
    checklist = Checklist.objects.create(
        year=year,
        number=1,
        content=content,
        note=_("Carried over from %(year)s") % {"year": earlier.year} if earlier else _("First version"),
        created_by=actor if getattr(actor, "is_authenticated", False) else None,
        published_at=timezone.now() if publish else None,
    )
    record_audit(action="regulation.checklist.started", actor=actor, target=checklist, after={"year": year})
    return checklist


@transaction.atomic
def save_items(
    *, actor, checklist: Checklist, items: list[dict], note: str = "", expected_version: int | None = None
) -> Checklist:
    """Change the items (text, advice, principle, article, weight) of `checklist`.

    Rule: a published version never changes: editing it makes the next version (a draft) carrying the change;
    a draft is changed in place. The weights must be whole points adding up to 100; a principle must be one of
    the document's and an article one of its 24. With `expected_version` (the form's), a save after someone
    else's is refused (core.versions.StaleEditError). Side effects: one audit entry. Returns the version written.
    """
    checklist = Checklist.objects.select_for_update().get(pk=checklist.pk)
    check_version(checklist, expected_version)
    newest = latest_version(checklist.year)
    if newest.pk != checklist.pk:
        raise ValidationError(_("A newer version of this checklist exists: edit that one."))
    content = copy.deepcopy(checklist.content)
    principles = {principle["key"] for principle in content["principles"]}
    articles = {article["number"] for article in content["articles"]}
    if len(items) != len(content["items"]):
        raise ValidationError(_("Every item of the checklist must be given."))
    problems = weight_problems([item["weight"] for item in items])
    for item in items:
        if item["principle"] not in principles or item["article"] not in articles:
            problems.append(_("An item refers to an unknown principle or article."))
    if problems:
        raise ValidationError(problems)
    for stored, given in zip(content["items"], items, strict=True):
        stored.update({field: given[field] for field in EDITABLE_ITEM_FIELDS})
    if checklist.is_published:
        checklist = Checklist.objects.create(
            year=checklist.year,
            number=checklist.number + 1,
            content=content,
            note=note.strip()[:300],
            created_by=actor,
        )
    else:
        checklist.content = content
        checklist.note = note.strip()[:300] or checklist.note
        bump_version(checklist)
        checklist.save(update_fields=["content", "note", "version"])
    record_audit(
        action="regulation.checklist.changed", actor=actor, target=checklist, after={"version": checklist.number}
    )
    return checklist


@transaction.atomic
def publish(*, actor, checklist: Checklist) -> Checklist:
    """Publish a draft version: new answers are given on it. Rule: only the year's newest draft; refused when
    already published. Side effects: one audit entry."""
    checklist = Checklist.objects.select_for_update().get(pk=checklist.pk)
    if checklist.is_published:
        raise ValidationError(_("This version is already published."))
    checklist.published_at = timezone.now()
    checklist.save(update_fields=["published_at"])
    record_audit(
        action="regulation.checklist.published", actor=actor, target=checklist, after={"version": checklist.number}
    )
    return checklist
