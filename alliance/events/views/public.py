"""The public pages: the published events, one event with its programme and registration, the printable
programme and its PDF; a member registering and cancelling from the event page; the public's form."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from alliance.core.downloads import PDF, file_response
from alliance.core.pdf import render_pdf
from alliance.core.permissions import POST, permission_required, public
from alliance.events import queries
from alliance.events.forms import MemberRegistrationForm, PublicRegistrationForm
from alliance.events.forms.registration import CONSENT_TEXT
from alliance.events.models import Event, OrganisationType, Registration
from alliance.events.programme import programme_lines
from alliance.events.queries.press import after_event
from alliance.events.services import registration as registering
from alliance.events.views.common import error_text
from alliance.members.models import MemberCategory

MEMBER = "events.register_as_member"
TYPE_OF_CATEGORY = {
    MemberCategory.LARGE: OrganisationType.COMPANY,
    MemberCategory.MEDIUM: OrganisationType.COMPANY,
    MemberCategory.SMALL: OrganisationType.COMPANY,
    MemberCategory.AGENCY: OrganisationType.INSTITUTION,
    MemberCategory.NONPROFIT: OrganisationType.INSTITUTION,
    MemberCategory.UNIVERSITY: OrganisationType.UNIVERSITY,
}


def published_event(pk: int) -> Event:
    return get_object_or_404(queries.published_events(), pk=pk)


def event_scope(request, pk: int, **_kwargs) -> Event:
    """The object check of the POST-only member views: a draft or unknown event is 404 to everyone."""
    return published_event(pk)


def _member_registration(event: Event, user) -> Registration | None:
    if not (user.is_authenticated and getattr(user, "organisation_id", None)):
        return None
    return Registration.objects.filter(event=event, user=user).exclude(
        status=Registration.Status.CANCELLED
    ).first() or queries.live_registration_for(event, user.email)


@public
def event_list(request):
    today = timezone.localdate()
    upcoming = queries.upcoming_published(today)
    past = queries.published_events().filter(date__lt=today).order_by("-date")[:20]
    return render(request, "events/public/list.html", {"upcoming": upcoming, "past": past})


def _detail_context(request, event: Event, form=None) -> dict:
    lines, parallel = programme_lines(event)
    user = request.user
    may_register_as_member = event.open_to_members and user.has_perm(MEMBER)
    mine = _member_registration(event, user) if may_register_as_member else None
    if form is None and may_register_as_member and mine is None:
        form = MemberRegistrationForm(initial={"name": user.name, "email": user.email}, questions=event.questions.all())
    return {
        "event": event,
        "lines": lines,
        "parallel": parallel,
        "open": event.registration_open(),
        "form": form,
        "mine": mine,
        "may_register_as_member": may_register_as_member,
        "confirmed": queries.confirmed_count(event) if event.has_limit else None,
        **after_event(event),
    }


@public
def event_detail(request, pk: int):
    event = published_event(pk)
    return render(request, "events/public/detail.html", _detail_context(request, event))


@permission_required(MEMBER, methods=POST, scope=event_scope)
def register_member(request, pk: int):
    event = published_event(pk)
    form = MemberRegistrationForm(request.POST, questions=event.questions.all())
    if form.is_valid():
        organisation = request.user.organisation
        try:
            registering.register(
                event=event,
                name=form.cleaned_data["name"],
                email=form.cleaned_data["email"],
                job_title=form.cleaned_data["job_title"],
                source=Registration.Source.MEMBER,
                organisation=organisation,
                organisation_type=TYPE_OF_CATEGORY.get(organisation.category, OrganisationType.OTHER),
                user=request.user,
                answers=form.answers(),
            )
        except ValidationError as error:
            messages.error(request, error_text(error))
        else:
            messages.success(request, _("You are registered. We e-mailed you the ticket."))
            return redirect("events:public_detail", pk=event.pk)
    return render(request, "events/public/detail.html", _detail_context(request, event, form), status=400)


@permission_required(MEMBER, methods=POST, scope=event_scope)
def cancel_member(request, pk: int):
    event = published_event(pk)
    mine = _member_registration(event, request.user)
    if mine is None:
        raise Http404
    try:
        registering.cancel(registration=mine, actor=request.user)
    except ValidationError as error:
        messages.error(request, error_text(error))
    else:
        messages.success(request, _("Your registration is cancelled."))
    return redirect("events:public_detail", pk=event.pk)


@public
def register_public(request, pk: int):
    event = published_event(pk)
    if not event.open_to_public:
        raise Http404
    form = PublicRegistrationForm(request.POST or None, questions=event.questions.all())
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            registration = registering.register(
                event=event,
                name=data["name"],
                email=data["email"],
                organisation_name=data["organisation_name"],
                organisation_type=data["organisation_type"],
                job_title=data["job_title"],
                source=Registration.Source.PUBLIC,
                answers=form.answers(),
                consented=data["consent"],
            )
        except ValidationError as error:
            form.add_error(None, error_text(error))
        else:
            return render(request, "events/public/registered.html", {"event": event, "registration": registration})
    context = {"event": event, "form": form, "open": event.registration_open(), "consent_text": CONSENT_TEXT}
    return render(request, "events/public/register.html", context)


@public
def programme_print(request, pk: int):
    event = published_event(pk)
    lines, parallel = programme_lines(event)
    return render(request, "events/public/programme.html", {"event": event, "lines": lines, "parallel": parallel})


@public
def programme_pdf(request, pk: int):
    event = published_event(pk)
    lines, parallel = programme_lines(event)
    context = {"event": event, "lines": lines, "parallel": parallel}
    content = render_pdf("events/pdf/programme.html", context, stylesheets=("events/programme-pdf.css",))
    return file_response(content, filename=f"{event.title}_프로그램.pdf", content_type=PDF, inline=True)
