"""E-mails of the competition's stages after applying, in Korean, text and HTML: the call announced to every
member representative, each group's released result (after the screening: whether it goes on), the award to
each winner, and the secretariat's answer to an objection.

Services queue them through `tasks.py` once their transaction commits, so a rolled-back change sends nothing.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMultiAlternatives, get_connection
from django.urls import reverse
from django.utils import timezone

from alliance.core.audit import record_audit
from alliance.core.roles import Role
from alliance.members.queries import member_on_q
from alliance.programs.models import (
    Award,
    Objection,
    Panel,
    Programme,
    ProjectGroup,
    ScreeningOutcome,
    StageKind,
    Winner,
)
from alliance.programs.services.application_emails import receipt_recipients, render_templated, send_templated
from alliance.programs.services.results import panel_results

# The call goes to every member representative: one e-mail each (nobody sees the others' addresses), sent over
# one SMTP connection per batch.
CALL_BATCH = 50


def _link(name: str, *args) -> str:
    return settings.SITE_URL + reverse(f"programs:{name}", args=args)


def call_recipients() -> list[str]:
    """The addresses of the active representatives of today's member organisations, once each, in order."""
    users = get_user_model().objects.filter(role=Role.MEMBER_REP, is_active=True).exclude(email="")
    users = users.filter(member_on_q(timezone.localdate(), prefix="organisation__"))
    return list(dict.fromkeys(users.order_by("email").values_list("email", flat=True)))


def send_call_announcement(*, programme: Programme, batch_size: int = CALL_BATCH) -> int:
    """Announce the call to every member representative (`call_recipients`), in batches of `batch_size`.

    Returns the number of e-mails. Side effects: audit `programs.call.announcement_sent` with the count.
    """
    call = programme.stages.filter(kind=StageKind.CALL).first()
    context = {
        "programme": programme,
        "starts_at": timezone.localtime(call.starts_at) if call else None,
        "ends_at": timezone.localtime(call.ends_at) if call else None,
        "tracks": list(programme.tracks.all()),
        "link": _link("apply_home", programme.year),
    }
    template = render_templated("call", context)
    recipients = call_recipients()
    sent = batches = 0
    connection = get_connection()
    for start in range(0, len(recipients), batch_size):
        messages = [
            EmailMultiAlternatives(
                subject=template.subject, body=template.body, to=[email], alternatives=template.alternatives
            )
            for email in recipients[start : start + batch_size]
        ]
        sent += connection.send_messages(messages) or 0
        batches += 1
    record_audit(
        action="programs.call.announcement_sent",
        target=programme,
        actor=None,
        after={"sent": sent, "batches": batches},
    )
    return sent


def send_results_emails(*, panel: Panel) -> int:
    """One e-mail per ranked group to its representatives: its rank and score and, after the screening,
    whether it goes on to the next stage; after the final, one more to each winner with its award.

    Returns the number of e-mails sent.
    """
    outcomes = dict(ScreeningOutcome.objects.filter(panel=panel).values_list("group_id", "advances"))
    groups = {
        group.name: group
        for group in ProjectGroup.objects.filter(programme_id=panel.programme_id).select_related("programme")
    }
    sent = 0
    for item in panel_results(panel):
        for row in item.result.rows if item.result else ():
            group = groups[row.group]
            recipients = receipt_recipients(group)
            if not recipients:
                continue
            context = {
                "panel": panel,
                "programme": panel.programme,
                "group": group,
                "track": item.track,
                "row": row,
                "is_screening": panel.kind == Panel.Kind.SCREENING,
                "goes_on": outcomes.get(group.pk),
                "link": _link("group_result", group.pk),
            }
            send_templated("result", context, recipients)
            sent += 1
    if panel.kind == Panel.Kind.FINAL:
        sent += send_award_emails(panel=panel)
    return sent


def send_award_emails(*, panel: Panel) -> int:
    """Congratulate each winner of the final panel: its award, the body presenting it, the awards day."""
    presenters = {
        (award.track_id, award.name): award.presented_by
        for award in Award.objects.filter(track__programme_id=panel.programme_id)
    }
    awards_day = panel.programme.stages.filter(kind=StageKind.AWARDS).first()
    sent = 0
    for winner in Winner.objects.filter(panel=panel).select_related("group__programme", "track"):
        recipients = receipt_recipients(winner.group)
        if not recipients:
            continue
        context = {
            "programme": panel.programme,
            "winner": winner,
            "group": winner.group,
            "presented_by": presenters.get((winner.track_id, winner.award_name), ""),
            "awards_at": timezone.localtime(awards_day.starts_at) if awards_day else None,
            "link": _link("group_detail", winner.group_id),
        }
        send_templated("award", context, recipients)
        sent += 1
    return sent


def send_objection_answer_email(*, objection: Objection) -> int:
    """Tell whoever lodged the objection, and the group's representatives, the secretariat's answer.

    Returns the number of recipients; none while the objection has no answer.
    """
    if not objection.answer:
        return 0
    group = objection.group
    recipients = list(dict.fromkeys([objection.lodged_by.email, *receipt_recipients(group)]))
    recipients = [email for email in recipients if email]
    if not recipients:
        return 0
    context = {
        "objection": objection,
        "panel": objection.panel,
        "programme": objection.panel.programme,
        "group": group,
        "lodged_at": timezone.localtime(objection.lodged_at),
        "link": _link("group_result", group.pk),
    }
    send_templated("objection_answer", context, recipients)
    return len(recipients)
