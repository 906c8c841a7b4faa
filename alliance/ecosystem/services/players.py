"""Writes to the map's players: members (from alliance.members' Organisation) and non-members.

Rules:
- a member's player is linked to its Organisation, and its name, region, size, founding year, homepage
  and description come from the registry (source "registry", dated by the organisation's last
  confirmation or last change); staff and the map survey may set the other values;
- a non-member is entered by staff (or by a landscape import) under a name not yet on the map, compared
  without case or spacing (`player_name_key`). Corporate forms are not stripped as the member registry
  does: on a world map "ControlPlane" and "Control Plane Corporation", or "C" and "C++", are different;
- every value a service sets is stamped in `Player.sources` with its source and date;
- a non-member's contact e-mail (staff only) is where the map survey goes; a member's is the registry's
  census contact, so a member's player has none.
Side effects: audit `ecosystem.player.created` / `ecosystem.player.updated` with before/after values.
"""

import datetime
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from alliance.core.audit import build_audit, changed, record_audit, snapshot
from alliance.core.korean import compact
from alliance.core.models import AuditEntry
from alliance.core.versions import bump_version, bump_versions, check_version
from alliance.ecosystem import phrases
from alliance.ecosystem.models import Player, ValueSource
from alliance.ecosystem.services.placements import refresh_registry_figures

PLAYER_FIELDS = (
    "name",
    "description",
    "business_fields",
    "homepage",
    "ksic_code",
    "region",
    "employees",
    "revenue",
    "founded_year",
    "contact_email",
)
# Player field ← Organisation field: the registry is the source of these for members.
REGISTRY_FIELDS = {
    "name": "name",
    "description": "description",
    "homepage": "homepage",
    "region": "sido",
    "employees": "employees",
    "revenue": "revenue_million",
    "founded_year": "founded_year",
}


def player_name_key(name: str) -> str:
    """The key that makes two names one player: NFKC, lower case, no whitespace."""
    return compact(name.strip())


def _stamp(sources: dict, fields, *, source: str, on: datetime.date) -> dict:
    stamped = dict(sources)
    for field in fields:
        stamped[field] = {"source": str(source), "on": on.isoformat()}
    return stamped


def _check_name_free(name: str, *, exclude_pk=None) -> str:
    name = (name or "").strip()
    if not name:
        raise ValidationError(phrases.NAME_REQUIRED, code="name_required")
    taken = Player.objects.filter(name_key=player_name_key(name))
    if exclude_pk is not None:
        taken = taken.exclude(pk=exclude_pk)
    if taken.exists():
        raise ValidationError(phrases.PLAYER_EXISTS, code="player_exists", params={"name": name})
    return name


def create_player(*, actor, data: dict, source: str = ValueSource.STAFF, on: datetime.date | None = None) -> Player:
    """Create a non-member player from cleaned `data` (keys of PLAYER_FIELDS).

    Each non-empty value is stamped with `source` and `on` (today by default).
    Side effect: audit `ecosystem.player.created`.
    """
    on = on or timezone.localdate()
    values = {key: data[key] for key in PLAYER_FIELDS if key in data}
    with transaction.atomic():
        values["name"] = _check_name_free(values.get("name", ""))
        player = Player(**values, name_key=player_name_key(values["name"]))
        filled = [key for key, value in values.items() if value not in (None, "")]
        player.sources = _stamp({}, filled, source=source, on=on)
        player.save()
        record_audit(
            action="ecosystem.player.created", actor=actor, target=player, after=snapshot(player, PLAYER_FIELDS)
        )
    return player


def update_player(
    *,
    actor,
    player: Player,
    data: dict,
    source: str = ValueSource.STAFF,
    on: datetime.date | None = None,
    actor_label: str = "",
    expected_version: int | None = None,
) -> Player:
    """Apply cleaned `data` to a player; changed values are stamped with `source` and `on`.

    A member's registry-owned values (REGISTRY_FIELDS) are refused here: they change in the registry. With
    `expected_version` (the version the staff form was loaded with), a player changed since is refused with
    core.versions.StaleEditError and nothing is written.
    Side effect: audit `ecosystem.player.updated` with the changed fields (none when nothing changed); the
    version moves on.
    """
    on = on or timezone.localdate()
    values = {key: data[key] for key in PLAYER_FIELDS if key in data}
    with transaction.atomic():
        check_version(player, expected_version)
        before = snapshot(player, PLAYER_FIELDS)
        if player.is_member and any(values.get(key, before[key]) != before[key] for key in REGISTRY_FIELDS):
            raise ValidationError(phrases.MEMBER_FIELDS_FROM_REGISTRY, code="registry_field")
        if "name" in values:
            values["name"] = _check_name_free(values["name"], exclude_pk=player.pk)
        for key, value in values.items():
            setattr(player, key, value)
        old, new = changed(before, snapshot(player, PLAYER_FIELDS))
        if not new:
            return player
        player.name_key = player_name_key(player.name)
        player.sources = _stamp(player.sources, new, source=source, on=on)
        bump_version(player)
        player.save()
        record_audit(
            action="ecosystem.player.updated",
            actor=actor,
            actor_label=actor_label,
            target=player,
            before=old,
            after=new,
        )
    return player


