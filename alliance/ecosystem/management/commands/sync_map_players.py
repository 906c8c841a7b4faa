"""Bring every current member into the ecosystem map's players, or refresh them, from the member registry.

    python manage.py sync_map_players [--format json]

Registry values (name, region, size, founding year, homepage, description, business fields) overwrite
the players' and are stamped with source "registry"; see services.players.sync_member_players.
"""

import json

from django.core.management.base import BaseCommand

from alliance.ecosystem import phrases
from alliance.ecosystem.services.players import sync_member_players
from alliance.members.membership import current_members


class Command(BaseCommand):
    help = "Bring current members into the ecosystem map's players from the member registry."

    def add_arguments(self, parser):
        parser.add_argument("--format", choices=["text", "json"], default="text")

    def handle(self, *args, format: str, **options):
        players = sync_member_players(actor=None, organisations=list(current_members().prefetch_related("fields")))
        if format == "json":
            self.stdout.write(json.dumps({"players": len(players)}))
        else:
            self.stdout.write(str(phrases.MEMBERS_SYNCED % {"count": len(players)}))
