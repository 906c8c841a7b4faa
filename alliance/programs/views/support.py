"""The post-award support record: staff's page of benefits and what each winner was granted (grant to all
winners in one action, add a benefit), one grant's page to record its use, the XLSX export, and the
bonus-point certificate (가점 확인서) for staff and the awarded group's companies. The awarded group's lead
representative records its own use on the grant's page too."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from alliance.core.confirm import RECORDS, Confirmation, confirmation_gate
from alliance.core.permissions import permission_required, require_object_permission
from alliance.core.versions import LOADED_FIELD, StaleEditError
from alliance.programs import phrases
from alliance.programs.documents import files
from alliance.programs.forms.support import BenefitForm, GrantForm, UseForm
from alliance.programs.models import Programme, SupportGrant
from alliance.programs.queries import support as queries
from alliance.programs.services import support as service
from alliance.programs.views.documents import file_response


def _grant_confirmation(programme, panel, benefits) -> Confirmation:
    pairs = service.grants_to_make(panel, benefits) if panel is not None else []
    refusals = []
    if panel is None:
        refusals.append(_("Benefits are granted to the winners once the final results are released."))
    elif not pairs:
        refusals.append(_("Every winner already holds the chosen benefits: nothing new to grant."))
    return Confirmation(
        title=_("Grant benefits to every winner"),
        summary=_("Each winner below is granted the benefit named, with a certificate number."),
        count=len(pairs),
        unit=RECORDS,
        names=[
            _("%(benefit)s → %(group)s") % {"benefit": benefit.name, "group": winner.group.name}
            for benefit, winner in pairs
        ],
        refusals=refusals,
        cancel_url=reverse("programs:support_record", args=[programme.pk]),
        confirm_label=_("Grant the benefits"),
    )


def _support_action(request, programme, panel, grant_form, benefit_form) -> bool | HttpResponse:
    """Carry out the posted action; True when it succeeded (the page then redirects), or the confirmation page
    a grant to every winner answers first."""
    action = request.POST.get("action")
    try:
        if action == "grant" and grant_form.is_valid():
            confirmation = _grant_confirmation(programme, panel, grant_form.cleaned_data["benefits"])
            if (page := confirmation_gate(request, confirmation)) is not None:
                return page
            if panel is None:
                raise ValidationError(_("Benefits are granted to the winners once the final results are released."))
            count = service.grant_to_winners(
                actor=request.user,
                panel=panel,
                benefits=grant_form.cleaned_data["benefits"],
                issued_on=grant_form.cleaned_data["issued_on"],
            )
            messages.success(request, _("%(count)d benefits granted.") % {"count": count})
            return True
        if action == "benefit" and benefit_form.is_valid():
            service.save_benefit(actor=request.user, programme=programme, data=benefit_form.cleaned_data)
            messages.success(request, phrases.SAVED)
            return True
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return False


@permission_required("programs.manage_programme")
@require_http_methods(["GET", "POST"])
def support_record(request, pk: int):
    programme = get_object_or_404(Programme, pk=pk)
    panel = service.released_final(programme)
    action = request.POST.get("action") if request.method == "POST" else None
    grant_form = GrantForm(request.POST if action == "grant" else None, programme=programme, prefix="grant")
    benefit_form = BenefitForm(request.POST if action == "benefit" else None, prefix="benefit")
    if request.method == "POST":
        done = _support_action(request, programme, panel, grant_form, benefit_form)
        if isinstance(done, HttpResponse):
            return done
        if done:
            return redirect("programs:support_record", pk=pk)
    winners = queries.winners_with_grants(panel) if panel else []
    uses = [grant.use for winner in winners for grant in winner.grants]
    context = {
        "programme": programme,
        "panel": panel,
        "benefits": queries.benefits_of(programme),
        "winners": winners,
        "totals": {"granted": len(uses), **{use: uses.count(use) for use in SupportGrant.Use.values}},
        "grant_form": grant_form,
        "benefit_form": benefit_form,
    }
    return render(request, "programs/support/record.html", context)


@permission_required("programs.record_support_use", object_level=True)
@require_http_methods(["GET", "POST"])
def support_grant(request, pk: int):
    """One grant and its use: recorded by staff or by the representative of the awarded group's lead company
    (404 to anyone else)."""
    grant = queries.grant(pk)
    require_object_permission(request.user, "programs.record_support_use", grant)
    is_secretariat = request.user.has_perm("programs.manage_programme")
    initial = {"use": grant.use, "used_on": grant.used_on, "used_for": grant.used_for}
    form = UseForm(request.POST or None, initial=initial, version=grant.version)
    if request.method == "POST" and form.is_valid():
        data = {name: value for name, value in form.cleaned_data.items() if name != LOADED_FIELD}
        try:
            service.record_use(actor=request.user, grant=grant, expected_version=form.loaded_version, **data)
        except StaleEditError as error:
            form.stale(error)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, phrases.SAVED)
            if is_secretariat:
                return redirect("programs:support_record", pk=grant.benefit.programme_id)
            return redirect(reverse("programs:group_detail", args=[grant.winner.group_id]) + "#support")
    return render(
        request, "programs/support/grant.html", {"grant": grant, "form": form, "is_secretariat": is_secretariat}
    )


@permission_required("programs.manage_programme")
@require_GET
def support_xlsx(request, pk: int):
    return file_response(files.support_record(get_object_or_404(Programme, pk=pk)))


@permission_required("programs.view_support_grant", object_level=True)
@require_GET
def support_certificate(request, pk: int):
    """The bonus-point certificate of a grant: staff and the representatives of the group's companies (404 to
    anyone else, and for a benefit that is not bonus points)."""
    grant = queries.grant(pk)
    require_object_permission(request.user, "programs.view_support_grant", grant)
    if not grant.benefit.is_bonus_points:
        raise Http404
    return file_response(files.bonus_certificate(grant, request=request))
