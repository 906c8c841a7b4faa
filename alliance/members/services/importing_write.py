"""Writing a checked import plan in bulk: 100,000 new organisations must land in well under a minute.

Rule: the same derived columns as `services.registry` (name key, search text through `registry._prepare`,
business fields, search tokens) and one `members.org.imported` audit entry per created or updated
organisation with its values before and after. The caller owns the transaction.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from itertools import islice

from django.utils import timezone

from alliance.core.audit import build_audit, snapshot
from alliance.core.models import AuditEntry
from alliance.core.versions import bump_versions
from alliance.members import search
from alliance.members.membership import registry_changed
from alliance.members.models import Organisation
from alliance.members.services import importing_sql
from alliance.members.services.importing_rows import RowData
from alliance.members.services.registry import AUDITED_FIELDS, _prepare, field_objects

BATCH = 2_000
ACTION = "members.org.imported"


@dataclass
class Update:
    row: RowData
    organisation: Organisation  # already carries the new values
    before: dict  # only the changed keys
    after: dict
    fields_changed: bool
    search_changed: bool


@dataclass
class Plan:
    creates: list[RowData] = field(default_factory=list)
    updates: list[Update] = field(default_factory=list)
    unchanged: int = 0
    # Unchanged organisations whose row still names fields outside the vocabulary (they become proposals).
    unchanged_with_proposals: list[tuple[Organisation, RowData]] = field(default_factory=list)


def chunked(items: Iterable, size: int):
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch


def new_organisation(row: RowData) -> Organisation:
    organisation = Organisation(**row.data)
    _prepare(organisation, row.field_names or [])
    return organisation


def write_plan(
    *,
    plan: Plan,
    actor,
    actor_label: str = "",
    progress: Callable[[int], None] | None = None,
    batch_size: int | None = None,
) -> None:
    """Create and update the plan's organisations; `progress(n)` after each batch with rows written so far.

    Batches hold BATCH new (BATCH / 4 changed) organisations, or fewer when `batch_size` asks for finer
    progress readings.
    """
    names = {name for row in plan.creates for name in row.field_names or []}
    names |= {name for update in plan.updates if update.fields_changed for name in update.after["fields"]}
    field_ids = {business_field.name: business_field.pk for business_field in field_objects(names)}
    registry_changed()  # bulk writes send no model signals
    done = 0
    for rows in chunked(plan.creates, min(BATCH, batch_size or BATCH)):
        _create_batch(rows, field_ids, actor, actor_label)
        done += len(rows)
        if progress:
            progress(done)
    for updates in chunked(plan.updates, min(BATCH // 4, batch_size or BATCH)):
        _update_batch(updates, field_ids, actor, actor_label)
        done += len(updates)
        if progress:
            progress(done)


def _create_batch(rows: list[RowData], field_ids: dict, actor, actor_label: str) -> None:
    organisations = [new_organisation(row) for row in rows]
    importing_sql.insert_objects(Organisation, organisations)
    ids = {}
    for keys in chunked([organisation.name_key for organisation in organisations], 500):
        ids.update(Organisation.objects.filter(name_key__in=keys).values_list("name_key", "id"))
    for organisation in organisations:
        organisation.pk = ids[organisation.name_key]
        organisation._state.adding = False
    importing_sql.insert_links(
        Organisation.fields.through,
        [
            (organisation.pk, field_ids[name])
            for organisation, row in zip(organisations, rows, strict=True)
            for name in row.field_names or []
        ],
    )
    search.reindex([organisation.pk for organisation in organisations], fresh=True)
    importing_sql.insert_objects(
        AuditEntry,
        (
            build_audit(
                action=ACTION,
                actor=actor,
                actor_label=actor_label,
                target=organisation,
                before=None,
                after=snapshot(organisation, AUDITED_FIELDS) | {"fields": sorted(row.field_names or [])},
            )
            for organisation, row in zip(organisations, rows, strict=True)
        ),
    )


def _update_batch(updates: list[Update], field_ids: dict, actor, actor_label: str) -> None:
    now = timezone.now()
    columns = {"name_key", "search_text", "updated_at"}
    for update in updates:
        update.organisation.updated_at = now
        columns |= set(update.after) - {"fields"}
    Organisation.objects.bulk_update([update.organisation for update in updates], sorted(columns))
    # An edit form open on one of these organisations is now stale (core.versions).
    bump_versions(Organisation.objects.filter(pk__in=[update.organisation.pk for update in updates]))
    through = Organisation.fields.through
    refielded = [update for update in updates if update.fields_changed]
    if refielded:
        through.objects.filter(organisation_id__in=[update.organisation.pk for update in refielded]).delete()
        through.objects.bulk_create(
            [
                through(organisation_id=update.organisation.pk, businessfield_id=field_ids[name])
                for update in refielded
                for name in update.after["fields"]
            ]
        )
    # Category, 시·도 and fields are search tokens too, so any of them changing re-indexes.
    reindexed = [
        update.organisation.pk
        for update in updates
        if update.search_changed or update.fields_changed or {"category", "sido"} & set(update.after)
    ]
    search.reindex(reindexed)
    AuditEntry.objects.bulk_create(
        [
            build_audit(
                action=ACTION,
                actor=actor,
                actor_label=actor_label,
                target=update.organisation,
                before=update.before,
                after=update.after,
            )
            for update in updates
        ]
    )
