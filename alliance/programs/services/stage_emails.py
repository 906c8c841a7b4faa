"""E-mails of the competition's stages after applying, in Korean, text and HTML: each group's released result
(after the screening: whether it goes on), the award to each winner, and the secretariat's answer to an
objection. The call's announcement to every member representative is in call.py.

The results and awards go out as deliveries (alliance.core.delivery, ordered by `results.release_results`;
the builders are here); the objection answer is queued through `tasks.py` once its transaction commits.
"""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.urls import reverse
from django.utils import timezone

from alliance.core.mail import render_message
from alliance.programs.models import (
    Award,
    Objection,
    Panel,
    ProjectGroup,
    ScreeningOutcome,
    StageKind,
    Winner,
)
from alliance.programs.services.application_emails import receipt_recipients, send_templated
from alliance.programs.services.results import panel_results


def _link(name: str, *args) -> str:
    return settings.SITE_URL + reverse(f"programs:{name}", args=args)


def _result_context(panel: Panel, item, row, group: ProjectGroup, goes_on: bool | None) -> dict:
    return {
        "panel": panel,
        "programme": panel.programme,
        "group": group,
        "track": item.track,
        "row": row,
        "is_screening": panel.kind == Panel.Kind.SCREENING,
        "goes_on": goes_on,
        "link": _link("group_result", group.pk),
    }


def results_recipients(panel: Panel) -> list[tuple[ProjectGroup, list[str]]]:
    """Each ranked group, in ranking order, with the addresses its result e-mail goes to (empty: none)."""
    groups = {
        group.name: group
        for group in ProjectGroup.objects.filter(programme_id=panel.programme_id).select_related("programme")
    }
    return [
        (groups[row.group], receipt_recipients(groups[row.group]))
        for item in panel_results(panel)
        for row in (item.result.rows if item.result else ())
    ]


def result_email_sample(panel: Panel) -> EmailMultiAlternatives | None:
    """The first ranked group's result e-mail, unsent and addressed to nobody (the release's confirmation
    preview and test send); None when no group is ranked."""
    outcomes = dict(ScreeningOutcome.objects.filter(panel=panel).values_list("group_id", "advances"))
    for item in panel_results(panel):
        for row in item.result.rows if item.result else ():
            groups = ProjectGroup.objects.select_related("programme").filter(programme_id=panel.programme_id)
            group = groups.get(name=row.group)
            context = _result_context(panel, item, row, group, outcomes.get(group.pk))
            return render_message("programs/email/result", context, to=[])
    return None


def results_context(delivery) -> dict:
    """What the result e-mails of one panel share: each ranked group's track and row, and its outcome."""
    panel = Panel.objects.select_related("programme").get(pk=delivery.target_id)
    outcomes = dict(ScreeningOutcome.objects.filter(panel=panel).values_list("group_id", "advances"))
    groups = {group.name: group for group in ProjectGroup.objects.filter(programme_id=panel.programme_id)}
    ranked = {}
    for item in panel_results(panel):
        for row in item.result.rows if item.result else ():
            ranked[groups[row.group].pk] = (groups[row.group], item, row)
    return {"panel": panel, "outcomes": outcomes, "ranked": ranked}


def build_result_email(recipient, shared: dict):
    """One representative's e-mail of their group's result: rank and score and, after the screening, whether
    the group goes on to the next stage."""
    if recipient.object_id not in shared["ranked"]:
        return None
    group, item, row = shared["ranked"][recipient.object_id]
    context = _result_context(shared["panel"], item, row, group, shared["outcomes"].get(group.pk))
    return render_message("programs/email/result", context, to=[recipient.email], language=recipient.language)


def awards_context(delivery) -> dict:
    """What the award e-mails of the final share: who presents each award, and the awards day."""
    panel = Panel.objects.select_related("programme").get(pk=delivery.target_id)
    presenters = {
        (award.track_id, award.name): award.presented_by
        for award in Award.objects.filter(track__programme_id=panel.programme_id)
    }
    awards_day = panel.programme.stages.filter(kind=StageKind.AWARDS).first()
    return {"panel": panel, "presenters": presenters, "awards_day": awards_day}


def build_award_email(recipient, shared: dict):
    """Congratulate one winner's representative: its award, the body presenting it, the awards day."""
    winner = Winner.objects.filter(pk=recipient.object_id).select_related("group__programme", "track").first()
    if winner is None:
        return None
    awards_day = shared["awards_day"]
    context = {
        "programme": shared["panel"].programme,
        "winner": winner,
        "group": winner.group,
        "presented_by": shared["presenters"].get((winner.track_id, winner.award_name), ""),
        "awards_at": timezone.localtime(awards_day.starts_at) if awards_day else None,
        "link": _link("group_detail", winner.group_id),
    }
    return render_message("programs/email/award", context, to=[recipient.email], language=recipient.language)


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
