"""What the events app adds to the header menu and to "My page" (`alliance.core.navigation`).

Each area adds its entries in its own `register_links` / `register_tiles` call.
"""

from django.utils.translation import gettext_lazy as _

from alliance.core.navigation import STAFF, Entry, register_links, register_tiles

# ---- the door and after the event: staff's list of events with their check-in, attendance and badges ---------
register_links(Entry(_("Event check-in"), "events:door", STAFF, order=75, permission="events.check_in"))
register_tiles(Entry(_("Event check-in"), "events:door", STAFF, order=75, permission="events.check_in"))
