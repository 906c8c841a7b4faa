"""The member census: staff pages (rounds, reminders, review, stale confirmations) and the personal link."""

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from alliance.core import downloads
from alliance.core.confirm import confirmation_gate
from alliance.core.delivery.progress import progress_of
from alliance.core.links import LinkGone
from alliance.core.permissions import permission_required, personal_link
from alliance.core.spreadsheets import table_xlsx
from alliance.members.forms.census import CensusProfileForm, CensusReviewForm, CensusRoundForm
from alliance.members.models import CensusInvitation, CensusResponse
from alliance.members.queries import census as census_queries
from alliance.members.services import census as service
from alliance.members.services import census_responses as responses
from alliance.members.views import census_confirm

PAGE_SIZE = 50
UNINVITED_SHOWN = 200


def _with_rate(census_round):
    census_round.rate = census_queries.response_rate(census_round.responded, census_round.invited)
    return census_round


@permission_required("members.run_census")
def census_rounds(request):
    page = Paginator(census_queries.rounds_with_counts(), PAGE_SIZE).get_page(request.GET.get("page"))
    for census_round in page:
        _with_rate(census_round)
    return render(request, "members/census/rounds.html", {"page": page})


@permission_required("members.run_census")
@require_http_methods(["GET", "POST"])
def census_round_create(request):
    form = CensusRoundForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        confirmation = census_confirm.opening_confirmation(**form.cleaned_data)
        if (page := confirmation_gate(request, confirmation)) is not None:
            return page
        try:
            opened = service.open_census_round(actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request,
                _("Census round opened: %(invited)s organisations invited, %(missing)s without an e-mail address.")
                % {"invited": f"{opened.invited:,}", "missing": f"{opened.without_contact:,}"},
            )
            return redirect("members:census_round_detail", pk=opened.census_round.pk)
    return render(request, "members/census/round_form.html", {"form": form, "link_days": settings.CENSUS_LINK_DAYS})


@permission_required("members.run_census")
@require_http_methods(["GET", "POST"])
def census_round_detail(request, pk: int):
    census_round = get_object_or_404(census_queries.rounds_with_counts(), pk=pk)
    if request.method == "POST" and request.POST.get("action") == "close":
        if (page := confirmation_gate(request, census_confirm.closing_confirmation(census_round))) is not None:
            return page
        try:
            service.close_census_round(actor=request.user, census_round=census_round)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("The census round is closed; its links no longer work."))
        return redirect("members:census_round_detail", pk=pk)
    if request.GET.get("download") == "xlsx":
        return _non_responders_xlsx(census_round)
    page = Paginator(census_queries.non_responders(census_round), PAGE_SIZE).get_page(request.GET.get("page"))
    uninvited = census_queries.uninvited_members(census_round)
    context = {
        "census_round": _with_rate(census_round),
        "page": page,
        "pending": census_queries.pending_responses(census_round),
        "uninvited": uninvited.only("pk", "name")[:UNINVITED_SHOWN],
        "uninvited_count": uninvited.count(),
        "deliveries": progress_of(census_round, (census_queries.CENSUS_MAILING,)),
    }
    return render(request, "members/census/round_detail.html", context)


@permission_required("members.run_census")
@require_POST
def census_remind(request, pk: int):
    census_round = get_object_or_404(census_queries.rounds_with_counts(), pk=pk)
    if (page := confirmation_gate(request, census_confirm.reminder_confirmation(census_round))) is not None:
        return page
    try:
        reminded = service.remind_non_responders(actor=request.user, census_round=census_round)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Reminders sent to %(count)s organisations.") % {"count": f"{reminded:,}"})
    return redirect("members:census_round_detail", pk=pk)


@permission_required("members.run_census")
@require_http_methods(["GET", "POST"])
def census_response_review(request, pk: int):
    response = get_object_or_404(
        CensusResponse.objects.select_related("invitation__organisation", "invitation__census_round", "reviewed_by"),
        pk=pk,
    )
    form = CensusReviewForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            if request.POST.get("action") == "apply":
                responses.apply_census_response(actor=request.user, response=response)
                messages.success(request, _("The changes were applied to the member profile."))
            else:
                responses.reject_census_response(actor=request.user, response=response, note=form.cleaned_data["note"])
                messages.success(request, _("The changes were rejected."))
        except ValidationError as error:
            form.add_error("note" if request.POST.get("action") != "apply" else None, error)
        else:
            return redirect("members:census_response_review", pk=pk)
    context = {"response": response, "rows": responses.change_rows(response), "form": form}
    return render(request, "members/census/response_review.html", context)


