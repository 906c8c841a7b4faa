"""The secretariat's account pages (계정 관리): every account with its roles, and one account's set of roles."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from alliance.core.audit import action_label, history_of
from alliance.core.forms import AccountFilterForm, AccountRolesForm
from alliance.core.models import User
from alliance.core.permissions import permission_required
from alliance.core.services.accounts import CHANGED, GRANTED, REVOKED, RoleChangeError, set_roles
from alliance.core.versions import StaleEditError

PAGE_SIZE = 50


def _accounts(*, query: str = "", role: str = ""):
    accounts = User.objects.select_related("organisation").prefetch_related("role_grants").order_by("name", "email")
    if query:
        accounts = accounts.filter(
            Q(name__icontains=query) | Q(email__icontains=query) | Q(organisation__name__icontains=query)
        )
    if role:
        accounts = accounts.with_role(role)
    return accounts


@permission_required("core.change_user_roles")
def account_list(request):
    form = AccountFilterForm(request.GET or None)
    page = Paginator(_accounts(**(form.values() if request.GET else {})), PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(request, "core/accounts/list.html", {"form": form, "page": page, "query": query.urlencode()})


@permission_required("core.change_user_roles")
def account_roles(request, pk):
    account = get_object_or_404(User.objects.select_related("organisation"), pk=pk)
    form = AccountRolesForm(
        request.POST or None, initial={"roles": [role.value for role in account.roles]}, version=account.roles_version
    )
    if request.method == "POST" and form.is_valid():
        try:
            changed = set_roles(
                user=account, roles=form.cleaned_data["roles"], by=request.user, expected_version=form.loaded_version
            )
        except StaleEditError as error:
            form.stale(error)
        except RoleChangeError as refusal:
            form.add_error("roles", str(refusal))
        else:
            messages.success(request, _("Saved.") if changed else _("Nothing changed."))
            return redirect("core:account_roles", pk=account.pk)
    history = history_of(account).filter(action__in=(GRANTED, REVOKED, CHANGED))[:20]
    for entry in history:
        entry.label = action_label(entry.action)
    return render(request, "core/accounts/roles.html", {"account": account, "form": form, "history": history})
