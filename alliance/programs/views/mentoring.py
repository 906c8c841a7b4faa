"""Mentoring pages: staff's pool and round overview (matching by field, who lacks a session or feedback),
a session (schedule, feedback), a mentor's own sessions, and groups' interim results."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from alliance.core import downloads
from alliance.core.bounds import parse_id
from alliance.core.confirm import GROUPS, Confirmation, confirmation_gate
from alliance.core.permissions import POST, permission_required
from alliance.core.versions import StaleEditError
from alliance.programs import phrases, queries
from alliance.programs.default_rubric import MENTORING_FIELDS
from alliance.programs.documents import files
from alliance.programs.forms.mentoring import FeedbackForm, InterimResultForm, MentorForm, ScheduleForm
from alliance.programs.models import Mentor, Programme, ProjectGroup
from alliance.programs.models.mentoring import ROUNDS
from alliance.programs.queries import mentoring as mentoring_queries
from alliance.programs.rules import visible_group, visible_interim_result, visible_session
from alliance.programs.services import mentoring as service
from alliance.programs.views.documents import file_response


def _programme(pk: int) -> Programme:
    programme = queries.programme_setup(pk)
    if programme is None:
        raise Http404
    return programme


def _pk(value) -> int | None:
    return parse_id(value)


def _errors(error: ValidationError) -> str:
    return " ".join(error.messages)


@permission_required("programs.manage_programme")
@require_http_methods(["GET", "POST"])
def mentor_pool(request, pk: int):
    programme = _programme(pk)
    form = MentorForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            service.add_mentor(actor=request.user, programme=programme, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, phrases.SAVED)
            return redirect("programs:mentor_pool", pk=pk)
    mentors = list(mentoring_queries.mentor_pool(programme))
    per_field = [(field, [m for m in mentors if m.field == field]) for field in MENTORING_FIELDS]
    context = {"programme": programme, "form": form, "per_field": per_field, "rounds": ROUNDS}
    return render(request, "programs/mentoring/pool.html", context)


def _matching_confirmation(programme: Programme, round_number: int) -> Confirmation:
    pairs = service.plan_match_by_field(programme, round_number)
    return Confirmation(
        title=_("Match unmatched groups by field"),
        summary=_(
            "Each group below without a mentor in round %(round)s is matched to the least-loaded mentor of its "
            "field who has no conflict with it."
        )
        % {"round": round_number},
        count=len(pairs),
        unit=GROUPS,
        names=[
            _("%(group)s → %(mentor)s") % {"group": group.name, "mentor": mentor.user.name} for group, mentor in pairs
        ],
        refusals=[] if pairs else [_("No group without a mentor has an eligible mentor of its field.")],
        cancel_url=reverse("programs:mentoring_round", args=[programme.pk, round_number]),
        confirm_label=_("Match the groups"),
    )


@permission_required("programs.manage_programme")
@require_http_methods(["GET", "POST"])
def mentoring_round(request, pk: int, round_number: int):
    if round_number not in ROUNDS:
        raise Http404
    programme = _programme(pk)
    if request.method == "POST":
        matching = request.POST.get("action") == "match_by_field"
        if matching and (page := confirmation_gate(request, _matching_confirmation(programme, round_number))):
            return page
        try:
            if matching:
                count = service.match_by_field(actor=request.user, programme=programme, round_number=round_number)
                messages.success(request, _("%(count)d groups were matched to a mentor.") % {"count": count})
            else:
                group = ProjectGroup.objects.filter(programme=programme, pk=_pk(request.POST.get("group"))).first()
                mentor = (
                    Mentor.objects.filter(programme=programme, pk=_pk(request.POST.get("mentor")))
                    .select_related("user")
                    .first()
                )
                if group is None or mentor is None:
                    raise ValidationError(_("Choose a group and a mentor."))
                service.match_mentor(actor=request.user, group=group, round_number=round_number, mentor=mentor)
                messages.success(request, phrases.SAVED)
        except ValidationError as error:
            messages.error(request, _errors(error))
        return redirect(request.get_full_path())
    lacking_only = request.GET.get("lacking") == "1"
    rows = mentoring_queries.round_overview(programme, round_number, lacking_only=lacking_only)
    mentors = list(Mentor.objects.filter(programme=programme).select_related("user").order_by("user__name"))
    context = {
        "programme": programme,
        "round_number": round_number,
        "rounds": ROUNDS,
        "rows": rows,
        "lacking_only": lacking_only,
        "mentors_by_field": {field: [m for m in mentors if m.field == field] for field in MENTORING_FIELDS},
    }
    return render(request, "programs/mentoring/round.html", context)


@permission_required("programs.manage_programme")
@require_GET
def mentoring_round_xlsx(request, pk: int, round_number: int):
    """The round's groups and sessions as the page lists them (`?lacking=1`: only those lacking something)."""
    if round_number not in ROUNDS:
        raise Http404
    lacking_only = request.GET.get("lacking") == "1"
    return file_response(files.mentoring_round(_programme(pk), round_number, lacking_only=lacking_only))


