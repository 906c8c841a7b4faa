"""A member company's answer to the year's ethics checklist."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from alliance.core.audit import record_audit
from alliance.core.versions import bump_version, check_version
from alliance.regulation.models import SelfCheck
from alliance.regulation.queries import current_checklist
from alliance.regulation.scoring import SCALE, AnswerError, score


def selfcheck_of(organisation_id: int, year: int) -> SelfCheck | None:
    return SelfCheck.objects.filter(organisation_id=organisation_id, year=year).select_related("checklist").first()


@transaction.atomic
def save_answers(
    *, actor, organisation, year: int, answers: dict, share_result: bool, submit: bool, expected_version=None
) -> SelfCheck:
    """Save the company's answers for `year` (a draft may be incomplete); `submit` scores and closes them.

    Rule: answers are given on the version current when the company started (a later version does not move
    them); a submitted answer is final; submission needs every item answered 1–5. With `expected_version` (the
    form's), a save after another representative's is refused (core.versions.StaleEditError). Side effects: one
    audit entry; the version moves on.
    """
    selfcheck = SelfCheck.objects.select_for_update().filter(organisation=organisation, year=year).first()
    if selfcheck is None:
        checklist = current_checklist(year)
        if checklist is None:
            raise ValidationError(_("The checklist of %(year)s is not published yet.") % {"year": year})
        selfcheck = SelfCheck(organisation=organisation, year=year, checklist=checklist)
    elif selfcheck.is_submitted:
        raise ValidationError(_("This self-check has been submitted and can no longer be changed."))
    else:
        check_version(selfcheck, expected_version)
    numbers = {str(item.number) for item in selfcheck.checklist.scoring_items()}
    selfcheck.answers = {key: int(value) for key, value in answers.items() if key in numbers and value in SCALE}
    selfcheck.share_result = share_result
    if submit:
        try:
            result = score(selfcheck.checklist.scoring_items(), selfcheck.answers)
        except AnswerError as error:
            raise ValidationError(_("Answer every item before submitting.")) from error
        selfcheck.total = result.total
        selfcheck.by_principle = {key: str(points) for key, points in result.by_principle.items()}
        selfcheck.submitted_at = timezone.now()
        selfcheck.submitted_by = actor
    bump_version(selfcheck)
    selfcheck.save()
    record_audit(
        action="regulation.selfcheck.submitted" if submit else "regulation.selfcheck.saved",
        actor=actor,
        target=selfcheck,
        after={"total": str(selfcheck.total)} if submit else {"answered": len(selfcheck.answers)},
    )
    return selfcheck
