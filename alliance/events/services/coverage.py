"""After an event: its press coverage.

Rule: an article has an outlet, a date, a headline and optionally its address (http or https); the same address
is listed once per event. Staff add and remove articles.
Side effects: PressArticle rows; audit `events.press.added` / `events.press.removed`.
"""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from alliance.core.audit import record_audit, snapshot
from alliance.events.models import Event, PressArticle

PRESS_FIELDS = ("outlet", "published_on", "title", "url")


def add_article(
    *, event: Event, actor, outlet: str, published_on: datetime.date, title: str, url: str = ""
) -> PressArticle:
    outlet, title, url = outlet.strip(), title.strip(), url.strip()
    if not outlet or not title:
        raise ValidationError(_("Write the outlet and the headline."), code="required")
    if url and not url.lower().startswith(("http://", "https://")):
        raise ValidationError(_("The address must start with http:// or https://."), code="url")
    with transaction.atomic():
        if url and PressArticle.objects.filter(event=event, url=url).exists():
            raise ValidationError(_("This article is already listed."), code="duplicate")
        article = PressArticle.objects.create(
            event=event, outlet=outlet, published_on=published_on, title=title, url=url, created_by=actor
        )
        record_audit(action="events.press.added", target=article, actor=actor, after=snapshot(article, PRESS_FIELDS))
    return article


def remove_article(*, article: PressArticle, actor) -> None:
    with transaction.atomic():
        record_audit(action="events.press.removed", target=article, actor=actor, before=snapshot(article, PRESS_FIELDS))
        article.delete()
