"""The post-award support record: the programme's benefits, granting them to every winner of the released final
panel in one action, and recording later whether each awardee used what it was granted.

Rules: benefits are data (kind, code, name, granting body, what they apply to, points for a bonus); only the
winners of a released final panel are granted benefits, each benefit once per winner, numbered
<year>-<code>-<nnn>; a use is recorded as used (date, where and for what), not used, or not known yet. Every
write is audited in its own transaction.
"""

import datetime
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from alliance.core.audit import record_audit, snapshot
from alliance.core.versions import bump_version, check_version
from alliance.programs.models import BenefitKind, Panel, Programme, SupportBenefit, SupportGrant, Winner

BENEFIT_FIELDS = ("kind", "code", "name", "granting_body", "applies_to", "points")
USE_FIELDS = ("use", "used_on", "used_for")


def _clean_benefit(programme: Programme, data: dict, benefit: SupportBenefit | None) -> dict:
    cleaned = {
        "kind": data.get("kind", ""),
        "code": str(data.get("code", "")).strip().upper(),
        "name": str(data.get("name", "")).strip(),
        "granting_body": str(data.get("granting_body", "")).strip(),
        "applies_to": str(data.get("applies_to", "")).strip(),
        "points": data.get("points"),
    }
    if cleaned["kind"] not in BenefitKind.values:
        raise ValidationError(_("Choose the kind of benefit."))
    if not cleaned["code"] or not cleaned["name"]:
        raise ValidationError(_("A benefit needs a code and a name."))
    if not cleaned["code"].replace("-", "").isalnum():
        raise ValidationError(_("The code is letters and digits only (it numbers the certificates)."))
    if cleaned["points"] in ("", None):
        cleaned["points"] = None
    else:
        try:
            cleaned["points"] = Decimal(str(cleaned["points"]))
        except InvalidOperation:
            raise ValidationError(_("The bonus points must be a number.")) from None
    if cleaned["kind"] == BenefitKind.BONUS_POINTS and not (cleaned["points"] and cleaned["points"] > 0):
        raise ValidationError(_("A bonus-point benefit states its points (above 0)."))
    if cleaned["kind"] == BenefitKind.BONUS_POINTS and not cleaned["granting_body"]:
        raise ValidationError(_("A bonus-point benefit names the body that grants the points (e.g. NIPA)."))
    clash = SupportBenefit.objects.filter(programme=programme, code=cleaned["code"])
    if clash.exclude(pk=getattr(benefit, "pk", None)).exists():
        raise ValidationError(_("The code %(code)s is already used in this programme.") % {"code": cleaned["code"]})
    return cleaned


def save_benefit(*, actor, programme: Programme, data: dict, benefit: SupportBenefit | None = None) -> SupportBenefit:
    """Add a benefit to the programme, or change one (its code only while nothing is granted: the numbers
    already issued carry it).

    Side effects: audit entry `programs.support.benefit_saved` with before/after.
    """
    cleaned = _clean_benefit(programme, data, benefit)
    with transaction.atomic():
        before = snapshot(benefit, BENEFIT_FIELDS) if benefit else None
        if benefit is None:
            benefit = SupportBenefit(programme=programme, position=programme.benefits.count())
        elif cleaned["code"] != benefit.code and benefit.grants.exists():
            raise ValidationError(_("Certificates already carry this benefit's code; it can no longer change."))
        for field, value in cleaned.items():
            setattr(benefit, field, value)
        benefit.save()
        record_audit(
            action="programs.support.benefit_saved",
            actor=actor,
            target=programme,
            before=before,
            after=snapshot(benefit, BENEFIT_FIELDS),
        )
    return benefit


def released_final(programme: Programme) -> Panel | None:
    """The programme's final panel once its results are released, else None."""
    return Panel.objects.filter(programme=programme, kind=Panel.Kind.FINAL, released_at__isnull=False).first()


def grants_to_make(panel: Panel, benefits) -> list[tuple[SupportBenefit, Winner]]:
    """The (benefit, winner) pairs `grant_to_winners` would grant now (those not held yet), in its order; for
    its confirmation page."""
    benefits = sorted(benefits, key=lambda b: (b.position, b.pk))
    winners = list(Winner.objects.filter(panel=panel).select_related("track", "group").order_by("track", "place"))
    held = set(SupportGrant.objects.filter(benefit__in=benefits).values_list("benefit_id", "winner_id"))
    return [(benefit, winner) for benefit in benefits for winner in winners if (benefit.pk, winner.pk) not in held]


