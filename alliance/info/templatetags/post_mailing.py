"""`{% post_mailing post %}`: a notice's e-mailing box on its staff page (the button, then the progress)."""

from django import template

from alliance.core.delivery.progress import progress_of
from alliance.info.models import Board
from alliance.info.services.post_mailing import POST_MAILING

register = template.Library()


@register.inclusion_tag("info/board/_post_mailing.html", takes_context=True)
def post_mailing(context, post):
    return {
        "post": post,
        "mailable": post.board == Board.NOTICES,
        "deliveries": progress_of(post, (POST_MAILING,)),
        "perms": context.get("perms"),
        "csrf_token": context.get("csrf_token"),
    }
