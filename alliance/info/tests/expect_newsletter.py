"""Who may open the newsletter area's URLs: rows merged by tests/url_expectations.py.

The web archive is public; the builder, the feeds and the calendar are staff's (404 to every other signed-in
role, the login page to visitors)."""

import datetime

from django.utils import timezone

from alliance.core.tests.url_matrix import everyone, no_body, staff_only
from alliance.info.models import Edition, PublishingOverride
from alliance.info.tests.factories_newsletter import (
    EditionFactory,
    EditionItemFactory,
    FeedItemFactory,
    NewsFeedFactory,
    publishing_day_after,
)

STAFF_POSTS = staff_only(405)

EXPECTED = {
    "info:newsletter_archive": everyone(),
    "info:newsletter_edition": everyone(),
    "info:edition_list": staff_only(),
    "info:edition_detail": staff_only(),
    "info:edition_item_add": STAFF_POSTS,
    "info:edition_preview": staff_only(),
    "info:edition_email": staff_only(),
    "info:edition_schedule": STAFF_POSTS,
    "info:edition_unschedule": STAFF_POSTS,
    "info:edition_item_edit": staff_only(),
    "info:edition_item_remove": STAFF_POSTS,
    "info:edition_item_move": STAFF_POSTS,
    "info:newsletter_feeds": staff_only(),
    "info:newsletter_feed_edit": staff_only(),
    "info:newsletter_feed_fetch": STAFF_POSTS,
    "info:newsletter_calendar": staff_only(),
    "info:newsletter_calendar_override_delete": STAFF_POSTS,
}

PK_OF = {
    "info:edition_detail": "newsletter_draft",
    "info:edition_item_add": "newsletter_draft",
    "info:edition_preview": "newsletter_draft",
    "info:edition_email": "newsletter_draft",
    "info:edition_schedule": "newsletter_draft",
    "info:edition_unschedule": "newsletter_scheduled",
    "info:edition_item_edit": "newsletter_item",
    "info:edition_item_remove": "newsletter_item",
    "info:edition_item_move": "newsletter_item",
    "info:newsletter_feed_edit": "newsletter_feed",
    "info:newsletter_feed_fetch": "newsletter_feed",
    "info:newsletter_calendar_override_delete": "newsletter_override",
}

PATH_VALUES = {"day": lambda world: world["newsletter_sent"].publishing_date.isoformat()}


def build_world(world) -> dict:
    today = timezone.localdate()
    draft = EditionFactory(publishing_date=publishing_day_after(today + datetime.timedelta(days=20)))
    item = EditionItemFactory(edition=draft)
    EditionItemFactory(edition=draft)
    scheduled = EditionFactory(publishing_date=publishing_day_after(today + datetime.timedelta(days=30)))
    EditionItemFactory(edition=scheduled)
    scheduled.state = Edition.State.SCHEDULED
    scheduled.send_at = timezone.now() + datetime.timedelta(days=30)
    scheduled.save()
    sent = EditionFactory(
        publishing_date=publishing_day_after(today - datetime.timedelta(days=20)),
        state=Edition.State.SENT,
        sent_at=timezone.now() - datetime.timedelta(days=19),
    )
    EditionItemFactory(edition=sent)
    feed = NewsFeedFactory()
    feed_item = FeedItemFactory(feed=feed)
    override = PublishingOverride.objects.create(
        date=today + datetime.timedelta(days=60), kind=PublishingOverride.Kind.EXTRA_HOLIDAY, reason="임시공휴일"
    )
    return {
        "newsletter_draft": draft,
        "newsletter_item": item,
        "newsletter_scheduled": scheduled,
        "newsletter_sent": sent,
        "newsletter_feed": feed,
        "newsletter_feed_item": feed_item,
        "newsletter_override": override,
    }


def _new_edition_day(world) -> str:
    return publishing_day_after(timezone.localdate() + datetime.timedelta(days=40)).isoformat()


POST_DATA = {
    "info:edition_list": lambda world: {"publishing_date": _new_edition_day(world)},
    "info:edition_detail": lambda world: {"subject": "메타버스 얼라이언스 뉴스레터 특집", "carries_advertising": "on"},
    "info:edition_item_add": lambda world: {"candidate": f"feed:{world['newsletter_feed_item'].pk}"},
    "info:edition_schedule": no_body,
    "info:edition_unschedule": no_body,
    "info:edition_item_edit": lambda world: {
        "title": "XR 기기 확산 (수정)",
        "summary": "요약",
        "link": "https://news.example.kr/xr/edited",
        "tags": "AX 전환 관점",
        "image_alt": "",
    },
    "info:edition_item_remove": no_body,
    "info:edition_item_move": lambda world: {"direction": "down"},
    "info:newsletter_feeds": lambda world: {
        "name": "XR 월드",
        "url": "http://10.1.2.3/xr.atom",
        "section": "global",
        "active": "on",
    },
    "info:newsletter_feed_edit": lambda world: {
        "name": "가상융합 뉴스 (국내)",
        "url": world["newsletter_feed"].url,
        "section": "domestic",
        "active": "on",
    },
    "info:newsletter_feed_fetch": no_body,
    "info:newsletter_calendar": lambda world: {
        "date": (timezone.localdate() + datetime.timedelta(days=61)).isoformat(),
        "kind": "extra_holiday",
        "reason": "임시공휴일 지정",
    },
    "info:newsletter_calendar_override_delete": no_body,
}
