"""A seat holder's own bodies ("내 회의체"), and the open subcommittees a member company joins or leaves."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from alliance.core.permissions import POST, permission_required, require_object_permission
from alliance.governance.models import Body
from alliance.governance.queries import bodies as queries
from alliance.governance.services import bodies as service


@permission_required("governance.view_own_bodies", methods=("GET",))
def my_bodies(request):
    context = {"seats": list(queries.my_seats(request.user)), "tasks": list(queries.my_open_tasks(request.user))}
    return render(request, "governance/my_bodies.html", context)


@permission_required("governance.view_open_subcommittees", methods=("GET",))
def open_subcommittees(request):
    year = queries.current_year()
    bodies = list(queries.open_subcommittees(year, request.user.organisation))
    return render(request, "governance/open_subcommittees.html", {"year": year, "bodies": bodies})


def _joinable(request, pk) -> Body:
    body = Body.objects.filter(pk=pk).first()
    require_object_permission(request.user, "governance.join_subcommittee", body)
    return body


@permission_required("governance.join_subcommittee", object_level=True, methods=POST, scope=_joinable)
def join(request, pk):
    body = _joinable(request, pk)
    service.join_subcommittee(body=body, organisation=request.user.organisation, by=request.user)
    messages.success(
        request,
        _("%(company)s now takes part in %(body)s.") % {"company": request.user.organisation.name, "body": body.name},
    )
    return redirect("governance:body_detail", pk=body.pk)


@permission_required("governance.join_subcommittee", object_level=True, methods=POST, scope=_joinable)
def leave(request, pk):
    body = _joinable(request, pk)
    service.leave_subcommittee(body=body, organisation=request.user.organisation, by=request.user)
    messages.success(
        request,
        _("%(company)s no longer takes part in %(body)s.")
        % {"company": request.user.organisation.name, "body": body.name},
    )
    return redirect("governance:body_detail", pk=body.pk)
