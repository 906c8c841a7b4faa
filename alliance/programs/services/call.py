"""The call for applications announced by e-mail to every member representative, once, resumable.

Rules:
- Staff announce a programme's call once. The recipients are fixed then: the active representatives of
  the organisations that are members that day, one e-mail each (nobody sees the others' addresses).
- The e-mails go out in batches of CALL_BATCH over one SMTP connection per batch. Each recipient is marked
  sent as soon as the mail server accepts its e-mail. An address the server refuses for good (5xx: no such
  mailbox) is recorded with the server's answer, listed to staff and not tried again; any other failure
  (the server defers, disconnects, a sending limit is reached) stops the run, and staff resume it later for
  the recipients not reached, so nothing already sent is sent again.
- A call is not announced once its application period has ended (nobody could apply any more); staff are
  warned when it starts more than CALL_EARLY_WARNING ahead or when no period is set.
- A sending run first claims its batch (a token and a time on the rows); a claim is held for CLAIM_LEASE
  and released when the run fails, so two runs never send the same e-mail and a crashed run's batch frees
  itself.
"""

import datetime
import uuid
from dataclasses import dataclass
from smtplib import SMTPRecipientsRefused

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.mail import EmailMultiAlternatives, get_connection
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from alliance.core.audit import record_audit, snapshot
from alliance.core.mail import render_message
from alliance.core.roles import Role
from alliance.members.membership import member_on_q
from alliance.programs.models import CallRecipient, Programme, StageKind
from alliance.programs.tasks import enqueue_on_commit

CALL_BATCH = 50
CLAIM_LEASE = datetime.timedelta(minutes=10)
CALL_EARLY_WARNING = datetime.timedelta(days=60)


@dataclass(frozen=True)
class CallProgress:
    total: int
    sent: int
    refused: int  # addresses the mail server refused for good
    sending: bool  # a run holds a claim on some of the rest

    @property
    def pending(self) -> int:
        return self.total - self.sent - self.refused

    @property
    def resumable(self) -> bool:
        return self.pending > 0 and not self.sending


def call_recipients() -> list[str]:
    """The addresses of the active representatives of today's member organisations, once each, in order."""
    users = get_user_model().objects.filter(role=Role.MEMBER_REP, is_active=True).exclude(email="")
    users = users.filter(member_on_q(timezone.localdate(), prefix="organisation__"))
    return list(dict.fromkeys(users.order_by("email").values_list("email", flat=True)))


def call_recipient_labels() -> list[str]:
    """Who `call_recipients` reaches, as "organisation · name <address>", in the same order."""
    users = get_user_model().objects.filter(role=Role.MEMBER_REP, is_active=True).exclude(email="")
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


def _pending(programme: Programme):
    return CallRecipient.objects.filter(programme=programme, sent_at__isnull=True, refused="")


def call_progress(programme: Programme) -> CallProgress:
    rows = CallRecipient.objects.filter(programme=programme)
    return CallProgress(
        total=rows.count(),
        sent=rows.filter(sent_at__isnull=False).count(),
        refused=rows.exclude(refused="").count(),
        sending=_pending(programme).filter(claimed_at__gte=timezone.now() - CLAIM_LEASE).exists(),
    )


def refused_recipients(programme: Programme) -> list[CallRecipient]:
    return list(CallRecipient.objects.filter(programme=programme).exclude(refused=""))


