"""The newsletter's subscription pages: the public form (double opt-in), the personal link (confirm, one-click
unsubscribe, renew the consent to advertising) and a signed-in user's own subscription.

The personal link needs no login. Its POST is RFC 8058's one-click unsubscribe: a mail client posts
`List-Unsubscribe=One-Click` to the URL of the List-Unsubscribe header without any cookie, so the view takes it
without a CSRF token (it can only unsubscribe the token's own address, which is what the token holder may do).
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt

from alliance.core import links
from alliance.core.bounds import parse_id
from alliance.core.permissions import permission_required, personal_link, public
from alliance.core.ratelimit import rate_limited
from alliance.info.forms.subscribers import OwnSubscriptionForm, SubscribeForm
from alliance.info.models import Subscriber
from alliance.info.queries.subscribers import contacts_with_subscription
from alliance.info.services import subscribers as service


@public
@rate_limited("personal_link", methods=("POST",))
def newsletter_subscribe(request):
    form = SubscribeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        service.request_subscription(
            email=form.cleaned_data["email"],
            advertising=form.cleaned_data["advertising"],
            language=request.LANGUAGE_CODE,
        )
        return render(request, "info/subscribers/requested.html", {"email": form.cleaned_data["email"]})
    return render(request, "info/subscribers/subscribe.html", {"form": form})


def _subscriber(token: str) -> Subscriber:
    try:
        return service.subscriber_for_token(token)
    except Subscriber.DoesNotExist:
        raise Http404 from None


def _edition_id(request) -> int | None:
    value = request.GET.get("edition", "")
    return int(value) if value.isdigit() and len(value) < 18 else None


@personal_link
def subscription_confirm(request, subscriber_token: str):
    subscriber = _subscriber(subscriber_token)
    if not service.confirmation_open(subscriber):
        done = subscriber.state == Subscriber.State.ACTIVE
        return render(request, "info/subscribers/confirm_gone.html", {"done": done}, status=200 if done else 410)
    if request.method == "POST":
        try:
            service.confirm_subscription(subscriber=subscriber)
        except links.LinkGone:
            return render(request, "info/subscribers/confirm_gone.html", {"done": False}, status=410)
        subscriber.refresh_from_db()
        return render(request, "info/subscribers/confirmed.html", {"subscriber": subscriber})
    return render(request, "info/subscribers/confirm.html", {"subscriber": subscriber})


@csrf_exempt  # RFC 8058: the one-click POST comes from the mail client, without a cookie or a form token
@personal_link
def subscription_link(request, subscriber_token: str):
    """GET: the subscription and a button to unsubscribe. POST (the button, or a mail client's one-click
    `List-Unsubscribe=One-Click`): unsubscribed, recorded as consent withdrawn."""
    subscriber = _subscriber(subscriber_token)
    if request.method == "POST":
        # The button and a mail client's `List-Unsubscribe=One-Click` do the same: no further question.
        changed = service.unsubscribe(subscriber=subscriber, edition_id=_edition_id(request))
        return render(request, "info/subscribers/unsubscribed.html", {"changed": changed})
    return render(request, "info/subscribers/link.html", {"subscriber": subscriber, "edition": _edition_id(request)})


@personal_link
def subscription_renew(request, subscriber_token: str):
    """The two-yearly renewal of the consent to advertising: GET a button, POST renews."""
    subscriber = _subscriber(subscriber_token)
    context = {"subscriber": subscriber, "token": subscriber_token, "renewed": False, "error": ""}
    if request.method == "POST":
        try:
            service.renew_advertising(subscriber=subscriber)
        except ValidationError as error:
            context["error"] = " ".join(error.messages)
        else:
            context["renewed"] = True
    return render(request, "info/subscribers/renew.html", context)


@permission_required("info.manage_own_subscription")
def my_subscription(request):
    subscriber = service.my_subscription(request.user)
    initial = {
        "newsletter": bool(subscriber and subscriber.state == Subscriber.State.ACTIVE),
        "advertising": bool(subscriber and subscriber.receives_advertising),
    }
    form = OwnSubscriptionForm(request.POST or None, initial=initial)
    if request.method == "POST" and "invite_contact" in request.POST:
        contact = parse_id(request.POST["invite_contact"])
        if contact is None:
            raise Http404
        return _invite_contact(request, contact)
    if request.method == "POST" and form.is_valid():
        try:
            service.set_own_subscription(
                user=request.user,
                newsletter=form.cleaned_data["newsletter"],
                advertising=form.cleaned_data["advertising"],
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("Your newsletter subscription is saved."))
        return redirect("info:my_subscription")
    contacts = contacts_with_subscription(request.user.organisation_id) if request.user.organisation_id else []
    context = {"form": form, "subscriber": subscriber, "contacts": contacts}
    return render(request, "info/subscribers/mine.html", context)


def _invite_contact(request, contact_id: int):
    try:
        email = service.invite_contact(user=request.user, contact_id=contact_id)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        message = _(
            "A confirmation e-mail went to %(email)s (unless it is subscribed already): it subscribes when "
            "they confirm."
        )
        messages.success(request, message % {"email": email})
    return redirect("info:my_subscription")
