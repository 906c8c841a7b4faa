"""Logo files (content-addressed, cached for a year), uploads by staff or the member itself, the staff queue."""

import base64
import re

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from alliance.core.files import image_response
from alliance.core.permissions import permission_required, public, require_object_permission
from alliance.ecosystem.forms.logos import LogoReviewForm, LogoUploadForm
from alliance.ecosystem.logo_sanitiser import LogoError
from alliance.ecosystem.models import LogoSubmission, Player
from alliance.ecosystem.services.logos import LOGO_DIR, review_logo, submit_logo

LOGO_NAME = re.compile(r"^[0-9a-f]{64}\.(svg|png)$")
CONTENT_TYPES = {"svg": "image/svg+xml", "png": "image/png"}


@public
@require_GET
def logo_file(request, filename: str):
    """An approved logo by its content hash: immutable, so caches may keep it for a year."""
    match = LOGO_NAME.match(filename)
    if not match:
        raise Http404
    return image_response(default_storage, LOGO_DIR + filename, CONTENT_TYPES[match.group(1)], immutable=True)


@permission_required("ecosystem.submit_logo", object_level=True)
@require_http_methods(["GET", "POST"])
def logo_upload(request, pk: int):
    player = Player.objects.filter(pk=pk).first()
    require_object_permission(request.user, "ecosystem.submit_logo", player)
    form = LogoUploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            submission = submit_logo(actor=request.user, player=player, content=upload.read(), filename=upload.name)
        except LogoError as error:
            form.add_error("file", str(error))
        else:
            if submission.status == LogoSubmission.Status.APPLIED:
                messages.success(request, _("The logo is now on the map."))
            else:
                messages.success(
                    request, _("Thank you: the logo will show on the map once the secretariat approves it.")
                )
            return redirect("ecosystem:logo_upload", pk=player.pk)
    waiting = player.logo_submissions.filter(status=LogoSubmission.Status.PENDING).exists()
    return render(request, "ecosystem/logos/upload.html", {"player": player, "form": form, "waiting": waiting})


def _data_uri(submission: LogoSubmission) -> str:
    """The cleaned file inline (img-src allows data:), so the queue needs no extra file route."""
    extension = submission.file.name.rsplit(".", 1)[-1]
    try:
        with default_storage.open(submission.file.name, "rb") as handle:
            content = handle.read()
    except OSError:
        return ""
    return f"data:{CONTENT_TYPES.get(extension, 'image/png')};base64,{base64.b64encode(content).decode()}"


def _before_after(submission: LogoSubmission) -> dict:
    """The row of the before/after view (core/_review_changes.html): the logo on the map now, the new one."""
    current = submission.player.logo.name
    return {
        "label": _("Logo"),
        "before_image": reverse("ecosystem:logo_file", args=[current.rsplit("/", 1)[-1]]) if current else "",
        "after_image": _data_uri(submission),
    }


@permission_required("ecosystem.review_logos")
@require_GET
def logo_queue(request):
    waiting = list(
        LogoSubmission.objects.filter(status=LogoSubmission.Status.PENDING)
        .select_related("player", "submitted_by")
        .order_by("submitted_at")[:100]
    )
    rows = [(submission, [_before_after(submission)]) for submission in waiting]
    return render(request, "ecosystem/logos/queue.html", {"rows": rows, "form": LogoReviewForm()})


@permission_required("ecosystem.review_logos")
@require_POST
def logo_review(request, pk: int):
    submission = get_object_or_404(LogoSubmission, pk=pk)
    form = LogoReviewForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose approve or reject."))
        return redirect("ecosystem:logo_queue")
    try:
        review_logo(
            actor=request.user,
            submission=submission,
            approve=form.cleaned_data["decision"] == "approve",
            note=form.cleaned_data["note"],
        )
    except LogoError as error:
        messages.error(request, str(error))
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Logo review saved."))
    return redirect("ecosystem:logo_queue")
