"""The shared Korean full-text index (alliance/core/fulltext/): one document per searchable object, its grams."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class FullTextDocument(models.Model):
    """One searchable object (`kind` names what it is, e.g. `info.report`; `object_id` which one) and the text
    its snippets are cut from. `dated` orders results that match equally well (newer first)."""

    # The short columns first: SQLite reads a row's columns in order, through a long body's overflow pages to
    # reach a column stored after it.
    kind = models.CharField(_("document kind"), max_length=40)
    object_id = models.BigIntegerField(_("object id"))
    dated = models.DateField(_("ranking date"))
    indexed_at = models.DateTimeField(_("indexed at"), auto_now=True)
    title = models.TextField(_("document title"))
    summary = models.TextField(_("document summary"), blank=True)
    body = models.TextField(_("document text"), blank=True)

    class Meta:
        verbose_name = _("full-text document")
        verbose_name_plural = _("full-text documents")
        constraints = [models.UniqueConstraint(fields=["kind", "object_id"], name="fulltext_document_unique")]

    def __str__(self) -> str:
        return self.title


class FullTextPosting(models.Model):
    """An object holds this gram (alliance/core/fulltext/text.py): how often in its title, summary and body
    (each count capped at COUNT_CAP, so that ranking reads them as digits of one score).

    Everything a search ranks by is in the row, so a search reads postings only: the gram carries the kind in
    its high bits (`text.kind_gram`), the row the object's id and date (`dated`: the date's ordinal). The
    primary key (gram, object) is the search's range and holds the counts too: the migration makes the table
    WITHOUT ROWID on SQLite and the key INCLUDE the counts on PostgreSQL (index-only scans). Written thousands
    at a time, so no surrogate id and no foreign key; the object index serves replacing an object's rows."""

    COUNT_CAP = 999

    pk = models.CompositePrimaryKey("gram", "object_id")
    gram = models.BigIntegerField()
    object_id = models.BigIntegerField()
    dated = models.IntegerField()
    title = models.PositiveSmallIntegerField(default=0)
    summary = models.PositiveSmallIntegerField(default=0)
    body = models.PositiveSmallIntegerField(default=0)

    class Meta:
        indexes = [models.Index(fields=["object_id"], name="fulltext_posting_object")]

    def __str__(self) -> str:
        return str(self.gram)
