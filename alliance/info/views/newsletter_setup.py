"""The newsletter's setup pages for staff: the news feeds they subscribe to, and the publishing calendar's
overrides (holidays announced at short notice, days published anyway)."""

import datetime

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from alliance.core.permissions import POST, permission_required
from alliance.core.versions import LOADED_FIELD, StaleEditError
from alliance.info.forms.newsletter import FeedForm, OverrideForm
from alliance.info.models import FeedItem, NewsFeed, PublishingOverride
from alliance.info.queries.newsletter_calendar import korean_holidays, publishing_dates
from alliance.info.services import newsletter_calendar, newsletter_feed_requests

MANAGE = "info.manage_newsletter"
CALENDAR_DAYS = 42


def _apply_errors(form, error: ValidationError) -> None:
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error)


@permission_required(MANAGE)
def feed_list(request):
    form = FeedForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            newsletter_feed_requests.subscribe_feed(
                actor=request.user, name=data["name"], url=data["url"], section=data["section"]
            )
        except ValidationError as error:
            _apply_errors(form, error)
        else:
            messages.success(request, _("Feed subscribed; its items are being fetched."))
            return redirect("info:newsletter_feeds")
    context = {
        "form": form,
        "feeds": NewsFeed.objects.all(),
        "recent_items": FeedItem.objects.select_related("feed")[:20],
    }
    return render(request, "info/newsletter/staff/feeds.html", context)


@permission_required(MANAGE)
def feed_edit(request, pk: int):
    feed = get_object_or_404(NewsFeed, pk=pk)
    form = FeedForm(request.POST or None, instance=NewsFeed.objects.get(pk=pk))
    if request.method == "POST" and form.is_valid():
        values = {name: value for name, value in form.cleaned_data.items() if name != LOADED_FIELD}
        try:
            newsletter_feed_requests.update_feed(
                actor=request.user, feed=feed, expected_version=form.loaded_version, **values
            )
        except StaleEditError as error:
            form.stale(error)
        except ValidationError as error:
            _apply_errors(form, error)
        else:
            messages.success(request, _("Feed saved."))
            return redirect("info:newsletter_feeds")
    return render(request, "info/newsletter/staff/feed_edit.html", {"feed": feed, "form": form})


@permission_required(MANAGE, methods=POST)
def feed_fetch(request, pk: int):
    feed = get_object_or_404(NewsFeed, pk=pk)
    newsletter_feed_requests.request_fetch(actor=request.user, feed=feed)
    messages.success(request, _("The feed is being fetched."))
    return redirect("info:newsletter_feeds")


@permission_required(MANAGE)
def calendar_overrides(request):
    form = OverrideForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            newsletter_calendar.add_override(actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            _apply_errors(form, error)
        else:
            messages.success(request, _("Override saved."))
            return redirect("info:newsletter_calendar")
    today = timezone.localdate()
    end = today + datetime.timedelta(days=CALENDAR_DAYS)
    publishing = set(publishing_dates(today, end))
    closed = korean_holidays([today.year, end.year])
    overrides = {override.date: override for override in PublishingOverride.objects.filter(date__gte=today)}
    days = [today + datetime.timedelta(days=n) for n in range(CALENDAR_DAYS + 1)]
    rows = [
        {
            "day": day,
            "publishing": day in publishing,
            "holiday": closed.get(day, ""),
            "override": overrides.get(day),
        }
        for day in days
        if day.weekday() < 5 or day in publishing
    ]
    context = {"form": form, "rows": rows, "overrides": PublishingOverride.objects.filter(date__gte=today)}
    return render(request, "info/newsletter/staff/calendar.html", context)


@permission_required(MANAGE, methods=POST)
def calendar_override_delete(request, pk: int):
    override = get_object_or_404(PublishingOverride, pk=pk)
    newsletter_calendar.delete_override(actor=request.user, override=override)
    messages.success(request, _("Override deleted."))
    return redirect("info:newsletter_calendar")
