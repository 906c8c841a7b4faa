"""Staff's decisions on pairs of landscape items of one name key that the evidence rule keeps apart (the same
name key, different homepages and repositories; services/landscape_identity.py): one company, or two.

Rule: a pair is its name key and its two URLs as url_keys, in either order; a decision on a pair replaces the
one before it. The import's check lists the pairs it found; the import (and every later one) joins a pair
decided as one company and keeps apart, with a note, a pair decided as two (landscape_import.py).
Refused (ValidationError, nothing written): an empty name key, a URL that is empty, or both URLs the same.
Side effects: audit `ecosystem.match.confirmed` (one company) or `ecosystem.match.denied` (two companies),
with the decision before and after.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from alliance.core.audit import record_audit
from alliance.ecosystem import phrases
from alliance.ecosystem.models import ConfirmedMatch
from alliance.ecosystem.services.landscape_identity import Decision, Decisions, url_key


def decide_match(*, actor, name_key: str, first: str, second: str, same: bool) -> ConfirmedMatch:
    """Remember whether the pair (`first`, `second`) of `name_key` is one company (`same`) or two."""
    urls = sorted({url_key(first), url_key(second)})
    if not name_key or len(urls) != 2 or not all(urls):
        raise ValidationError(phrases.MATCH_NEEDS_TWO_URLS, code="pair")
    with transaction.atomic():
        match = (
            ConfirmedMatch.objects.select_for_update().filter(name_key=name_key, first=urls[0], second=urls[1]).first()
        )
        before = None if match is None else {"same": match.same}
        if match is None:
            match = ConfirmedMatch(name_key=name_key, first=urls[0], second=urls[1])
        match.same = same
        match.decided_by = actor if getattr(actor, "is_authenticated", False) else None
        match.decided_at = timezone.now()
        match.save()
        record_audit(
            action="ecosystem.match.confirmed" if same else "ecosystem.match.denied",
            actor=actor,
            target=match,
            before=before,
            after={"name_key": name_key, "first": urls[0], "second": urls[1], "same": same},
        )
    return match


def decisions_for(name_keys) -> Decisions:
    """The remembered decisions on pairs of these name keys, as the import applies them."""
    rows = ConfirmedMatch.objects.filter(name_key__in=set(name_keys)).select_related("decided_by")
    return Decisions(
        Decision(
            key=row.name_key,
            urls=frozenset((row.first, row.second)),
            same=row.same,
            decided_by=row.decided_by.name if row.decided_by else "",
            decided_on=timezone.localdate(row.decided_at),
        )
        for row in rows
    )
