"""The minutes pages: the list of meetings with their minutes, one meeting's minutes (read by its attendees and
the body's seat holders, run by staff), an older version, editing one item, and attendees' comments (signed in
or through the e-mailed personal link)."""

import datetime

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from alliance.core.dates import format_moment
from alliance.core.links import LinkGone, last_day
from alliance.core.permissions import POST, permission_required, personal_link, require_object_permission
from alliance.core.versions import Extra, StaleEditError
from alliance.governance.forms.minutes import (
    ActionItemFormSet,
    CirculateForm,
    CommentForm,
    CorrectionForm,
    FileForm,
    ItemAddForm,
    ItemForm,
    PresentationFormSet,
)
from alliance.governance.models import Meeting, MinutesCirculation, MinutesItem, MinutesState
from alliance.governance.queries import minutes as queries
from alliance.governance.queries.minutes_list import meetings_with_minutes
from alliance.governance.services import minutes as service
from alliance.governance.services import minutes_circulation as circulation
from alliance.governance.views.minutes_actions import run_action


def _meeting(pk) -> Meeting:
    return get_object_or_404(Meeting.objects.select_related("body"), pk=pk)


@permission_required("governance.view_minutes_list")
def minutes_list(request):
    """Staff: every meeting of a year with its minutes' state; others: the minutes of their own bodies."""
    staff = request.user.has_perm("governance.change_minutes")
    year = request.GET.get("year", "")
    rows, years, year = meetings_with_minutes(request.user, staff=staff, year=year)
    return render(request, "governance/minutes/list.html", {"rows": rows, "years": years, "year": year, "staff": staff})


def _detail_context(request, meeting, version) -> dict:
    staff = request.user.has_perm("governance.change_minutes")
    minutes = queries.minutes_of(meeting)
    person = queries.attendee_person(request.user, meeting)
    context = {
        "meeting": meeting,
        "meeting_title": queries.meeting_title(meeting),
        "minutes": minutes,
        "staff": staff,
        "versions": list(minutes.versions.order_by("-number")) if minutes else [],
        "version": queries.version_content(version) if version else None,
    }
    if version is not None:
        context["photos"] = queries.photos(context["version"])
        context["attachments"] = queries.attachments(context["version"])
        newest = queries.newest_version(minutes)
        context["is_newest"] = newest.pk == version.pk
        if person and circulation.is_open_for_comments(version) and context["is_newest"]:
            context["comment_form"] = CommentForm()
            context["own_comments"] = [c for c in context["version"].comments.all() if c.person_id == person.pk]
    if staff:
        context.update(
            circulate_form=CirculateForm(),
            correction_form=CorrectionForm(),
            item_add_form=ItemAddForm(),
            file_form=FileForm(),
            refusals=circulation.circulation_refusals(version) if version else [],
        )
    return context


@permission_required("governance.view_minutes", object_level=True)
def minutes_detail(request, pk):
    meeting = _meeting(pk)
    require_object_permission(request.user, "governance.view_minutes", meeting)
    minutes = queries.minutes_of(meeting)
    version = queries.shown_version(minutes, staff=request.user.has_perm("governance.change_minutes"))
    return render(request, "governance/minutes/detail.html", _detail_context(request, meeting, version))


@permission_required("governance.view_minutes", object_level=True)
def minutes_version(request, pk, version_number):
    """An earlier (or the current) version, as it was: confirmed versions stay readable after a correction."""
    meeting = _meeting(pk)
    require_object_permission(request.user, "governance.view_minutes", meeting)
    minutes = queries.minutes_of(meeting)
    versions = minutes.versions.all() if minutes else []
    if minutes and not request.user.has_perm("governance.change_minutes"):
        versions = versions.exclude(state=MinutesState.DRAFT)
    version = next((v for v in versions if v.number == version_number), None)
    if version is None:
        raise Http404
    return render(request, "governance/minutes/detail.html", _detail_context(request, meeting, version))


@permission_required("governance.change_minutes", methods=POST)
def minutes_manage(request, pk):
    """Staff's buttons on the minutes page (the `action` field): start, add an item or a file, circulate (asked
    first: it e-mails the attendees), reopen, confirm, correct, tick an action item."""
    return run_action(request, _meeting(pk))


PRESENTATION = ("title", "presenter", "affiliation")
ACTION = ("description", "owner", "due_on", "done")


def _rows_text(rows) -> str:
    """Presentations or action items as the stale-edit table shows them: one a line, their values joined."""
    lines = []
    for row in rows:
        values = [
            format_moment(value) if isinstance(value, datetime.date) else (_("done") if value is True else value)
            for value in row.values()
        ]
        lines.append(" · ".join(str(value) for value in values if value not in (None, "", False)))
    return "\n".join(lines)


