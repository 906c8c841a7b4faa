"""The operating rules (운영규정), versioned.

Rule: the first version may be entered without a decision (from paper); every later one names the adopted
steering decision whose effect is an amendment of the rules.
Side effects: the version and an audit entry.
"""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from alliance.core.audit import record_audit
from alliance.governance.models import BodyKind, DecisionEffect, DecisionOutcome, RulesVersion


def amend_rules(*, text: str, effective_on: datetime.date, decision, summary: str, by) -> RulesVersion:
    """A new version of the operating rules.

    Rule: the first version may be entered without a decision (from paper); every later one names the adopted
    steering decision whose effect is an amendment of the rules. Side effects: the version, an audit entry."""
    if not text.strip():
        raise ValidationError(_("Enter the text of the rules."))
    with transaction.atomic():
        last = RulesVersion.objects.select_for_update().order_by("-number").first()
        if last is not None:
            if (
                decision is None
                or decision.effect != DecisionEffect.AMEND_RULES
                or decision.outcome != DecisionOutcome.ADOPTED
            ):
                raise ValidationError(_("An amendment names the adopted steering decision that amended the rules."))
            if decision.meeting.body.kind != BodyKind.STEERING:
                raise ValidationError(_("An amendment names the adopted steering decision that amended the rules."))
        version = RulesVersion.objects.create(
            number=(last.number + 1) if last else 1,
            text=text.strip(),
            effective_on=effective_on,
            decision=decision,
            summary=summary.strip(),
            created_by=by,
            created_at=timezone.now(),
        )
        record_audit(
            action="governance.rules.amended",
            actor=by,
            target=version,
            after={"number": version.number, "effective_on": effective_on.isoformat(), "summary": summary},
        )
    return version
