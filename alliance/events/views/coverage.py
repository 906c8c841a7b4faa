"""After an event: press coverage (staff's list, the public list of a published event's articles) and photos (staff
upload and remove; a published event's photos are served to everyone through core/files.py's image response)."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from alliance.core.files import image_content_type, image_response
from alliance.core.permissions import POST, permission_required, public
from alliance.events.forms.coverage import PhotoForm, PressArticleForm
from alliance.events.models import Event, EventPhoto, PressArticle
from alliance.events.queries.press import articles_of
from alliance.events.services import coverage as service
from alliance.events.services import photos as photo_service

MANAGE = "events.manage_coverage"


@permission_required(MANAGE)
def press_staff(request, pk: int):
    event = get_object_or_404(Event, pk=pk)
    form = PressArticleForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            service.add_article(event=event, actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            for message in error.messages:
                form.add_error(None, message)
        else:
            messages.success(request, _("Article added."))
            return redirect("events:press_staff", pk=event.pk)
    return render(request, "events/press/staff.html", {"event": event, "articles": articles_of(event), "form": form})


@permission_required(MANAGE, methods=POST)
def press_remove(request, pk: int, article: int):
    event = get_object_or_404(Event, pk=pk)
    service.remove_article(article=get_object_or_404(PressArticle, pk=article, event=event), actor=request.user)
    messages.success(request, _("Article removed."))
    return redirect("events:press_staff", pk=event.pk)


@public
def press_public(request, pk: int):
    event = Event.objects.filter(pk=pk, published=True).first()
    if event is None:
        raise Http404
    return render(request, "events/press/public.html", {"event": event, "articles": articles_of(event)})


@permission_required(MANAGE)
def photos_staff(request, pk: int):
    event = get_object_or_404(Event, pk=pk)
    form = PhotoForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            photo_service.add_photo(
                event=event, actor=request.user, upload=form.cleaned_data["image"], caption=form.cleaned_data["caption"]
            )
        except ValidationError as error:
            for message in error.messages:
                form.add_error("image", message)
        else:
            messages.success(request, _("Photo added."))
            return redirect("events:photos_staff", pk=event.pk)
    photos = EventPhoto.objects.filter(event=event).order_by("position", "pk")
    return render(request, "events/photos/staff.html", {"event": event, "photos": photos, "form": form})


@permission_required(MANAGE, methods=POST)
def photo_remove(request, pk: int, photo: int):
    event = get_object_or_404(Event, pk=pk)
    photo_service.remove_photo(photo=get_object_or_404(EventPhoto, pk=photo, event=event), actor=request.user)
    messages.success(request, _("Photo removed."))
    return redirect("events:photos_staff", pk=event.pk)


@public
def photo_file(request, pk: int, photo: int):
    """A photo's image: to everyone once its event is published, before that to staff only."""
    found = EventPhoto.objects.select_related("event").filter(pk=photo, event_id=pk).first()
    if found is None or not (found.event.published or request.user.has_perm(MANAGE)):
        raise Http404
    return image_response(default_storage, found.image, image_content_type(found.image), immutable=True)
