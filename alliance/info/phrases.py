"""The Korean labels of the information services' audit actions. Each area adds its own `register_actions` call."""

from django.utils.translation import gettext_lazy as _

from alliance.core.audit import register_actions

# ---- subscribers ------------------------------------------------------------------------------------------------
register_actions(
    {
        "info.subscriber.requested": _("Newsletter subscription requested (confirmation e-mailed)"),
        "info.subscriber.confirmed": _("Newsletter subscription confirmed"),
        "info.subscriber.own_changed": _("Own newsletter subscription changed"),
        "info.subscriber.unsubscribed": _("Unsubscribed from the newsletter"),
        "info.subscriber.renewed": _("Consent to advertising renewed"),
        "info.subscriber.imported": _("Newsletter subscribers imported"),
        "info.subscriber.suspended": _("Newsletter address suspended after bounces"),
        "info.subscriber.renewal_lapsed": _("Advertising suspended: consent not renewed"),
    }
)

# Analytics
register_actions({"info.visits.imported": _("Past monthly visits imported")})

# ---- newsletter: editions, feeds, the calendar's overrides ---------------------------------------------------
register_actions(
    {
        "info.edition_created": _("Newsletter edition created"),
        "info.edition_changed": _("Newsletter edition changed"),
        "info.edition_item_added": _("Newsletter item added"),
        "info.edition_item_changed": _("Newsletter item changed"),
        "info.edition_item_removed": _("Newsletter item removed"),
        "info.edition_item_moved": _("Newsletter item moved"),
        "info.edition_scheduled": _("Newsletter edition scheduled"),
        "info.edition_unscheduled": _("Newsletter edition unscheduled"),
        "info.edition_sent": _("Newsletter edition sent"),
        "info.feed_subscribed": _("News feed subscribed"),
        "info.feed_changed": _("News feed changed"),
        "info.feed_fetch_requested": _("News feed fetch requested"),
        "info.publishing_override_added": _("Publishing calendar override added"),
        "info.publishing_override_deleted": _("Publishing calendar override deleted"),
    }
)

# The archive area.
register_actions(
    {
        "info.archive.publisher_added": _("Publisher added"),
        "info.archive.publisher_renamed": _("Publisher renamed"),
        "info.archive.spelling_added": _("Publisher spelling added"),
        "info.archive.spelling_removed": _("Publisher spelling removed"),
        "info.archive.report_added": _("Report added to the archive"),
        "info.archive.report_changed": _("Archived report changed"),
        "info.archive.file_added": _("Report file attached"),
        "info.archive.file_replaced": _("Report file replaced with a new version"),
        "info.archive.extraction_rerun": _("Report file's text extraction run again"),
        "info.archive.reports_imported": _("Reports imported from a manifest"),
        "info.archive.report_unpublished": _("Archived report taken off the public site"),
        "info.archive.report_republished": _("Archived report published again"),
        "info.archive.report_deleted": _("Archived report deleted with its files"),
    }
)

# ---- board: posts of /notice_board and /alliance_news -----------------------------------------------------------
register_actions(
    {
        "info.board.post_created": _("Board post written"),
        "info.board.post_changed": _("Board post changed"),
        "info.board.post_published": _("Board post published"),
        "info.board.post_scheduled": _("Board post scheduled"),
        "info.board.post_unpublished": _("Board post unpublished"),
        "info.board.post_deleted": _("Board post deleted"),
        "info.board.attachment_added": _("Board post attachment added"),
        "info.board.attachment_removed": _("Board post attachment removed"),
    }
)

# Partner agencies' promotions (유관기관 홍보).
register_actions(
    {
        "info.promotion.submitted": _("Partner agency promotion submitted"),
        "info.promotion.changed": _("Partner agency promotion changed"),
        "info.promotion.resubmitted": _("Partner agency promotion submitted again"),
        "info.promotion.accepted": _("Partner agency promotion accepted and posted"),
        "info.promotion.returned": _("Partner agency promotion returned with a comment"),
        "info.promotion.edited": _("Accepted partner agency promotion corrected by the secretariat"),
    }
)
