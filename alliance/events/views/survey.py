"""The satisfaction survey: staff's results page (averages, distribution, comments) with the confirmed send
("N명에게 발송합니다", a preview and a test to oneself), and the attendee's answer page by personal link."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from alliance.core import links
from alliance.core.confirm import RECIPIENTS, Confirmation, confirmation_gate, email_preview_response
from alliance.core.delivery.progress import progress_of
from alliance.core.permissions import POST, permission_required, personal_link
from alliance.events.forms.survey import EventSurveyForm
from alliance.events.models import Event, SurveyInvitation
from alliance.events.queries.survey import SURVEY_MAILING, survey_candidates, survey_summary
from alliance.events.services import survey as service

MANAGE = "events.manage_coverage"


@permission_required(MANAGE)
def survey_results(request, pk: int):
    event = get_object_or_404(Event, pk=pk)
    context = {
        "event": event,
        "summary": survey_summary(event),
        "candidates": len(survey_candidates(event)),
        "deliveries": progress_of(event, (SURVEY_MAILING,)),
    }
    return render(request, "events/survey/results.html", context)


@permission_required(MANAGE, methods=POST)
def survey_send(request, pk: int):
    event = get_object_or_404(Event, pk=pk)
    candidates = survey_candidates(event)
    count = len(candidates)
    confirmation = Confirmation(
        title=_("E-mail the satisfaction survey"),
        summary=_("Each attendee of “%(event)s” not asked yet gets an e-mail with a survey link of their own.")
        % {"event": event.title},
        count=count,
        unit=RECIPIENTS,
        names=[guest.name for guest in candidates],
        cancel_url=reverse("events:survey_results", args=[event.pk]),
        refusals=service.survey_refusals(event, count=count),
        preview_url=reverse("events:survey_preview", args=[event.pk]),
        sample_email=lambda: service.survey_message(
            event, name=request.user.name, link=links.absolute_link("events:survey", "…"), to=[request.user.email]
        ),
    )
    if (page := confirmation_gate(request, confirmation)) is not None:
        return page
    try:
        service.send_survey(actor=request.user, event=event)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The survey is being e-mailed to %(count)s attendees.") % {"count": f"{count:,}"})
    return redirect("events:survey_results", pk=event.pk)


@permission_required(MANAGE, methods=("GET", "HEAD"))
def survey_preview(request, pk: int):
    event = get_object_or_404(Event, pk=pk)
    link = links.absolute_link("events:survey", "…")
    return email_preview_response(service.survey_message(event, name=request.user.name, link=link))


@personal_link
def survey_answer(request, answer_token: str):
    try:
        invitation = service.invitation_for_token(answer_token)
    except SurveyInvitation.DoesNotExist as missing:
        raise Http404 from missing
    except links.LinkGone:
        return render(request, "events/survey/gone.html", status=410)
    event = invitation.registration.event
    if invitation.responded_at is not None:
        return render(request, "events/survey/thanks.html", {"event": event})
    form = EventSurveyForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            service.answer_survey(invitation=invitation, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            return redirect("events:survey", answer_token=answer_token)
    return render(request, "events/survey/answer.html", {"event": event, "form": form, "invitation": invitation})