@permission_required("members.run_census")
def stale_confirmations(request):
    today = timezone.localdate()
    if request.GET.get("download") == "xlsx":
        return _stale_xlsx(today)
    page = Paginator(census_queries.stale_members(today), PAGE_SIZE).get_page(request.GET.get("page"))
    for organisation in page:
        confirmed = organisation.last_confirmed_on
        organisation.days_since = (today - confirmed).days if confirmed else None
    context = {"page": page, "stale_days": settings.CONFIRMATION_STALE_DAYS}
    return render(request, "members/census/stale.html", context)


def _non_responders_xlsx(census_round):
    """The round's non-responders as the page lists them, every row in one sheet (for follow-up calls)."""
    rows = (
        [
            invitation.organisation.name,
            invitation.email,
            _("Sent") if invitation.delivered else _("Not sent yet"),
            invitation.reminder_count,
            invitation.last_reminded_at,
            invitation.expires_at,
        ]
        for invitation in census_queries.non_responders(census_round)
    )
    headers = [_("Organisation"), _("Sent to"), _("E-mail"), _("Reminders"), _("Last reminded"), _("Link expires")]
    content = table_xlsx(headers, rows, title=_("Not answered yet"))
    name = f"{census_round.title} {_('Not answered yet')}.xlsx"
    return downloads.file_response(
        content, filename=name, ascii_name="census-non-responders.xlsx", content_type=downloads.XLSX
    )


def _stale_xlsx(today):
    rows = (
        [
            organisation.get_category_display(),
            organisation.name,
            organisation.joined_on,
            organisation.last_confirmed_on or _("Never confirmed"),
            (today - organisation.last_confirmed_on).days if organisation.last_confirmed_on else None,
        ]
        for organisation in census_queries.stale_members(today)
    )
    headers = [_("Member category"), _("Organisation"), _("Joined"), _("Last confirmed"), _("Days since")]
    content = table_xlsx(headers, rows, title=_("Profiles not confirmed recently"))
    name = f"{_('Profiles not confirmed recently')} {today:%Y%m%d}.xlsx"
    return downloads.file_response(
        content, filename=name, ascii_name="stale-profiles.xlsx", content_type=downloads.XLSX
    )


def _link_gone(request, *, status: int):
    return render(request, "members/census/link_gone.html", {"status": status}, status=status)


@personal_link
def census_respond(request, token: str):
    """The personal link: no account; the token alone names one organisation."""
    try:
        invitation = service.invitation_for_token(token)
    except CensusInvitation.DoesNotExist:
        return _link_gone(request, status=404)
    except LinkGone:
        return _link_gone(request, status=410)
    organisation = invitation.organisation
    form = CensusProfileForm(request.POST or None, organisation=organisation)
    edited = []
    if request.method == "POST":
        action = request.POST.get("action")
        # "Confirm as is" after editing would drop the edits silently: ask first (keep or drop them).
        edited = form.edited_field_labels() if action == "confirm" else []
        confirm_only = action == "confirm_discarding_edits" or (action == "confirm" and not edited)
        if confirm_only or (action != "confirm" and form.is_valid()):
            values = form.profile_values() if not confirm_only else {}
            name = form.data.get("respondent_name", "")[:100]
            try:
                response = responses.submit_census_response(
                    invitation=invitation, values=values, respondent_name=name, confirm_only=confirm_only
                )
            except LinkGone:
                return _link_gone(request, status=410)
            if response.changes:
                messages.success(request, _("Thank you. The secretariat will review your changes before they apply."))
            else:
                messages.success(request, _("Thank you. Your profile is confirmed as it is."))
            return redirect("members:census_respond", token=token)
    context = {
        "invitation": invitation,
        "organisation": organisation,
        "form": form,
        "last_day": service.link_last_day(invitation),
        "latest": invitation.responses.order_by("-submitted_at").first(),
        "edited": edited,
    }
    return render(request, "members/census/respond.html", context)
