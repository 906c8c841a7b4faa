"""E-mailing a notice to the newsletter's subscribers: staff's button on the post's page, confirmed ("N명에게
발송합니다", a preview and a test to oneself), and the e-mail's preview. The post page includes the box
`info/board/_post_mailing.html` through `{% post_mailing post %}`."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _

from alliance.core.confirm import RECIPIENTS, Confirmation, confirmation_gate, email_preview_response
from alliance.core.permissions import POST, permission_required
from alliance.info.models import Post
from alliance.info.services.post_mailing import mail_post, mailing_addressees, mailing_refusals, post_message

PERMISSION = "info.send_newsletter"


def _advertising(request) -> bool:
    return request.POST.get("advertising") == "on" or request.GET.get("advertising") == "on"


@permission_required(PERMISSION, methods=POST)
def post_mailing_send(request, pk: int):
    post = get_object_or_404(Post, pk=pk)
    advertising = _advertising(request)
    addressees = mailing_addressees(advertising=advertising)
    count = len(addressees)
    warnings = []
    if advertising:
        warnings.append(
            _(
                "Marked as advertising: its subject starts with (광고), it states the sender and the free opt-out, "
                "and it goes only to the subscribers whose consent to advertising is current."
            )
        )
    query = "?advertising=on" if advertising else ""
    confirmation = Confirmation(
        title=_("E-mail the notice"),
        summary=_(
            "“%(title)s” is e-mailed to %(count)s newsletter subscribers now, once; each e-mail carries the "
            "recipient's own one-click unsubscribe link."
        )
        % {"title": post.title, "count": f"{count:,}"},
        count=count,
        unit=RECIPIENTS,
        names=[addressee.email for addressee in addressees],
        cancel_url=reverse("info:board_post", args=[post.pk]),
        warnings=warnings,
        refusals=mailing_refusals(post, advertising=advertising, count=count),
        preview_url=reverse("info:post_mailing_preview", args=[post.pk]) + query,
        sample_email=lambda: post_message(post, advertising=advertising, to=[request.user.email]),
    )
    if (page := confirmation_gate(request, confirmation)) is not None:
        return page
    try:
        mail_post(actor=request.user, post=post, advertising=advertising)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The notice is being e-mailed to %(count)s subscribers.") % {"count": f"{count:,}"})
    return redirect("info:board_post", pk=post.pk)


@permission_required(PERMISSION, methods=("GET", "HEAD"))
def post_mailing_preview(request, pk: int):
    post = get_object_or_404(Post, pk=pk)
    return email_preview_response(post_message(post, advertising=_advertising(request)))
