"""What the events app adds to the header menu and to "My page" (`alliance.core.navigation`).

Each area adds its entries in its own `register_links` / `register_tiles` call.
"""

from django.utils.translation import gettext_lazy as _

from alliance.core.navigation import MEMBER, PUBLIC, STAFF, Entry, register_links, register_tiles

# ---- events, programme and registration -------------------------------------------------------------------------
register_links(
    Entry(_("Events"), "events:public_list", PUBLIC, order=70),
    Entry(_("Events"), "events:staff_list", STAFF, order=70, permission="events.manage_event"),
)
register_tiles(
    Entry(_("Events"), "events:staff_list", STAFF, order=70, permission="events.manage_event"),
    Entry(_("Events and registration"), "events:public_list", MEMBER, order=70, permission="events.register_as_member"),
)

# ---- the door and after the event: staff's list of events with their check-in, attendance and badges ---------
register_links(Entry(_("Event check-in"), "events:door", STAFF, order=75, permission="events.check_in"))
register_tiles(Entry(_("Event check-in"), "events:door", STAFF, order=75, permission="events.check_in"))
