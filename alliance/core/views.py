"""Core's own pages: the audit log and the language switch (the home page and "My page" are the portal's)."""

from django.core.paginator import Paginator
from django.shortcuts import render
from django.views.i18n import set_language as django_set_language

from alliance.core.audit import action_label
from alliance.core.models import AuditEntry
from alliance.core.permissions import permission_required, public


@permission_required("core.view_auditentry")
def audit_log(request):
    entries = AuditEntry.objects.select_related("actor", "target_type")
    action = request.GET.get("action", "").strip()
    if action:
        entries = entries.filter(action__startswith=action)
    page = Paginator(entries, 50).get_page(request.GET.get("page"))
    for entry in page:
        entry.label = action_label(entry.action)
    return render(request, "core/audit_log.html", {"page": page, "action": action})


@public
def set_language(request):
    """Django's language switch (a POST from the header's form), declared public like the pages it serves."""
    return django_set_language(request)
