"""The standard-contract revision: documents split into clauses, comments per clause, the chair's disposition,
and the amended text with its reason.

Rule: members comment while a document's comment period is open (until `comments_close_on`, inclusive); the
chair (or staff) decides each comment and writes the amendment;
Side effects: an audit entry for every write.
"""

import datetime
import re

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from alliance.core.audit import record_audit
from alliance.core.versions import bump_version, check_version
from alliance.governance.models import (
    BodyKind,
    Clause,
    ClauseComment,
    ContractDocument,
    Disposition,
)

# "제3조(계약기간)", "제 12 조 (손해배상)", "제3조의2(비밀유지)" at the start of a line: one clause each.
ARTICLE = re.compile(r"^\s*(제\s*\d+\s*조(?:\s*의\s*\d+)?)\s*(?:[(（]([^)）\n]*)[)）])?\s*(.*)$")
MAX_CLAUSES = 500


def split_clauses(text: str) -> list[tuple[str, str, str]]:
    """(article, heading, text) for each article of a Korean contract; what comes before the first article
    (the title, a preamble) is kept as a clause named 전문 when it holds more than a title line."""
    clauses: list[list[str]] = []
    preamble: list[str] = []
    for line in text.replace("\r\n", "\n").split("\n"):
        match = ARTICLE.match(line)
        if match:
            number = re.sub(r"\s+", "", match.group(1))
            clauses.append([number, (match.group(2) or "").strip(), match.group(3).strip()])
        elif clauses:
            clauses[-1][2] = f"{clauses[-1][2]}\n{line.rstrip()}".strip("\n")
        elif line.strip():
            preamble.append(line.strip())
    result = [(number, heading, body.strip()) for number, heading, body in clauses]
    if len(preamble) > 1:
        result.insert(0, ("전문", "", "\n".join(preamble[1:])))
    return result


def add_document(*, body, title: str, kind: str, text: str, comments_close_on: datetime.date | None, by):
    """A document under review, split into its clauses.

    Rule: only a subcommittee reviews documents; the text must hold at least one article (제N조), and at most
    MAX_CLAUSES. Side effects: the document and its clauses, an audit entry."""
    if body.kind != BodyKind.SUBCOMMITTEE:
        raise ValidationError(_("Documents are reviewed by a subcommittee."))
    clauses = split_clauses(text)
    if not any(number != "전문" for number, _heading, _text in clauses):
        raise ValidationError(
            _("No article was found: each article must start a line with 제N조 (for example “제1조(목적) …”).")
        )
    if len(clauses) > MAX_CLAUSES:
        raise ValidationError(_("A document may have at most %(limit)s articles.") % {"limit": MAX_CLAUSES})
    with transaction.atomic():
        order = (ContractDocument.objects.filter(body=body).aggregate(last=Max("order"))["last"] or 0) + 1
        document = ContractDocument.objects.create(
            body=body, title=title, kind=kind, order=order, comments_close_on=comments_close_on
        )
        Clause.objects.bulk_create(
            Clause(document=document, order=index, number=number, heading=heading, current_text=clause_text)
            for index, (number, heading, clause_text) in enumerate(clauses, start=1)
        )
        record_audit(action="governance.contract.added", actor=by, target=document, after={"clauses": len(clauses)})
    return document


def comment_on_clause(*, clause: Clause, text: str, by) -> ClauseComment:
    """A member's comment on one clause. Rule: only while the comment period is open. Side effects: audit."""
    closes = clause.document.comments_close_on
    if closes is not None and timezone.localdate() > closes:
        raise ValidationError(_("Comments on this document closed on %(day)s.") % {"day": closes.isoformat()})
    if not text.strip():
        raise ValidationError(_("Write the comment."))
    with transaction.atomic():
        comment = ClauseComment.objects.create(clause=clause, author=by, text=text.strip(), created_at=timezone.now())
        record_audit(
            action="governance.contract.commented",
            actor=by,
            target=clause.document,
            after={"clause": clause.number, "text": comment.text},
        )
    return comment


def dispose_comment(*, comment: ClauseComment, disposition: str, note: str, by) -> ClauseComment:
    """The chair's decision on a comment (반영 / 일부 반영 / 미반영, with a note). Side effects: audit."""
    if disposition not in (Disposition.ACCEPTED, Disposition.PARTLY, Disposition.DECLINED):
        raise ValidationError(_("Choose accepted, partly accepted or not accepted."))
    with transaction.atomic():
        comment = ClauseComment.objects.select_for_update().select_related("clause__document").get(pk=comment.pk)
        before = {"disposition": comment.disposition, "note": comment.disposition_note}
        comment.disposition, comment.disposition_note = disposition, note.strip()
        comment.disposed_by, comment.disposed_at = by, timezone.now()
        comment.save()
        record_audit(
            action="governance.contract.disposed",
            actor=by,
            target=comment.clause.document,
            before=before,
            after={"clause": comment.clause.number, "disposition": disposition, "note": comment.disposition_note},
        )
    return comment


def set_amendment(
    *, clause: Clause, proposed_text: str, reason: str, by, expected_version: int | None = None
) -> Clause:
    """The amended text of a clause and its reason (an empty text withdraws the amendment).

    Rule: an amendment states its reason; refused with core.versions.StaleEditError, nothing written, when the
    clause's amendment was changed since `expected_version` (its form's).
    Side effects: the clause's version moves on; audit."""
    if proposed_text.strip() and proposed_text.strip() != clause.current_text.strip() and not reason.strip():
        raise ValidationError(_("State the reason for the change (사유)."))
    with transaction.atomic():
        check_version(clause, expected_version)
        before = {"proposed_text": clause.proposed_text, "reason": clause.reason}
        clause.proposed_text, clause.reason = proposed_text.strip(), reason.strip()
        bump_version(clause)
        clause.save(update_fields=["proposed_text", "reason", "version"])
        record_audit(
            action="governance.contract.amended",
            actor=by,
            target=clause.document,
            before=before,
            after={"clause": clause.number, "proposed_text": clause.proposed_text, "reason": clause.reason},
        )
    return clause
