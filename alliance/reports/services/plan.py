"""Writes of the yearly plan's staff items (추진 일정)."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from alliance.core.audit import changed, record_audit, snapshot
from alliance.core.versions import bump_version, check_version
from alliance.reports.models import PlanItem

ITEM_FIELDS = ("area", "title", "first_month", "last_month", "done_on", "note")


def _check(*, year: int, title: str, first_month: int, last_month: int, done_on: datetime.date | None) -> str:
    title = title.strip()
    if not title:
        raise ValidationError(_("Enter a title."))
    if not 1 <= first_month <= last_month <= 12:
        raise ValidationError(_("The planned months run from 1 to 12, the first not after the last."))
    if done_on is not None and done_on.year not in (year, year + 1):
        raise ValidationError(_("The day it was done must be in the plan's year or the next."))
    return title


def add_plan_item(
    *, actor, year: int, area: str, title: str, first_month: int, last_month: int,
    done_on: datetime.date | None = None, note: str = "",
) -> PlanItem:  # fmt: skip
    """Add an item to the year's plan.

    Rule: a title; planned months 1–12, the first not after the last; a done day in the year or the next.
    Side effects: the row; audit `reports.plan_item_added`.
    """
    title = _check(year=year, title=title, first_month=first_month, last_month=last_month, done_on=done_on)
    with transaction.atomic():
        item = PlanItem.objects.create(
            year=year, area=area, title=title, first_month=first_month, last_month=last_month,
            done_on=done_on, note=note.strip(),
        )  # fmt: skip
        record_audit(action="reports.plan_item_added", actor=actor, target=item, after=snapshot(item, ITEM_FIELDS))
    return item


def update_plan_item(
    *, actor, item: PlanItem, area: str, title: str, first_month: int, last_month: int,
    done_on: datetime.date | None, note: str, expected_version: int | None = None,
) -> PlanItem:  # fmt: skip
    """Change an item of the plan, or record the day it was done.

    Rule: as add_plan_item; refused (StaleEditError) when someone saved it since the form was loaded.
    Side effects: the row, its version; audit `reports.plan_item_changed` with what changed.
    """
    title = _check(year=item.year, title=title, first_month=first_month, last_month=last_month, done_on=done_on)
    with transaction.atomic():
        check_version(item, expected_version)
        item = PlanItem.objects.select_for_update().get(pk=item.pk)
        before = snapshot(item, ITEM_FIELDS)
        item.area, item.title, item.first_month, item.last_month = area, title, first_month, last_month
        item.done_on, item.note = done_on, note.strip()
        bump_version(item)
        item.save()
        old, new = changed(before, snapshot(item, ITEM_FIELDS))
        record_audit(action="reports.plan_item_changed", actor=actor, target=item, before=old, after=new)
    return item


def delete_plan_item(*, actor, item: PlanItem) -> None:
    """Remove an item from the plan.

    Side effects: the row deleted; audit `reports.plan_item_deleted` with what it was.
    """
    with transaction.atomic():
        record_audit(action="reports.plan_item_deleted", actor=actor, target=item, before=snapshot(item, ITEM_FIELDS))
        item.delete()
