"""What the information services add to the header menu and to "My page" (`alliance.core.navigation`).

Each area adds its entries in its own `register_links` / `register_tiles` call.
"""

from django.utils.translation import gettext_lazy as _

from alliance.core.navigation import MEMBER, PERSONAL, PUBLIC, STAFF, Entry, register_links, register_tiles

# ---- subscribers: staff's list; anyone signed in manages their own subscription (the public subscribes from
# the newsletter's page) ---------------------------------
register_links(
    Entry(_("Newsletter subscribers"), "info:subscriber_list", STAFF, order=82, permission="info.manage_subscribers"),
)
register_tiles(
    Entry(_("Newsletter subscribers"), "info:subscriber_list", STAFF, order=82, permission="info.manage_subscribers"),
    Entry(_("My newsletter subscription"), "info:my_subscription", PERSONAL, order=20),
)

# Analytics: the homepage visits report, for the secretariat.
register_links(Entry(_("Homepage visits"), "info:analytics", STAFF, order=60, permission="info.view_analytics"))
register_tiles(Entry(_("Homepage visits"), "info:analytics", STAFF, order=60, permission="info.view_analytics"))

# ---- newsletter: the public web archive; the staff's editions ------------------------------------------------
register_links(
    Entry(_("Newsletter"), "info:newsletter_archive", PUBLIC, order=40),
    Entry(_("Newsletter editions"), "info:edition_list", STAFF, order=70, permission="info.manage_newsletter"),
)
register_tiles(
    Entry(_("Newsletter editions"), "info:edition_list", STAFF, order=70, permission="info.manage_newsletter"),
)

# The archive area.
register_links(
    Entry(_("Trend reports"), "info:archive", PUBLIC, order=40),
    Entry(_("Report archive"), "info:archive_manage", STAFF, order=70, permission="info.manage_archive"),
)
register_tiles(
    Entry(_("Report archive"), "info:archive_manage", STAFF, order=70, permission="info.manage_archive"),
)

# ---- board: the two public boards; the staff's posts -------------------------------------------------------------
register_links(
    Entry(_("Notices"), "info:notice_board", PUBLIC, order=35),
    Entry(_("Alliance news"), "info:alliance_news", PUBLIC, order=36),
    Entry(_("Notices and news"), "info:board_manage", STAFF, order=68, permission="info.manage_board"),
)
register_tiles(
    Entry(_("Notices and news"), "info:board_manage", STAFF, order=68, permission="info.manage_board"),
)

# Partner agencies' promotions: the liaison's own agency's (My page), the staff's review.
register_links(
    Entry(_("Agency promotions"), "info:promotion_queue", STAFF, order=69, permission="info.review_promotions"),
)
register_tiles(
    Entry(_("Our promotions"), "info:my_promotions", MEMBER, order=51, permission="info.submit_promotion"),
    Entry(_("Agency promotions"), "info:promotion_queue", STAFF, order=69, permission="info.review_promotions"),
)
