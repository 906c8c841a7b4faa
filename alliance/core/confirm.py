"""Confirmation before a mass action: a button that e-mails many people or changes many records first says
what will happen, to how many, with a preview of the e-mail and a test send to oneself, and acts only on a
second, confirmed POST.

How a view uses it (the view keeps its own permission declaration; the confirmation is the same view):

    confirmation = Confirmation(title=..., summary=..., count=len(rows), unit=RECIPIENTS, names=[...],
                                warnings=[...], refusals=[...], preview_url=..., sample_email=lambda: message)
    if (page := confirmation_gate(request, confirmation)) is not None:
        return page
    ... perform the action (the POST carried a valid confirmation and nothing refuses it)

Rules:
- The first POST (no `confirmed` field) does nothing but show the confirmation page. The page repeats the
  original POST's fields, so one view serving several actions (an `action` field) keeps working.
- The confirmation is a signed token bound to the URL, the signed-in user and the count shown; it lasts
  CONFIRMATION_MAX_AGE. When the count changed since (someone joined, a response arrived), the page is shown
  again with the new count: nobody confirms 1,156 and sends 1,157.
- A first POST that uploaded a file keeps it (the caller stores it) and names it in `carried`: the confirmed
  POST carries that reference, not the file.
- A refusal (the action no longer makes sense) removes the confirm button and a forged confirmation is
  ignored; warnings are shown and leave the choice to staff.
- "Send a test to me" e-mails one copy of the sample e-mail to the signed-in user only, its subject marked as
  a test, at once (the answer says whether the mail server took it), and writes nothing else.
- The e-mail's HTML is previewed from its own URL (`email_preview_response`) in a sandboxed frame whose
  policy allows no script; its text body is shown beside it, escaped like any page text.
"""

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from smtplib import SMTPException

from django.conf import settings
from django.core import signing
from django.core.mail import EmailMultiAlternatives
from django.http import HttpResponse
from django.shortcuts import render
from django.utils import translation
from django.utils.html import escape
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

CONFIRMATION_MAX_AGE = 60 * 60  # seconds
NAMES_SHOWN = 5
SALT = "alliance.core.confirm"
# POST fields of the confirmation itself, never repeated as the action's own fields.
OWN_FIELDS = {"csrfmiddlewaretoken", "confirmed", "send_test"}

# How the count reads: 1,156명 / 1,156건 / 1,139개사 / 24개 그룹.
RECIPIENTS = "recipients"
RECORDS = "records"
ORGANISATIONS = "organisations"
GROUPS = "groups"  # project groups (consortia) of the competition

PREVIEW_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; sandbox; frame-ancestors 'self'"


def count_label(count: int, unit: str) -> str:
    number = f"{count:,}"
    if unit == RECIPIENTS:
        return ngettext("%(count)s recipient", "%(count)s recipients", count) % {"count": number}
    if unit == ORGANISATIONS:
        return ngettext("%(count)s organisation", "%(count)s organisations", count) % {"count": number}
    if unit == GROUPS:
        return ngettext("%(count)s group", "%(count)s groups", count) % {"count": number}
    return ngettext("%(count)s record", "%(count)s records", count) % {"count": number}


@dataclass
class Confirmation:
    """What a mass action will do, shown before it is done."""

    title: str  # the action, as the button said it: "공모 안내 발송"
    summary: str  # what will happen, in one or two sentences
    count: int  # recipients or records concerned, exactly
    cancel_url: str
    unit: str = RECIPIENTS
    names: Sequence[str] = ()  # the recipients or records, in the order they are handled; the first few are shown
    warnings: list[str] = field(default_factory=list)
    refusals: list[str] = field(default_factory=list)  # non-empty: the action is not done
    confirm_label: str = gettext_lazy("Confirm and proceed")
    preview_url: str = ""  # the e-mail's HTML (email_preview_response), shown in a sandboxed frame
    sample_email: Callable[[], EmailMultiAlternatives] | None = None  # one recipient's e-mail, unsent
    # Fields the confirmed POST carries besides the original POST's: what the first POST produced (a stored
    # upload's signed reference), since a file is not sent twice.
    carried: dict[str, str] = field(default_factory=dict)
    # A template included under the warnings, with `details` as its context: what the caller lets staff settle
    # before confirming (the landscape import's alike pairs, each with its own small form).
    details_template: str = ""
    details: dict = field(default_factory=dict)

    @property
    def count_text(self) -> str:
        return count_label(self.count, self.unit)

    @property
    def names_shown(self) -> list[str]:
        return list(self.names[:NAMES_SHOWN])

    @property
    def names_more(self) -> str:
        more = len(self.names) - NAMES_SHOWN
        return _("and %(more)s besides") % {"more": count_label(more, self.unit)} if more > 0 else ""


