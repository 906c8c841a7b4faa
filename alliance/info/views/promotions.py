"""Partner agencies' promotions (유관기관 홍보): the liaison's pages (its agency's promotions, a new one, one
promotion: changed while awaiting review or after it was returned) and the staff's (every promotion, awaiting
review first; accept or return with a comment). A liaison sees only its own agency's promotions: another's
answer 404. The image is served through core/files.py, to everyone once the promotion's post has gone up (and
still after its period: the newsletter's sent editions show it), before that to staff and the agency only."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from alliance.core.files import image_response
from alliance.core.permissions import POST, permission_required, public, require_object_permission
from alliance.core.versions import StaleEditError
from alliance.info.board_markdown import render_markdown
from alliance.info.forms.promotions import PromotionForm, PromotionReviewForm, PromotionTextForm
from alliance.info.models import Promotion
from alliance.info.promotion_images import content_type_of
from alliance.info.queries.promotions import agency_of_liaison, agency_promotions, review_queue
from alliance.info.services import promotions as service

SUBMIT = "info.submit_promotion"
WORK = "info.work_on_promotion"
REVIEW = "info.review_promotions"


def _errors(request, error: ValidationError) -> None:
    for message in error.messages:
        messages.error(request, message)


def promotion_for(request, pk: int, **_kwargs) -> Promotion:
    promotion = Promotion.objects.select_related("agency", "post").filter(pk=pk).first()
    require_object_permission(request.user, WORK, promotion)
    return promotion


@permission_required(SUBMIT)
def my_promotions(request):
    agency = agency_of_liaison(request.user)
    return render(request, "info/promotions/mine.html", {"agency": agency, "promotions": agency_promotions(agency)})


@permission_required(SUBMIT)
def promotion_create(request):
    agency = agency_of_liaison(request.user)
    form = PromotionForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            promotion = service.submit_promotion(actor=request.user, agency=agency, **form.values())
        except ValidationError as error:
            _errors(request, error)
        else:
            messages.success(request, _("Promotion submitted: the secretariat reviews it before it is posted."))
            return redirect("info:promotion", pk=promotion.pk)
    return render(request, "info/promotions/form.html", {"agency": agency, "form": form})


@permission_required(WORK, object_level=True)
def promotion(request, pk: int):
    found = promotion_for(request, pk)
    form = PromotionForm(request.POST or None, request.FILES or None, instance=found) if found.editable else None
    if request.method == "POST":
        if form is None:
            messages.error(request, service.NOT_EDITABLE)
            return redirect("info:promotion", pk=found.pk)
        if form.is_valid():
            was_returned = found.status == Promotion.Status.RETURNED
            try:
                service.change_promotion(actor=request.user, promotion=found, **form.values())
            except ValidationError as error:
                _errors(request, error)
            else:
                messages.success(
                    request, _("Promotion submitted again for review.") if was_returned else _("Promotion saved.")
                )
                return redirect("info:promotion", pk=found.pk)
    context = {
        "promotion": found,
        "form": form,
        "body": render_markdown(found.body),
        "can_review": request.user.has_perm(REVIEW) and found.is_pending,
        "can_correct": request.user.has_perm(REVIEW) and found.status == Promotion.Status.APPLIED,
        "review_form": PromotionReviewForm(),
        "is_staff_view": request.user.has_perm(REVIEW),
    }
    return render(request, "info/promotions/detail.html", context)


@permission_required(REVIEW)
def promotion_queue(request):
    return render(request, "info/promotions/queue.html", {"promotions": review_queue()[:200]})


@permission_required(REVIEW, methods=POST)
def promotion_review(request, pk: int):
    found = get_object_or_404(Promotion, pk=pk)
    form = PromotionReviewForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose to accept or return the promotion."))
        return redirect("info:promotion", pk=found.pk)
    try:
        reviewed = service.review_promotion(
            actor=request.user, promotion=found, decision=form.cleaned_data["decision"], note=form.cleaned_data["note"]
        )
    except ValidationError as error:
        _errors(request, error)
    else:
        if reviewed.post_id:
            messages.success(request, _("Promotion accepted: it is posted on the alliance news for its period."))
        else:
            messages.success(request, _("Promotion returned to the agency with your comment."))
    return redirect("info:promotion", pk=found.pk)


@permission_required(REVIEW)
def promotion_edit(request, pk: int):
    """Staff correct an accepted promotion's text (title, body, link, period); its post follows."""
    found = get_object_or_404(
        Promotion.objects.select_related("agency", "post"), pk=pk, status=Promotion.Status.APPLIED
    )
    form = PromotionTextForm(request.POST or None, instance=found)
    if request.method == "POST" and form.is_valid():
        try:
            service.edit_accepted_promotion(
                actor=request.user, promotion=found, expected_version=form.loaded_version, **form.values()
            )
        except StaleEditError as error:
            form.stale(error)
        except ValidationError as error:
            _errors(request, error)
        else:
            messages.success(request, _("Promotion corrected: its post on the alliance news shows the new text."))
            return redirect("info:promotion", pk=found.pk)
    return render(request, "info/promotions/edit.html", {"promotion": found, "form": form})


@public
@require_GET
def promotion_image(request, pk: int):
    found = Promotion.objects.select_related("post").filter(pk=pk).exclude(image="").first()
    if found is None:
        raise Http404
    if not (found.post and found.post.has_been_published):
        require_object_permission(request.user, WORK, found)
    # Content-addressed: a changed image is a new name, but the post's own page names it by the promotion.
    return image_response(default_storage, found.image, content_type_of(found.image), immutable=False)