def announce_call(*, actor, programme: Programme) -> bool:
    """Announce the programme's call to every member representative, once per programme.

    Rule: idempotent — a programme already announced is left alone (False is returned, nothing is sent);
    a call whose application period has ended is refused (ValidationError, nothing written).
    Side effects: `call_announced_at`, one CallRecipient per address (`call_recipients`), audit
    `programs.call.announced` with the count, and after the commit the task `send_call_announcement`.
    """
    with transaction.atomic():
        programme = Programme.objects.select_for_update().get(pk=programme.pk)
        if programme.call_announced_at is not None:
            return False
        if refusals := announcement_refusals(programme):
            raise ValidationError(refusals)
        programme.call_announced_at = timezone.now()
        programme.save(update_fields=["call_announced_at", "updated_at"])
        recipients = [CallRecipient(programme=programme, email=email) for email in call_recipients()]
        CallRecipient.objects.bulk_create(recipients, batch_size=500)
        record_audit(
            action="programs.call.announced",
            actor=actor,
            target=programme,
            before=None,
            after={**snapshot(programme, ("call_announced_at",)), "recipients": len(recipients)},
        )
        enqueue_on_commit("send_call_announcement", programme.pk)
    return True


def resume_call_announcement(*, actor, programme: Programme) -> int:
    """Send the call to the recipients it has not reached yet (after sending stopped part-way).

    Rule: only for an announced call with recipients left that no run is sending to.
    Side effects: audit `programs.call.resumed` with the number left; after the commit the task
    `send_call_announcement`. Returns the number left.
    """
    progress = call_progress(programme)
    if programme.call_announced_at is None or not progress.resumable:
        raise ValidationError(_("There is nobody left to send the call to, or it is being sent now."))
    with transaction.atomic():
        record_audit(action="programs.call.resumed", actor=actor, target=programme, after={"pending": progress.pending})
        enqueue_on_commit("send_call_announcement", programme.pk)
    return progress.pending


def _claim_batch(programme: Programme, batch_size: int) -> tuple[str, list[CallRecipient]]:
    now = timezone.now()
    free = Q(claimed_at__isnull=True) | Q(claimed_at__lt=now - CLAIM_LEASE)
    unsent = _pending(programme)
    candidates = list(unsent.filter(free).order_by("email").values_list("pk", flat=True)[:batch_size])
    token = uuid.uuid4().hex
    # Conditional: a row another run claimed in between is not taken.
    unsent.filter(free, pk__in=candidates).update(claimed_by=token, claimed_at=now)
    return token, list(unsent.filter(claimed_by=token).order_by("email"))


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


def send_call_announcement(*, programme: Programme, batch_size: int = CALL_BATCH) -> int:
    """E-mail the call to every recipient not yet reached, batch by batch; returns how many were sent.

    Side effects: `sent_at` of each recipient reached, `refused` of each address refused for good; audit
    `programs.call.announcement_sent` with the numbers sent and refused, the batches and the number left
    (also when a failure stops the run, whose error is then raised again so that the task shows it).
    """
    context = call_email_context(programme)
    sent = refused = batches = 0
    try:
        while True:
            token, batch = _claim_batch(programme, batch_size)
            if not batch:
                break
            batches += 1
            reached, refusals = [], {}
            try:
                with get_connection() as connection:
                    for recipient in batch:
                        message = render_message(
                            "programs/email/call", context, to=[recipient.email], connection=connection
                        )
                        try:
                            message.send()
                        except SMTPRecipientsRefused as error:
                            refusals[recipient.pk] = _server_answer(error)
                        else:
                            reached.append(recipient.pk)
            finally:
                CallRecipient.objects.filter(pk__in=reached).update(sent_at=timezone.now())
                for pk, answer in refusals.items():
                    CallRecipient.objects.filter(pk=pk).update(refused=answer)
                CallRecipient.objects.filter(claimed_by=token, sent_at__isnull=True).update(
                    claimed_by="", claimed_at=None
                )
                sent += len(reached)
                refused += len(refusals)
    finally:
        record_audit(
            action="programs.call.announcement_sent",
            target=programme,
            actor=None,
            after={"sent": sent, "refused": refused, "batches": batches, "left": _pending(programme).count()},
        )
    return sent


def _server_answer(error: SMTPRecipientsRefused) -> str:
    """The mail server's answer to the one refused address, as "550 5.1.1 mailbox unavailable"."""
    code, text = next(iter(error.recipients.values()))
    answer = text.decode(errors="replace") if isinstance(text, bytes) else str(text)
    return f"{code} {answer}"[:200]
