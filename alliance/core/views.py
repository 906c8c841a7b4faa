"""Core's own pages: the audit log and the language switch (the home page and "My page" are the portal's)."""

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import render
from django.views.i18n import set_language as django_set_language

from alliance.core.audit import action_label
from alliance.core.models import AuditEntry
from alliance.core.rules import require_secretariat


@login_required
def audit_log(request):
    require_secretariat(request.user)
    entries = AuditEntry.objects.select_related("actor", "target_type")
    action = request.GET.get("action", "").strip()
    if action:
        entries = entries.filter(action__startswith=action)
    page = Paginator(entries, 50).get_page(request.GET.get("page"))
    for entry in page:
        entry.label = action_label(entry.action)
    return render(request, "core/audit_log.html", {"page": page, "action": action})


set_language = django_set_language
