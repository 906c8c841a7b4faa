"""`{% edition_delivery edition %}`: the edition page's sending box (button, progress, figures)."""

from django import template

from alliance.core.delivery.progress import progress_of
from alliance.info.queries.subscribers import EDITION_MAILING, edition_delivery_stats

register = template.Library()


@register.inclusion_tag("info/subscribers/_edition_stats.html", takes_context=True)
def edition_delivery(context, edition):
    return {
        "edition": edition,
        "delivery_stats": edition_delivery_stats(edition),
        "deliveries": progress_of(edition, (EDITION_MAILING,)),
        "perms": context.get("perms"),
        "csrf_token": context.get("csrf_token"),
    }


@register.simple_tag
def edition_figures(edition):
    """`{% edition_figures edition as figures %}`: recipients, sent, failed, bounced, unsubscribed of one edition."""
    return edition_delivery_stats(edition)