def grant_to_winners(*, actor, panel: Panel, benefits, issued_on: datetime.date | None = None) -> int:
    """Grant each of `benefits` to every winner of the released final panel, in one action.

    Rule: the panel is the final one and its results are released; the benefits are the programme's; a winner
    already holding a benefit keeps its grant (the action may be repeated, e.g. after adding a benefit). Each
    new grant is numbered <year>-<code>-<nnn> in the benefit's sequence; `issued_on` defaults to today (Seoul).
    Side effects: SupportGrant rows, one audit entry `programs.support.granted` listing the numbers.
    Returns how many grants were made.
    """
    if panel.kind != Panel.Kind.FINAL or not panel.is_released:
        raise ValidationError(_("Benefits are granted to the winners once the final results are released."))
    benefits = list(benefits)
    if not benefits:
        raise ValidationError(_("Choose at least one benefit to grant."))
    if any(benefit.programme_id != panel.programme_id for benefit in benefits):
        raise ValidationError(_("Choose benefits of this programme."))
    issued_on = issued_on or timezone.localdate()
    with transaction.atomic():
        locked = list(SupportBenefit.objects.select_for_update().filter(pk__in=[b.pk for b in benefits]))
        winners = list(Winner.objects.filter(panel=panel).select_related("track", "group").order_by("track", "place"))
        if not winners:
            raise ValidationError(_("The final panel has no winners to grant benefits to."))
        held = set(SupportGrant.objects.filter(benefit__in=locked).values_list("benefit_id", "winner_id"))
        created = []
        for benefit in sorted(locked, key=lambda b: (b.position, b.pk)):
            sequence = SupportGrant.objects.filter(benefit=benefit).count()
            for winner in winners:
                if (benefit.pk, winner.pk) in held:
                    continue
                sequence += 1
                created.append(
                    SupportGrant(
                        benefit=benefit,
                        winner=winner,
                        number=f"{panel.programme.year}-{benefit.code}-{sequence:03d}",
                        issued_on=issued_on,
                        issued_by=actor if getattr(actor, "is_authenticated", False) else None,
                    )
                )
        SupportGrant.objects.bulk_create(created)
        record_audit(
            action="programs.support.granted",
            actor=actor,
            target=panel.programme,
            after={"issued_on": issued_on.isoformat(), "numbers": [grant.number for grant in created]},
        )
    return len(created)


def record_use(
    *,
    actor,
    grant: SupportGrant,
    use: str,
    used_on: datetime.date | None = None,
    used_for: str = "",
    expected_version: int | None = None,
) -> SupportGrant:
    """Record whether the awardee used a granted benefit: used (the date, and where and for what — the
    programme it applied to, the exhibition), not used (optionally why), or not known yet.

    Rule: a date of use lies between the issue date and today; refused with core.versions.StaleEditError when
    the use was recorded since `expected_version` (its form's: staff and the awardee both record it).
    Side effects: the grant's use fields (its version moves on) and an audit entry
    `programs.support.use_recorded` with before/after.
    """
    used_for = used_for.strip()
    if use not in SupportGrant.Use.values:
        raise ValidationError(_("Choose whether the benefit was used."))
    if use == SupportGrant.Use.USED and (used_on is None or not used_for):
        raise ValidationError(_("A used benefit needs the date and where and for what it was used."))
    if use == SupportGrant.Use.PENDING:
        used_on, used_for = None, ""
    if use == SupportGrant.Use.NOT_USED:
        used_on = None
    if used_on is not None and used_on > timezone.localdate():
        raise ValidationError(_("The date of use cannot be in the future: record a use once it has happened."))
    with transaction.atomic():
        grant = SupportGrant.objects.select_for_update().get(pk=grant.pk)
        check_version(grant, expected_version)
        if used_on is not None and used_on < grant.issued_on:
            raise ValidationError(
                _("The date of use cannot come before the certificate was issued (%(date)s).")
                % {"date": date_format(grant.issued_on, "DATE_FORMAT")}
            )
        before = snapshot(grant, USE_FIELDS)
        grant.use, grant.used_on, grant.used_for = use, used_on, used_for
        grant.use_recorded_by = actor if getattr(actor, "is_authenticated", False) else None
        grant.use_recorded_at = timezone.now()
        bump_version(grant)
        grant.save()
        record_audit(
            action="programs.support.use_recorded",
            actor=actor,
            target=grant,
            before=before,
            after={**snapshot(grant, USE_FIELDS), "number": grant.number},
        )
    return grant