def _registry_values(organisation) -> dict:
    return {field: getattr(organisation, org_field) for field, org_field in REGISTRY_FIELDS.items()} | {
        "business_fields": ", ".join(field.name for field in organisation.fields.all())
    }


def _registry_date(organisation) -> datetime.date:
    return organisation.last_confirmed_on or timezone.localdate(organisation.updated_at)


@dataclass(frozen=True)
class SyncPreview:
    """What `sync_member_players` would do now: names of the players it creates and of those it changes."""

    created: list[str]
    updated: list[str]
    unchanged: int


def member_sync_preview(organisations) -> SyncPreview:
    """The players `sync_member_players` would create and change for these organisations (pass them with
    `fields` prefetched), writing nothing; for its confirmation page."""
    organisations = list(organisations)
    existing = {
        player.organisation_id: player
        for player in Player.objects.filter(organisation__in=[org.pk for org in organisations])
    }
    created, updated = [], []
    for organisation in organisations:
        player = existing.get(organisation.pk)
        if player is None:
            created.append(organisation.name)
            continue
        before = snapshot(player, PLAYER_FIELDS)
        for key, value in _registry_values(organisation).items():
            setattr(player, key, value)
        if changed(before, snapshot(player, PLAYER_FIELDS))[1]:
            updated.append(organisation.name)
    return SyncPreview(created, updated, len(organisations) - len(created) - len(updated))


def sync_member_players(*, actor, organisations) -> list[Player]:
    """Create or refresh the players of these member organisations from the registry, in bulk.

    Pass organisations with `fields` prefetched. Registry values overwrite the player's and are stamped
    source "registry", dated by the organisation's last confirmation (or last change); then the players'
    placements follow the registry's figures where those came from it (placements.refresh_registry_figures).
    Side effects: one audit entry per player created or changed (`ecosystem.player.created`/`updated`), and
    the refresh's `ecosystem.placement.refreshed` entries.
    """
    organisations = list(organisations)
    with transaction.atomic():
        existing = {
            player.organisation_id: player
            for player in Player.objects.filter(organisation__in=[org.pk for org in organisations])
        }
        to_create, to_update, entries = [], [], []
        for organisation in organisations:
            values = _registry_values(organisation)
            on = _registry_date(organisation)
            player = existing.get(organisation.pk)
            if player is None:
                player = Player(organisation=organisation, name_key=player_name_key(organisation.name), **values)
                player.sources = _stamp(
                    {}, [k for k, v in values.items() if v not in (None, "")], source=ValueSource.REGISTRY, on=on
                )
                to_create.append(player)
                continue
            before = snapshot(player, PLAYER_FIELDS)
            for key, value in values.items():
                setattr(player, key, value)
            old, new = changed(before, snapshot(player, PLAYER_FIELDS))
            if new:
                player.name_key = player_name_key(player.name)
                player.sources = _stamp(player.sources, new, source=ValueSource.REGISTRY, on=on)
                to_update.append(player)
                entries.append(
                    build_audit(action="ecosystem.player.updated", actor=actor, target=player, before=old, after=new)
                )
        Player.objects.bulk_create(to_create, batch_size=500)
        if to_update:
            Player.objects.bulk_update(to_update, [*PLAYER_FIELDS, "name_key", "sources"], batch_size=500)
            bump_versions(Player.objects.filter(pk__in=[player.pk for player in to_update]))
        created = Player.objects.filter(organisation__in=[p.organisation_id for p in to_create])
        entries += [
            build_audit(
                action="ecosystem.player.created", actor=actor, target=player, after=snapshot(player, PLAYER_FIELDS)
            )
            for player in created
        ]
        AuditEntry.objects.bulk_create(entries, batch_size=500)
        players = list(Player.objects.filter(organisation__in=[org.pk for org in organisations]))
        refresh_registry_figures(actor=actor, players=players)
    return players
