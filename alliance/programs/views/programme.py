"""Staff pages of programme set-up: the list, a new programme (or a copy of last year's), its rules,
stages, tracks, rubrics and awards."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from alliance.core.audit import action_label, history_of
from alliance.core.confirm import RECORDS, Confirmation, confirmation_gate, email_preview_response
from alliance.core.delivery.progress import progress_of
from alliance.core.permissions import permission_required
from alliance.core.versions import StaleEditError
from alliance.programs import phrases, queries
from alliance.programs.forms.programme import (
    AwardsForm,
    ProgrammeCreateForm,
    ProgrammeRulesForm,
    RubricForm,
    StagesForm,
    TrackForm,
)
from alliance.programs.models import Programme, Track
from alliance.programs.services import call as call_service
from alliance.programs.services import programme as service

HISTORY_SHOWN = 30


def _programme(pk: int) -> Programme:
    programme = queries.programme_setup(pk)
    if programme is None:
        raise Http404
    return programme


@permission_required("programs.manage_programme")
def programme_list(request):
    return render(request, "programs/manage/list.html", {"programmes": queries.programmes_with_counts()})


def _copy_confirmation(source: Programme, year: int) -> Confirmation:
    tracks = list(source.tracks.prefetch_related("criteria", "awards"))
    refusals, warnings = [], []
    if Programme.objects.filter(year=year).exists():
        refusals.append(_("A programme for %(year)s already exists: nothing is copied into it.") % {"year": year})
    if year != source.year + 1:
        warnings.append(
            _("%(source)s is copied into %(year)s: its dates move by %(years)s years.")
            % {"source": source.year, "year": year, "years": year - source.year}
        )
    rows = [(track, track.criteria.all(), track.awards.all()) for track in tracks]
    count = sum(1 + len(criteria) + len(awards) for _track, criteria, awards in rows)
    count += source.stages.count() + source.benefits.count()
    return Confirmation(
        title=_("Copy the programme"),
        summary=_(
            "The %(year)s programme starts as a copy of %(source)s: its rules, tracks, rubrics, awards, benefits and "
            "stages (dates moved to the new year); no groups, judges or scores."
        )
        % {"year": year, "source": source.name},
        count=count,
        unit=RECORDS,
        names=[
            _("%(track)s: %(criteria)s criteria, %(awards)s awards")
            % {"track": track.name, "criteria": len(criteria), "awards": len(awards)}
            for track, criteria, awards in rows
        ],
        warnings=warnings,
        refusals=refusals,
        cancel_url=reverse("programs:programme_list"),
        confirm_label=_("Copy the programme"),
    )


@permission_required("programs.manage_programme")
@require_http_methods(["GET", "POST"])
def programme_create(request):
    latest = Programme.objects.order_by("-year").first()
    initial = {"year": latest.year + 1, "copy_from": latest} if latest else {}
    form = ProgrammeCreateForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        copying = data["copy_from"]
        if copying and (page := confirmation_gate(request, _copy_confirmation(copying, data["year"]))) is not None:
            return page
        try:
            if data["copy_from"]:
                programme = service.copy_programme(
                    actor=request.user, source=data["copy_from"], year=data["year"], name=data["name"]
                )
            else:
                programme = service.create_programme(actor=request.user, year=data["year"], name=data["name"])
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The programme was created. Check its dates, tracks and rubrics."))
            return redirect("programs:programme_detail", pk=programme.pk)
    return render(request, "programs/manage/create.html", {"form": form})


@permission_required("programs.manage_programme")
def programme_detail(request, pk: int):
    programme = _programme(pk)
    history = list(history_of(programme)[:HISTORY_SHOWN])
    for entry in history:
        entry.label = action_label(entry.action)
    context = {
        "programme": programme,
        "history": history,
        "call_deliveries": progress_of(programme, (call_service.CALL_MAILING,)),
    }
    return render(request, "programs/manage/detail.html", context)


def _call_confirmation(request, programme: Programme) -> Confirmation:
    labels = call_service.call_recipient_labels()
    return Confirmation(
        title=_("Announce the call"),
        summary=_("The call of %(programme)s is e-mailed once to the representative of every member organisation.")
        % {"programme": programme.name},
        count=len(labels),
        names=labels,
        warnings=call_service.announcement_warnings(programme),
        refusals=call_service.announcement_refusals(programme),
        cancel_url=reverse("programs:programme_detail", args=[programme.pk]),
        confirm_label=_("Announce the call"),
        preview_url=reverse("programs:call_preview", args=[programme.pk]),
        sample_email=lambda: call_service.call_email(programme),
    )


@permission_required("programs.manage_programme")
@require_POST
def call_announce(request, pk: int):
    """Staff announce the call to every member representative (once per programme), after confirming."""
    programme = get_object_or_404(Programme, pk=pk)
    if (page := confirmation_gate(request, _call_confirmation(request, programme))) is not None:
        return page
    try:
        announced = call_service.announce_call(actor=request.user, programme=programme)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        if announced:
            messages.success(request, _("The call is being e-mailed to every member representative."))
        else:
            messages.info(request, _("The call was already announced; it is not sent twice."))
    return redirect("programs:programme_detail", pk=pk)


@permission_required("programs.manage_programme")
@require_GET
def call_preview(request, pk: int):
    """The call's e-mail as its recipients see it, for the confirmation page's sandboxed frame."""
    programme = get_object_or_404(Programme, pk=pk)
    return email_preview_response(call_service.call_email(programme))


@permission_required("programs.manage_programme")
@require_http_methods(["GET", "POST"])
def programme_rules(request, pk: int):
    programme = _programme(pk)
    form = ProgrammeRulesForm(
        request.POST or None, initial=ProgrammeRulesForm.initial_for(programme), version=programme.version
    )
    if request.method == "POST" and form.is_valid():
        try:
            service.update_programme_rules(
                actor=request.user,
                programme=programme,
                data=form.service_data(),
                expected_version=form.loaded_version,
            )
        except StaleEditError as error:
            form.stale(error)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, phrases.SAVED)
            return redirect("programs:programme_detail", pk=pk)
    return render(request, "programs/manage/rules_form.html", {"programme": programme, "form": form})


@permission_required("programs.manage_programme")
@require_http_methods(["GET", "POST"])
def programme_stages(request, pk: int):
    programme = _programme(pk)
    form = StagesForm(request.POST or None, programme=programme)
    if request.method == "POST" and form.is_valid():
        try:
            service.set_stages(
                actor=request.user, programme=programme, stages=form.stages(), expected_version=form.loaded_version
            )
        except StaleEditError as error:
            form.stale(error)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, phrases.SAVED)
            return redirect("programs:programme_detail", pk=pk)
    return render(request, "programs/manage/stages_form.html", {"programme": programme, "form": form})


@permission_required("programs.manage_programme")
@require_http_methods(["GET", "POST"])
def track_create(request, pk: int):
    programme = _programme(pk)
    form = TrackForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            data = {name: form.cleaned_data[name] for name in ("code", "name", "description")}
            track = service.save_track(actor=request.user, programme=programme, **data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The track was added with the programme's common criteria."))
            return redirect("programs:track_edit", pk=track.pk)
    return render(request, "programs/manage/track_create.html", {"programme": programme, "form": form})


@permission_required("programs.manage_programme")
@require_http_methods(["GET", "POST"])
def track_edit(request, pk: int):
    """One page, three forms (name, rubric, awards); the `part` field says which one was sent."""
    track = get_object_or_404(Track.objects.select_related("programme").prefetch_related("criteria", "awards"), pk=pk)
    part = request.POST.get("part") if request.method == "POST" else None
    track_form = TrackForm(
        request.POST if part == "track" else None,
        initial={"code": track.code, "name": track.name, "description": track.description},
        version=track.version,
    )
    rubric_form = RubricForm(
        request.POST if part == "rubric" else None,
        initial={"criteria": RubricForm.text_of(track)},
        version=track.version,
    )
    awards_form = AwardsForm(
        request.POST if part == "awards" else None,
        initial={"awards": AwardsForm.text_of(track)},
        version=track.version,
    )
    sent = {"track": track_form, "rubric": rubric_form, "awards": awards_form}.get(part)
    if sent is not None and sent.is_valid():
        try:
            expected = sent.loaded_version
            if part == "track":
                data = {name: sent.cleaned_data[name] for name in ("code", "name", "description")}
                service.save_track(
                    actor=request.user, programme=track.programme, track=track, expected_version=expected, **data
                )
            elif part == "rubric":
                service.save_rubric(
                    actor=request.user, track=track, criteria=sent.cleaned_data["criteria"], expected_version=expected
                )
            else:
                service.save_awards(
                    actor=request.user, track=track, awards=sent.cleaned_data["awards"], expected_version=expected
                )
        except StaleEditError as error:
            sent.stale(error)
        except ValidationError as error:
            sent.add_error(None, error)
        else:
            messages.success(request, phrases.SAVED)
            return redirect("programs:track_edit", pk=pk)
    context = {
        "track": track,
        "programme": track.programme,
        "track_form": track_form,
        "rubric_form": rubric_form,
        "awards_form": awards_form,
        "total_points": sum(c.max_points for c in track.criteria.all()),
    }
    return render(request, "programs/manage/track_edit.html", context)
