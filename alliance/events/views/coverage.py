"""Press coverage of an event: staff's list (add, remove) and the public list of a published event's articles."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from alliance.core.permissions import POST, permission_required, public
from alliance.events.forms.coverage import PressArticleForm
from alliance.events.models import Event, PressArticle
from alliance.events.queries.press import articles_of
from alliance.events.services import coverage as service

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
