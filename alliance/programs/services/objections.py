"""Objections (이의신청) to released results, and the secretariat's answers."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from alliance.core.audit import record_audit
from alliance.core.tasks import enqueue_on_commit
from alliance.core.versions import bump_version, check_version
from alliance.programs import tasks
from alliance.programs.models import Objection, Panel, ProjectGroup
from alliance.programs.services.assignment import check_on_panel


def objection_deadline(panel: Panel) -> datetime.datetime | None:
    """The end of the objection period: the programme's number of days after release."""
    if panel.released_at is None:
        return None
    return panel.released_at + datetime.timedelta(days=panel.programme.objection_days)


def lodge_objection(*, user, panel: Panel, group: ProjectGroup, text: str, now=None) -> Objection:
    """A group's representative objects to a released result, within the programme's objection period.

    Side effects: the Objection and an audit entry.
    """
    now = now or timezone.now()
    panel = Panel.objects.select_related("programme").get(pk=panel.pk)
    if not user.has_perm("programs.object_to_result", group) or group.programme_id != panel.programme_id:
        raise ValidationError(_("Only the group's companies may object to its result."))
    if not panel.is_released:
        raise ValidationError(_("Results have not been released yet."))
    check_on_panel(panel, group)  # a group the panel did not judge has no result there to object to
    if now > objection_deadline(panel):
        raise ValidationError(_("The objection period has ended."))
    if not text.strip():
        raise ValidationError(_("Write the grounds of the objection."))
    with transaction.atomic():
        objection = Objection.objects.create(panel=panel, group=group, lodged_by=user, text=text.strip(), lodged_at=now)
        record_audit(action="programs.objection.lodged", target=objection, actor=user, after={"text": objection.text})
    return objection


def answer_objection(
    *, actor, objection: Objection, answer: str, notify: bool = True, expected_version: int | None = None
) -> Objection:
    """Staff record their answer to an objection (an answer may be corrected; the log keeps the old one).

    Refused with core.versions.StaleEditError when another answer was saved since `expected_version` (the
    version its form was loaded with). Side effects: answer fields (the version moves on) and an audit entry
    with before/after; unless `notify` is false, an e-mail to whoever lodged it and the group's
    representatives (a task after the commit), when the answer changed.
    """
    if not answer.strip():
        raise ValidationError(_("Write the answer."))
    with transaction.atomic():
        check_version(objection, expected_version)
        before = {"answer": objection.answer}
        objection.answer, objection.answered_by, objection.answered_at = answer.strip(), actor, timezone.now()
        bump_version(objection)
        objection.save(update_fields=["answer", "answered_by", "answered_at", "version"])
        record_audit(
            action="programs.objection.answered",
            target=objection,
            actor=actor,
            before=before,
            after={"answer": objection.answer},
        )
        if notify and before["answer"] != objection.answer:
            enqueue_on_commit(tasks.send_objection_answer_email, objection_id=objection.pk)
    return objection
