"""The yearly linkage plan: items written by the agency's liaison (while the plan is a draft) or by staff."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from alliance.agencies.models import Agency, LinkagePlan, PlanItem
from alliance.core.audit import changed, record_audit, snapshot
from alliance.core.rules import is_secretariat
from alliance.core.versions import bump_version, check_version

ITEM_FIELDS = ("heading", "text", "start_month", "end_month", "link_url", "link_label")
PLAN_SUBMITTED = _("The plan has been submitted; ask the secretariat to change it.")


def plan_of(agency: Agency, year: int) -> LinkagePlan | None:
    return LinkagePlan.objects.filter(agency=agency, year=year).first()


def _check_editable(actor, plan: LinkagePlan) -> None:
    if not plan.is_draft and not is_secretariat(actor):
        raise ValidationError(PLAN_SUBMITTED, code="submitted")


def add_plan_item(*, actor, agency: Agency, year: int, **fields) -> PlanItem:
    """Rule: a liaison adds items while the plan is a draft; staff at any time. The plan row is made with
    the first item.
    Side effects: the item (and the plan); audit `agencies.plan.item_added` on the plan."""
    with transaction.atomic():
        plan, _created = LinkagePlan.objects.select_for_update().get_or_create(agency=agency, year=year)
        _check_editable(actor, plan)
        item = PlanItem(plan=plan, **{name: fields[name] for name in ITEM_FIELDS})
        item.full_clean()
        item.save()
        record_audit(action="agencies.plan.item_added", actor=actor, target=plan, after=snapshot(item, ITEM_FIELDS))
    return item


def update_plan_item(*, actor, item: PlanItem, expected_version: int | None = None, **fields) -> PlanItem:
    """Rule: as `add_plan_item`; refused with core.versions.StaleEditError when the item was changed since
    `expected_version` (its form's: the liaison and staff both edit it). Side effects: the item's version moves
    on; audit `agencies.plan.item_changed` with what changed."""
    with transaction.atomic():
        plan = LinkagePlan.objects.select_for_update().get(pk=item.plan_id)
        _check_editable(actor, plan)
        check_version(item, expected_version)
        before = snapshot(PlanItem.objects.get(pk=item.pk), ITEM_FIELDS)
        for name in ITEM_FIELDS:
            setattr(item, name, fields[name])
        item.full_clean()
        bump_version(item)
        item.save()
        old, new = changed(before, snapshot(item, ITEM_FIELDS))
        record_audit(action="agencies.plan.item_changed", actor=actor, target=plan, before=old, after=new)
    return item


def delete_plan_item(*, actor, item: PlanItem) -> None:
    """Rule: as `add_plan_item`; an item already reported on is kept (its report entries need it).
    Side effects: audit `agencies.plan.item_deleted`."""
    with transaction.atomic():
        plan = LinkagePlan.objects.select_for_update().get(pk=item.plan_id)
        _check_editable(actor, plan)
        if item.report_entries.exclude(text="").exists():
            raise ValidationError(_("A quarterly report describes this item; it cannot be deleted."), code="reported")
        before = snapshot(item, ITEM_FIELDS)
        item.delete()
        record_audit(action="agencies.plan.item_deleted", actor=actor, target=plan, before=before)


def submit_plan(*, actor, plan: LinkagePlan) -> LinkagePlan:
    """Rule: a draft plan with at least one item is submitted once.
    Side effects: status and time; audit `agencies.plan.submitted`."""
    with transaction.atomic():
        plan = LinkagePlan.objects.select_for_update().get(pk=plan.pk)
        if not plan.is_draft:
            raise ValidationError(_("The plan has already been submitted."), code="submitted")
        if not plan.items.exists():
            raise ValidationError(_("Add at least one item before submitting the plan."), code="empty")
        plan.status, plan.submitted_at = LinkagePlan.Status.SUBMITTED, timezone.now()
        plan.save(update_fields=["status", "submitted_at"])
        record_audit(
            action="agencies.plan.submitted",
            actor=actor,
            target=plan,
            before={"status": "draft"},
            after={"status": "submitted"},
        )
    return plan