@permission_required("programs.view_session", object_level=True)
@require_http_methods(["GET", "POST"])
def session_detail(request, pk: int):
    session = visible_session(request.user, pk)
    user = request.user
    can_schedule = user.has_perm("programs.schedule_session", session)
    can_feedback = user.has_perm("programs.record_feedback", session)
    part = request.POST.get("part") if request.method == "POST" else None
    if (part == "schedule" and not can_schedule) or (part == "feedback" and not can_feedback):
        raise Http404
    schedule_form = ScheduleForm(
        request.POST if part == "schedule" else None,
        initial={"starts_at": session.starts_at, "place": session.place},
        version=session.version,
    )
    feedback_form = FeedbackForm(request.POST if part == "feedback" else None, initial={"feedback": session.feedback})
    sent = {"schedule": schedule_form, "feedback": feedback_form}.get(part)
    if sent is not None and sent.is_valid():
        try:
            if part == "schedule":
                service.schedule_session(
                    actor=user,
                    session=session,
                    starts_at=sent.cleaned_data["starts_at"],
                    place=sent.cleaned_data["place"],
                    expected_version=sent.loaded_version,
                )
            else:
                service.record_feedback(actor=user, session=session, feedback=sent.cleaned_data["feedback"])
        except StaleEditError as error:
            sent.stale(error)
        except ValidationError as error:
            sent.add_error(None, error)
        else:
            messages.success(request, phrases.SAVED)
            return redirect("programs:session_detail", pk=pk)
    context = {
        "session": session,
        "group": session.group,
        "can_schedule": can_schedule,
        "can_feedback": can_feedback,
        "schedule_form": schedule_form,
        "feedback_form": feedback_form,
        "interim_results": mentoring_queries.interim_results_of_group(session.group),
    }
    return render(request, "programs/mentoring/session.html", context)


@permission_required("programs.view_own_sessions")
def my_sessions(request):
    sessions = mentoring_queries.sessions_of_mentor(request.user)
    return render(request, "programs/mentoring/my_sessions.html", {"sessions": sessions})


def _visible_group_scope(request, pk: int) -> None:
    visible_group(request.user, pk)


@permission_required("programs.view_group", object_level=True, methods=POST, scope=_visible_group_scope)
def interim_upload(request, pk: int):
    group = visible_group(request.user, pk)
    form = InterimResultForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            result = service.upload_interim_result(
                actor=request.user,
                group=group,
                round_number=form.cleaned_data["round_number"],
                upload=form.cleaned_data["file"],
            )
        except ValidationError as error:
            messages.error(request, _errors(error))
        else:
            messages.success(request, _("%(name)s was uploaded.") % {"name": result.original_name})
    else:
        messages.error(request, _("Choose the round and a file."))
    return redirect("programs:group_detail", pk=pk)


@permission_required("programs.view_interim_result", object_level=True)
def interim_download(request, pk: int):
    result = visible_interim_result(request.user, pk)
    return downloads.file_response(result.file.open("rb"), filename=result.original_name, content_type=None)