@permission_required("governance.change_minutes")
def minutes_item_edit(request, pk):
    item = get_object_or_404(MinutesItem.objects.select_related("version__minutes__meeting__body"), pk=pk)
    version, meeting = item.version, item.version.minutes.meeting
    if version.state != MinutesState.DRAFT:
        messages.error(request, _("These minutes are no longer a draft: they cannot be changed."))
        return redirect("governance:minutes_detail", pk=meeting.pk)
    data = request.POST if request.method == "POST" else None
    form = ItemForm(
        data,
        meeting=meeting,
        initial={"title": item.title, "discussion": item.discussion, "decisions": list(item.decisions.all())},
        version=item.edit_version,
        extra={
            "presentations": Extra(_("presentations"), _rows_text(item.presentations.values(*PRESENTATION))),
            "actions": Extra(_("action items"), _rows_text(item.action_items.values(*ACTION))),
        },
    )
    presentations = PresentationFormSet(
        data, prefix="presentations", initial=list(item.presentations.values("title", "presenter", "affiliation"))
    )
    actions = ActionItemFormSet(
        data, prefix="actions", initial=list(item.action_items.values("description", "owner", "due_on", "done"))
    )
    if data is not None and form.is_valid() and presentations.is_valid() and actions.is_valid():
        try:
            service.update_item(
                actor=request.user,
                item=item,
                title=form.cleaned_data["title"],
                discussion=form.cleaned_data["discussion"],
                decisions=list(form.cleaned_data["decisions"]),
                presentations=[v for f in presentations.forms if (v := f.values())],
                action_items=[v for f in actions.forms if (v := f.values())],
                expected_version=form.loaded_version,
            )
        except StaleEditError as error:
            form.stale(
                error,
                yours_extra={
                    "presentations": _rows_text(v for f in presentations.forms if (v := f.values())),
                    "actions": _rows_text({key: v[key] for key in ACTION} for f in actions.forms if (v := f.values())),
                },
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The item is saved."))
            return redirect(reverse("governance:minutes_detail", args=[meeting.pk]) + f"#item-{item.pk}")
    context = {
        "item": item,
        "meeting": meeting,
        "meeting_title": queries.meeting_title(meeting),
        "form": form,
        "presentations": presentations,
        "actions": actions,
    }
    return render(request, "governance/minutes/item_edit.html", context)


def _comment_scope(request, pk):
    meeting = _meeting(pk)
    require_object_permission(request.user, "governance.comment_minutes", meeting)


@permission_required("governance.comment_minutes", object_level=True, methods=POST, scope=_comment_scope)
def minutes_comment(request, pk):
    """An attendee's comment, signed in, on the circulated version."""
    meeting = _meeting(pk)
    require_object_permission(request.user, "governance.comment_minutes", meeting)
    version = queries.shown_version(queries.minutes_of(meeting), staff=False)
    person = queries.attendee_person(request.user, meeting)
    form = CommentForm(request.POST)
    if version is None or not form.is_valid():
        messages.error(request, _("Write your comment."))
    else:
        try:
            circulation.add_comment(version=version, person=person, text=form.cleaned_data["text"], actor=request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("Thank you: your comment reached the secretariat."))
    return redirect(reverse("governance:minutes_detail", args=[meeting.pk]) + "#comments")


def _link_gone(request, *, status: int):
    return render(request, "governance/minutes/link_gone.html", {"status": status}, status=status)


@personal_link
def minutes_comment_link(request, minutes_token: str):
    """The e-mailed personal link: the attendee reads the circulated minutes and comments, without an account."""
    try:
        row = circulation.circulation_for_token(minutes_token)
    except MinutesCirculation.DoesNotExist:
        return _link_gone(request, status=404)
    except LinkGone:
        return _link_gone(request, status=410)
    form = CommentForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            circulation.add_comment(
                version=row.version, person=row.person, text=form.cleaned_data["text"], circulation=row
            )
        except LinkGone:
            return _link_gone(request, status=410)
        except ValidationError as error:
            form.add_error("text", error)
        else:
            messages.success(request, _("Thank you: your comment reached the secretariat."))
            return redirect("governance:minutes_comment_link", minutes_token=minutes_token)
    version = queries.version_content(row.version)
    context = {
        "version": version,
        "meeting_title": queries.meeting_title(version.minutes.meeting),
        "person": row.person,
        "form": form,
        "own_comments": [c for c in version.comments.all() if c.person_id == row.person_id],
        "last_day": last_day(row.expires_at) if row.expires_at > timezone.now() else None,
    }
    return render(request, "governance/minutes/comment_link.html", context)
