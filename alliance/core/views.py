"""Core's own pages: the audit log and the language switch (the home page and "My page" are the portal's)."""

from django.core.paginator import Paginator
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.i18n import set_language as django_set_language

from alliance.core import audit, downloads
from alliance.core.forms import AuditFilterForm
from alliance.core.permissions import permission_required, public
from alliance.core.spreadsheets import table_xlsx
from alliance.core.templatetags.audit import change_rows

EXPORT_LIMIT = 100_000  # rows of one download; the filters narrow a bigger log


@permission_required("core.view_auditentry")
def audit_log(request):
    form = AuditFilterForm(request.GET or None, actions=audit.action_choices())
    filters = form.values() if request.GET else {}
    page = Paginator(audit.filtered_entries(**filters), 50).get_page(request.GET.get("page"))
    for entry in page:
        entry.label = audit.action_label(entry.action)
        entry.actor_shown = audit.actor_display(entry)
    query = request.GET.copy()
    query.pop("page", None)
    context = {"page": page, "form": form, "query": query.urlencode()}
    return render(request, "core/audit_log.html", context)


@permission_required("core.view_auditentry")
def audit_log_export(request):
    """The entries the log's filters select, as XLSX: time, who, action, record, and one line per change."""
    form = AuditFilterForm(request.GET or None, actions=audit.action_choices())
    entries = audit.filtered_entries(**(form.values() if request.GET else {}))[:EXPORT_LIMIT]
    rows = (
        [
            entry.created_at,
            audit.actor_display(entry),
            audit.action_label(entry.action),
            entry.target_label,
            "\n".join(f"{label}: {before or '-'} → {after or '-'}" for label, before, after in change_rows(entry)),
        ]
        for entry in entries
    )
    headers = [_("When"), _("Who"), _("Action"), _("Record"), _("Changes")]
    content = table_xlsx(headers, rows, title=gettext("Audit log"))
    name = f"{gettext('Audit log')}-{timezone.localdate():%Y%m%d}.xlsx"
    return downloads.file_response(content, filename=name, ascii_name="audit-log.xlsx", content_type=downloads.XLSX)


@public
def set_language(request):
    """Django's language switch (a POST from the header's form), declared public like the pages it serves."""
    return django_set_language(request)
