"""The call for applications announced by e-mail to every member representative, once, resumable.

Rules:
- Staff announce a programme's call once. The recipients are fixed then: the active representatives of
  the organisations that are members that day, one e-mail each (nobody sees the others' addresses).
- The e-mails go out through the bulk delivery (`alliance.core.delivery`, mailing CALL_MAILING): batches
  claimed under a lease, each recipient recorded as the mail server accepts it, permanent refusals listed to
  staff with the server's answer, temporary failures retried later, and "send to the rest" on the
  programme's page.
- A call is not announced once its application period has ended (nobody could apply any more); staff are
  warned when it starts more than CALL_EARLY_WARNING ahead or when no period is set.
"""

import datetime

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from alliance.core.audit import record_audit, snapshot
from alliance.core.delivery.ordering import Addressee, order_delivery
from alliance.core.mail import render_message
from alliance.core.roles import Role
from alliance.members.membership import member_on_q
from alliance.programs.models import Programme, StageKind

CALL_MAILING = "programs.call"
CALL_EARLY_WARNING = datetime.timedelta(days=60)


def call_recipients() -> list[str]:
    """The addresses of the active representatives of today's member organisations, once each, in order."""
    users = get_user_model().objects.with_role(Role.MEMBER_REP).filter(is_active=True).exclude(email="")
    users = users.filter(member_on_q(timezone.localdate(), prefix="organisation__"))
    return list(dict.fromkeys(users.order_by("email").values_list("email", flat=True)))


def call_recipient_labels() -> list[str]:
    """Who `call_recipients` reaches, as "organisation · name <address>", in the same order."""
    users = get_user_model().objects.with_role(Role.MEMBER_REP).filter(is_active=True).exclude(email="")
    users = users.filter(member_on_q(timezone.localdate(), prefix="organisation__")).order_by("email")
    labels = {}
    for email, name, organisation in users.values_list("email", "name", "organisation__name"):
        labels.setdefault(email, f"{organisation} · {name} <{email}>")
    return list(labels.values())


def _months_between(earlier: datetime.date, later: datetime.date) -> int:
    months = (later.year - earlier.year) * 12 + later.month - earlier.month
    return months - (later.day < earlier.day)


def announcement_refusals(programme: Programme, *, now: datetime.datetime | None = None) -> list[str]:
    """Why the call cannot be announced (empty: it can): already announced, or its period has ended."""
    if programme.call_announced_at is not None:
        when = date_format(timezone.localdate(programme.call_announced_at), "DATE_FORMAT")
        return [_("The call was already announced on %(date)s; it is not sent twice.") % {"date": when}]
    call = programme.stages.filter(kind=StageKind.CALL).first()
    now = now or timezone.now()
    if call is None or call.ends_at >= now:
        return []
    months = _months_between(timezone.localdate(call.ends_at), timezone.localdate(now))
    if months >= 1:
        ended = _("The application period ended %(months)s months ago.") % {"months": f"{months:,}"}
    else:
        ended = _("The application period ended %(days)s days ago.") % {"days": (now - call.ends_at).days}
    return [ended + " " + _("Nobody can apply any more: set a new application period before announcing.")]


def announcement_warnings(programme: Programme, *, now: datetime.datetime | None = None) -> list[str]:
    """What staff should know before announcing: no period set, or one that starts far ahead."""
    call = programme.stages.filter(kind=StageKind.CALL).first()
    now = now or timezone.now()
    if call is None:
        return [_("No application period is set: the e-mail gives no dates.")]
    if call.starts_at - now > CALL_EARLY_WARNING:
        return [
            _("The application period starts in %(days)s days (%(date)s): members are told long before they can apply.")
            % {
                "days": f"{(call.starts_at - now).days:,}",
                "date": date_format(timezone.localdate(call.starts_at), "DATE_FORMAT"),
            }
        ]
    return []


def announce_call(*, actor, programme: Programme) -> bool:
    """Announce the programme's call to every member representative, once per programme.

    Rule: idempotent — a programme already announced is left alone (False is returned, nothing is sent);
    a call whose application period has ended is refused (ValidationError, nothing written).
    Side effects: `call_announced_at`; audit `programs.call.announced` with the count; a delivery of
    CALL_MAILING to `call_recipients` (its own audit entry, sent after the commit).
    """
    with transaction.atomic():
        programme = Programme.objects.select_for_update().get(pk=programme.pk)
        if programme.call_announced_at is not None:
            return False
        if refusals := announcement_refusals(programme):
            raise ValidationError(refusals)
        programme.call_announced_at = timezone.now()
        programme.save(update_fields=["call_announced_at", "updated_at"])
        addressees = [Addressee(email=email) for email in call_recipients()]
        record_audit(
            action="programs.call.announced",
            actor=actor,
            target=programme,
            before=None,
            after={**snapshot(programme, ("call_announced_at",)), "recipients": len(addressees)},
        )
        order_delivery(actor=actor, kind=CALL_MAILING, target=programme, addressees=addressees)
    return True


def call_email_context(programme: Programme) -> dict:
    """What the call's e-mail says (the same for every recipient)."""
    call = programme.stages.filter(kind=StageKind.CALL).first()
    return {
        "programme": programme,
        "starts_at": timezone.localtime(call.starts_at) if call else None,
        "ends_at": timezone.localtime(call.ends_at) if call else None,
        "tracks": list(programme.tracks.all()),
        "link": settings.SITE_URL + reverse("programs:apply_home", args=[programme.year]),
    }


def call_email(programme: Programme) -> EmailMultiAlternatives:
    """The call's e-mail, unsent and addressed to nobody (the confirmation's preview and test send)."""
    return render_message("programs/email/call", call_email_context(programme), to=[])


def call_context(delivery) -> dict:
    """What every recipient's call e-mail shows (computed once per sending run)."""
    return call_email_context(Programme.objects.get(pk=delivery.target_id))


def build_call_email(recipient, context: dict):
    """One representative's call e-mail."""
    return render_message("programs/email/call", context, to=[recipient.email], language=recipient.language)
