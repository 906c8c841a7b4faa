"""Writing the full-text index: an object's rows replaced in one transaction, or removed.

The index is derived data (rebuilt from the objects at any time), so these writes record no audit entry.
Every write moves the kind's version (versions.py), so searches kept in the cache are not served after it.
"""

import datetime
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import islice

from django.db import transaction

from alliance.core.bulk import insert_rows
from alliance.core.fulltext.text import compact, count_grams, kind_gram, kind_range
from alliance.core.fulltext.versions import index_changed
from alliance.core.models import FullTextDocument, FullTextPosting

# A body is indexed and kept up to this many characters (a 300-page report is about 600,000), so that one
# oversized file costs seconds, not minutes.
MAX_BODY_CHARACTERS = 3_000_000
MAX_TITLE_CHARACTERS = 2_000
MAX_SUMMARY_CHARACTERS = 50_000
# Objects per transaction when indexing many at once.
BULK_DOCUMENTS = 200
POSTING_COLUMNS = ("gram", "object_id", "dated", "title", "summary", "body")


def posting_rows(*, title: str, summary: str, body: str) -> list[tuple[int, int, int, int]]:
    """(gram, title count, summary count, body count) for every gram of the three fields, counts capped."""
    fields = (
        count_grams(compact(title), letters=True),
        count_grams(compact(summary), letters=True),
        count_grams(compact(body), letters=False),
    )
    cap = FullTextPosting.COUNT_CAP
    title_counts, summary_counts, body_counts = fields
    return [
        (gram, min(title_counts.get(gram, 0), cap), min(summary_counts.get(gram, 0), cap), min(count, cap))
        for gram, count in ((gram, body_counts.get(gram, 0)) for gram in sorted(set().union(*fields)))
    ]


def index_document(*, kind: str, object_id: int, title: str, summary: str = "", body: str = "", dated) -> None:
    """Make (or replace) the searchable document `kind` #`object_id`.

    Rule: the object's previous grams are removed and its new ones written in one transaction, so a search
    sees the old text or the new, never half; texts beyond the MAX_* limits are cut there.
    Side effects: none beyond the index rows (no audit: the index is rebuilt from the objects).
    """
    title = (title or "")[:MAX_TITLE_CHARACTERS]
    summary = (summary or "")[:MAX_SUMMARY_CHARACTERS]
    body = (body or "")[:MAX_BODY_CHARACTERS]
    rows = posting_rows(title=title, summary=summary, body=body)
    ordinal = dated.toordinal()
    with transaction.atomic():
        _, created = FullTextDocument.objects.update_or_create(
            kind=kind,
            object_id=object_id,
            defaults={"title": title, "summary": summary, "body": body, "dated": dated},
        )
        if not created:
            _delete_postings(kind, object_id)
        insert_rows(
            FullTextPosting._meta.db_table,
            POSTING_COLUMNS,
            ((kind_gram(kind, gram), object_id, ordinal, *counts) for gram, *counts in rows),
        )
        index_changed(kind)


@dataclass(frozen=True)
class Text:
    """One object's text for `index_documents`."""

    object_id: int
    title: str
    dated: datetime.date
    summary: str = ""
    body: str = ""


def index_documents(*, kind: str, texts: Iterable[Text], fresh: bool = False) -> int:
    """Index many `kind` objects at once (a rebuild): their rows replaced in one transaction per
    BULK_DOCUMENTS objects, the postings written in gram order (far fewer pages touched than one object at a
    time). `fresh`: the objects are not indexed yet (after `remove_kind`), so nothing is deleted first.
    Returns how many were indexed.

    Rule and side effects: as `index_document`.
    """
    count = 0
    for chunk in _chunks(texts, BULK_DOCUMENTS):
        documents = [
            FullTextDocument(
                kind=kind,
                object_id=text.object_id,
                title=(text.title or "")[:MAX_TITLE_CHARACTERS],
                summary=(text.summary or "")[:MAX_SUMMARY_CHARACTERS],
                body=(text.body or "")[:MAX_BODY_CHARACTERS],
                dated=text.dated,
            )
            for text in chunk
        ]
        rows = sorted(
            (kind_gram(kind, gram), document.object_id, document.dated.toordinal(), *counts)
            for document in documents
            for gram, *counts in posting_rows(title=document.title, summary=document.summary, body=document.body)
        )
        with transaction.atomic():
            if not fresh:
                for document in documents:
                    _delete_postings(kind, document.object_id)
                ids = [document.object_id for document in documents]
                FullTextDocument.objects.filter(kind=kind, object_id__in=ids).delete()
            FullTextDocument.objects.bulk_create(documents)
            insert_rows(FullTextPosting._meta.db_table, POSTING_COLUMNS, rows)
            index_changed(kind)
        count += len(documents)
    return count


def _chunks(items: Iterable, size: int) -> Iterator[list]:
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


def remove_document(*, kind: str, object_id: int) -> None:
    """Take `kind` #`object_id` out of the index (nothing happens when it is not indexed).

    Rule: the document and its grams go in one transaction.
    Side effects: none beyond the index rows.
    """
    with transaction.atomic():
        _delete_postings(kind, object_id)
        FullTextDocument.objects.filter(kind=kind, object_id=object_id).delete()
        index_changed(kind)


def remove_kind(*, kind: str) -> None:
    """Empty the index of every `kind` document (before a rebuild).

    Rule: one transaction. Side effects: none beyond the index rows.
    """
    low, high = kind_range(kind)
    with transaction.atomic():
        FullTextPosting.objects.filter(gram__gte=low, gram__lt=high).delete()
        FullTextDocument.objects.filter(kind=kind).delete()
        index_changed(kind)


def _delete_postings(kind: str, object_id: int) -> None:
    low, high = kind_range(kind)
    FullTextPosting.objects.filter(object_id=object_id, gram__gte=low, gram__lt=high).delete()
