"""Staff's actions on a meeting's minutes, posted to one URL with an `action` field (minutes_manage).

Circulating e-mails every attendee, so it is asked first (alliance/core/confirm.py); the other actions act
at once and say what they did. A refused action says why and changes nothing.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _

from alliance.core.confirm import RECIPIENTS, Confirmation, confirmation_gate
from alliance.core.dates import format_moment
from alliance.governance.forms.minutes import CirculateForm, CorrectionForm, FileForm, ItemAddForm
from alliance.governance.models import ActionItem, MinutesFile
from alliance.governance.queries import minutes as queries
from alliance.governance.services import minutes as service
from alliance.governance.services import minutes_circulation as circulation


def _page(meeting) -> str:
    return reverse("governance:minutes_detail", args=[meeting.pk])


def _form_error(form) -> ValidationError:
    return ValidationError([message for messages_ in form.errors.values() for message in messages_])


def _circulate(request, meeting, version):
    form = CirculateForm(request.POST)
    if not form.is_valid():
        raise _form_error(form)
    due = form.cleaned_data["comments_due"]
    people = [p for p in circulation.attendees(meeting) if p.email]
    confirmation = Confirmation(
        title=_("Circulate the minutes for comments"),
        summary=_("Each attendee below receives the draft minutes with a personal link to comment until %(date)s.")
        % {"date": format_moment(due)},
        count=len(people),
        unit=RECIPIENTS,
        names=[p.name for p in people],
        refusals=circulation.circulation_refusals(version),
        cancel_url=_page(meeting),
        confirm_label=_("Circulate"),
        sample_email=lambda: circulation.sample_circulation_email(version=version, comments_due=due),
    )
    if (page := confirmation_gate(request, confirmation)) is not None:
        return page
    circulation.circulate(actor=request.user, version=version, comments_due=due)
    messages.success(request, _("The minutes are circulated to %(count)s attendees.") % {"count": len(people)})
    return None


def _simple(request, action, meeting, version):
    user = request.user
    if action == "add_item":
        form = ItemAddForm(request.POST)
        if not form.is_valid():
            raise _form_error(form)
        item = service.add_item(actor=user, version=version, title=form.cleaned_data["title"])
        return reverse("governance:minutes_item_edit", args=[item.pk])
    if action == "add_file":
        form = FileForm(request.POST, request.FILES)
        if not form.is_valid():
            raise _form_error(form)
        data = form.cleaned_data
        service.add_file(actor=user, version=version, upload=data["upload"], kind=data["kind"], caption=data["caption"])
        return _page(meeting) + "#files"
    if action == "remove_file":
        file = get_object_or_404(MinutesFile, pk=request.POST.get("file"), version=version)
        service.remove_file(actor=user, file=file)
        return _page(meeting) + "#files"
    if action in (service.REOPEN, service.CONFIRM):
        service.move(actor=user, version=version, step=action)
        return _page(meeting)
    if action == "correct":
        form = CorrectionForm(request.POST)
        if not form.is_valid():
            raise _form_error(form)
        service.start_correction(actor=user, minutes=version.minutes, reason=form.cleaned_data["reason"])
        return _page(meeting)
    if action == "action_done":
        done = get_object_or_404(ActionItem, pk=request.POST.get("action_item"), item__version=version)
        service.set_action_done(actor=user, action=done, done=request.POST.get("done") == "1")
        return _page(meeting) + f"#item-{done.item_id}"
    raise ValidationError(_("Choose what to do."))


def run_action(request, meeting):
    action = request.POST.get("action", "")
    minutes = queries.minutes_of(meeting)
    try:
        if action == "start":
            service.start_minutes(actor=request.user, meeting=meeting)
            messages.success(request, _("A first draft was made from the agenda and the decisions."))
            return redirect(_page(meeting))
        version = queries.newest_version(minutes)
        if version is None:
            raise ValidationError(_("This meeting has no minutes yet."))
        if action == "circulate":
            page = _circulate(request, meeting, version)
            return page or redirect(_page(meeting))
        target = _simple(request, action, meeting, version)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect(_page(meeting))
    messages.success(request, _("Saved."))
    return redirect(target)
