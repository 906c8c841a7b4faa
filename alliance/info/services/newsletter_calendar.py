"""The staff's publishing-calendar overrides: a holiday announced at short notice, or a day published anyway.

Rule: one override per date; an extra holiday cannot fall on a day that already has an edition that is scheduled
or sent (unschedule it first). Side effects: the override row and its audit entry.
"""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from alliance.core.audit import record_audit
from alliance.info.models import Edition, PublishingOverride


def add_override(*, actor, date: datetime.date, kind: str, reason: str) -> PublishingOverride:
    if PublishingOverride.objects.filter(date=date).exists():
        raise ValidationError({"date": _("This day already has an override: delete it first.")})
    if (
        kind == PublishingOverride.Kind.EXTRA_HOLIDAY
        and Edition.objects.filter(publishing_date=date).exclude(state=Edition.State.DRAFT).exists()
    ):
        raise ValidationError({"date": _("The edition of this day is scheduled or sent: unschedule it first.")})
    with transaction.atomic():
        override = PublishingOverride.objects.create(date=date, kind=kind, reason=reason.strip(), created_by=actor)
        after = {"date": date.isoformat(), "kind": kind, "reason": override.reason}
        record_audit(actor=actor, action="info.publishing_override_added", target=override, after=after)
    return override


def delete_override(*, actor, override: PublishingOverride) -> None:
    with transaction.atomic():
        before = {"date": override.date.isoformat(), "kind": override.kind, "reason": override.reason}
        record_audit(actor=actor, action="info.publishing_override_deleted", target=override, before=before)
        override.delete()
