"""The web archive's search index: every sent edition in core's Korean full-text index (core/fulltext), as
kind `info.edition`: its subject as the title, its items' titles as the summary, their summaries and sources as
the body, dated by its publishing day.

Rule: a sent edition is indexed once it is sent — by `mark_edition_sent`, by the demo, and by the periodic job
`info_index_editions` (every 5 minutes), which indexes any sent edition the index lacks (an edition sent through
the subscribers' delivery). Drafts and scheduled editions are never indexed (the archive shows sent ones only).
Side effects: the index rows only (no audit: the index is rebuilt from the editions).
"""

from alliance.core.fulltext.services import Text, index_document, index_documents
from alliance.core.models import FullTextDocument
from alliance.info.models import Edition
from alliance.info.queries.newsletter import EDITION_KIND

KIND = EDITION_KIND


def edition_text(edition: Edition) -> Text:
    items = list(edition.items.order_by("section", "order"))
    return Text(
        object_id=edition.pk,
        title=edition.subject,
        dated=edition.publishing_date,
        summary="\n".join(item.title for item in items),
        body="\n".join(" ".join(part for part in (item.summary, item.source, *item.tags) if part) for item in items),
    )


def index_edition(*, edition: Edition) -> None:
    if edition.state != Edition.State.SENT:
        return
    text = edition_text(edition)
    index_document(
        kind=KIND, object_id=text.object_id, title=text.title, summary=text.summary, body=text.body, dated=text.dated
    )


def index_missing_editions() -> str:
    """The periodic job: every sent edition the index lacks."""
    indexed = FullTextDocument.objects.filter(kind=KIND).values("object_id")
    missing = Edition.objects.filter(state=Edition.State.SENT).exclude(pk__in=indexed).prefetch_related("items")
    count = index_documents(kind=KIND, texts=(edition_text(edition) for edition in missing))
    return f"{count} newsletter editions indexed"
