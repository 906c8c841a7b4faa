"""The map survey: the secretariat opens surveys and reviews answers; companies answer by personal link."""

from urllib.parse import urlencode

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Count, Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.dateparse import parse_date
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from alliance.core.confirm import ORGANISATIONS, Confirmation, confirmation_gate, email_preview_response
from alliance.core.delivery.progress import progress_of
from alliance.core.links import LinkGone
from alliance.core.permissions import permission_required, personal_link
from alliance.core.versions import Extra, StaleEditError
from alliance.ecosystem.forms.survey import SurveyAnswerForm, SurveyOpenForm, SurveyReviewForm
from alliance.ecosystem.models import MapSurvey, MapSurveyInvitation, MapSurveyResponse, Placement, Taxonomy
from alliance.ecosystem.services import survey as survey_service


def _opening_confirmation(*, taxonomy, title: str, closes_on) -> Confirmation:
    recipients = survey_service.survey_recipients()
    survey = MapSurvey(taxonomy=taxonomy, title=title, closes_on=closes_on)
    query = urlencode({"year": taxonomy.year, "title": title, "closes_on": closes_on.isoformat()})
    first = recipients[0][0] if recipients else _("(company name)")
    return Confirmation(
        title=_("Open the map survey"),
        summary=_("The survey “%(title)s” opens and each company below receives its personal link by e-mail.")
        % {"title": title},
        count=len(recipients),
        unit=ORGANISATIONS,
        names=[name for name, _address in recipients],
        refusals=[] if recipients else [_("No company has an e-mail address: nobody would be asked.")],
        cancel_url=reverse("ecosystem:surveys"),
        confirm_label=_("Open and send"),
        preview_url=reverse("ecosystem:survey_open_preview") + "?" + query,
        sample_email=lambda: survey_service.sample_survey_email(survey=survey, name=first),
    )


@permission_required("ecosystem.review_survey")
@require_GET
def survey_open_preview(request):
    """The e-mail a survey with the given year, title and closing date would send (sample link)."""
    year = request.GET.get("year", "")
    taxonomies = Taxonomy.objects.order_by("-year")
    taxonomy = (taxonomies.filter(year=year).first() if year.isdigit() else None) or taxonomies.first()
    if taxonomy is None:
        raise Http404
    closes_on = parse_date(request.GET.get("closes_on", "")) or timezone.localdate()
    survey = MapSurvey(taxonomy=taxonomy, title=request.GET.get("title", "")[:200], closes_on=closes_on)
    recipients = survey_service.survey_recipients()
    name = recipients[0][0] if recipients else _("(company name)")
    return email_preview_response(survey_service.sample_survey_email(survey=survey, name=name))


@permission_required("ecosystem.review_survey")
def surveys(request):
    """Every survey with its counts; the form that opens one."""
    form = SurveyOpenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if (page := confirmation_gate(request, _opening_confirmation(**form.cleaned_data))) is not None:
            return page
        try:
            survey = survey_service.open_map_survey(actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The survey is open; the e-mails are on their way."))
            return redirect("ecosystem:survey_detail", pk=survey.pk)
    listing = MapSurvey.objects.select_related("taxonomy").annotate(
        invited=Count("invitations", distinct=True),
        responded=Count("invitations", filter=Q(invitations__responded_at__isnull=False), distinct=True),
    )
    return render(request, "ecosystem/survey/list.html", {"form": form, "surveys": listing})


@permission_required("ecosystem.review_survey")
def survey_detail(request, pk: int):
    """One survey: each invited company, whether it answered, and the answers awaiting review."""
    survey = get_object_or_404(MapSurvey.objects.select_related("taxonomy"), pk=pk)
    invitations = list(survey.invitations.select_related("player"))
    pending = list(
        MapSurveyResponse.objects.filter(invitation__survey=survey, status=MapSurveyResponse.Status.PENDING)
        .select_related("invitation__player")
        .order_by("invitation__player__name")
    )
    context = {
        "survey": survey,
        "invitations": invitations,
        "pending": pending,
        "deliveries": progress_of(survey, (survey_service.SURVEY_MAILING,)),
    }
    return render(request, "ecosystem/survey/detail.html", context)


@permission_required("ecosystem.review_survey")
def survey_response_review(request, pk: int):
    """One answer: each changed value before and after; apply or reject."""
    response = get_object_or_404(
        MapSurveyResponse.objects.select_related("invitation__player", "invitation__survey__taxonomy"), pk=pk
    )
    rows = survey_service.change_rows(response)
    placement = Placement.objects.filter(
        player_id=response.invitation.player_id, taxonomy_id=response.invitation.survey.taxonomy_id
    ).first()
    form = SurveyReviewForm(
        request.POST or None,
        version=placement.version if placement else 0,
        extra={row["label"]: Extra(row["label"], row["current"]) for row in rows},
    )
    if request.method == "POST" and form.is_valid():
        try:
            if form.cleaned_data["decision"] == SurveyReviewForm.APPLY:
                survey_service.apply_survey_response(
                    actor=request.user, response=response, expected_version=form.loaded_version
                )
                messages.success(request, _("The answer is applied; confirm the placement when it is right."))
            else:
                survey_service.reject_survey_response(
                    actor=request.user, response=response, note=form.cleaned_data["note"]
                )
                messages.success(request, _("The answer is rejected."))
        except StaleEditError as error:
            form.stale(error, yours_extra={row["label"]: row["after"] for row in rows})
            return render(request, "ecosystem/survey/review.html", {"response": response, "rows": rows, "form": form})
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        return redirect("ecosystem:survey_detail", pk=response.invitation.survey_id)
    return render(request, "ecosystem/survey/review.html", {"response": response, "rows": rows, "form": form})


@personal_link
def survey_respond(request, survey_token: str):
    """A company's answer through its personal link; no account needed."""
    try:
        invitation = survey_service.invitation_for_token(survey_token)
    except MapSurveyInvitation.DoesNotExist as error:
        raise Http404 from error
    except LinkGone:
        return render(request, "ecosystem/survey/link_gone.html", status=410)
    taxonomy = invitation.survey.taxonomy
    current = survey_service.current_values(invitation.player, taxonomy)
    form = SurveyAnswerForm(request.POST or None, initial=current, taxonomy=taxonomy)
    if request.method == "POST" and form.is_valid():
        try:
            response = survey_service.submit_survey_response(
                invitation=invitation, values=form.values(), respondent_name=form.cleaned_data["respondent_name"]
            )
        except LinkGone:
            return render(request, "ecosystem/survey/link_gone.html", status=410)
        if response.changes:
            messages.success(request, _("Thank you: the secretariat will review your changes before they apply."))
        else:
            messages.success(request, _("Thank you: your values are confirmed as they are."))
        return redirect("ecosystem:survey_respond", survey_token=survey_token)
    context = {"invitation": invitation, "form": form, "year": taxonomy.year}
    return render(request, "ecosystem/survey/respond.html", context)