def _token(request, confirmation: Confirmation) -> str:
    return signing.dumps([request.path, request.user.pk, confirmation.count], salt=SALT)


def _confirmed_count(request) -> int | None:
    """The count the user confirmed for this URL, or None (no confirmation, forged, expired, someone else's)."""
    token = request.POST.get("confirmed", "")
    if not token:
        return None
    try:
        path, user_pk, count = signing.loads(token, salt=SALT, max_age=CONFIRMATION_MAX_AGE)
    except (signing.BadSignature, ValueError, TypeError):
        return None
    if path != request.path or user_pk != request.user.pk:
        return None
    return count


def confirmation_gate(request, confirmation: Confirmation) -> HttpResponse | None:
    """None when the POST confirms this very action and nothing refuses it: the caller performs it.
    Otherwise the confirmation page (after sending the test e-mail when that button was pressed)."""
    notices: list[tuple[str, str]] = []
    if request.POST.get("send_test") and confirmation.sample_email is not None:
        notices.append(_send_test(request, confirmation))
    else:
        confirmed = _confirmed_count(request)
        if confirmed is not None and not confirmation.refusals:
            if confirmed == confirmation.count:
                return None
            notices.append(("warning", _("The number changed since you looked: check it and confirm again.")))
    return confirmation_page(request, confirmation, notices=notices)


def confirmation_page(request, confirmation: Confirmation, *, notices=()) -> HttpResponse:
    sample = confirmation.sample_email() if confirmation.sample_email is not None else None
    carried = set(confirmation.carried)
    context = {
        "confirmation": confirmation,
        "notices": notices,
        "fields": [(name, value) for name, value in request.POST.lists() if name not in OWN_FIELDS | carried],
        "carried": list(confirmation.carried.items()),
        "token": _token(request, confirmation),
        # Rendered e-mail parts come back marked safe; as page text they are escaped whatever they hold.
        "sample_subject": escape(sample.subject) if sample else "",
        "sample_text": escape(sample.body) if sample else "",
    }
    return render(request, "core/confirm.html", context)


def test_subject(subject: str) -> str:
    """The subject marked as a test, in the e-mail's language (the site's), not the page's."""
    with translation.override(settings.LANGUAGE_CODE):
        return _("[TEST] %(subject)s") % {"subject": subject}


def _send_test(request, confirmation: Confirmation) -> tuple[str, str]:
    """One copy of the sample e-mail to the signed-in user, subject marked as a test."""
    address = request.user.email
    if not address:
        return "error", _("Your account has no e-mail address to send the test to.")
    message = confirmation.sample_email()
    message.subject = test_subject(message.subject)
    message.to, message.cc, message.bcc = [address], [], []
    try:
        message.send()
    except (SMTPException, OSError) as error:
        reason = str(error) or error.__class__.__name__
        return "error", _("The mail server did not take the test e-mail (%(reason)s).") % {"reason": reason}
    return "success", _("A test copy was sent to %(address)s only.") % {"address": address}


def email_preview_response(message: EmailMultiAlternatives) -> HttpResponse:
    """The e-mail's HTML (or its text) as a page for a sandboxed frame: no script, no network, framed only
    by the site itself."""
    html = next((content for content, mimetype in message.alternatives if mimetype == "text/html"), None)
    if html is None:
        html = f"<pre>{escape(message.body)}</pre>"
    response = HttpResponse(html, content_type="text/html; charset=utf-8")
    response["Content-Security-Policy"] = PREVIEW_POLICY
    response["X-Frame-Options"] = "SAMEORIGIN"
    response["Cache-Control"] = "no-store"
    return response
