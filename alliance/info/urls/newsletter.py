"""The newsletter area's URLs (included by alliance/info/urls/__init__.py)."""

from django.urls import path, re_path

from alliance.info.views import newsletter_archive, newsletter_setup, newsletter_staff

DAY = r"^newsletter/(?P<day>[0-9]{4}-[0-9]{2}-[0-9]{2})$"  # YYYY-MM-DD, as the old site's links

urlpatterns: list = [
    # the public web archive, at the old site's address
    path("newsletter", newsletter_archive.newsletter_archive, name="newsletter_archive"),
    re_path(
        r"^newsletter/(?P<day>[0-9]{4}-[0-9]{2}-[0-9]{2})$",
        newsletter_archive.newsletter_edition,
        name="newsletter_edition",
    ),
    # the staff's edition builder
    path("newsletter/editions/", newsletter_staff.edition_list, name="edition_list"),
    path("newsletter/editions/<id:pk>/", newsletter_staff.edition_detail, name="edition_detail"),
    path("newsletter/editions/<id:pk>/items/add", newsletter_staff.edition_item_add, name="edition_item_add"),
    path("newsletter/editions/<id:pk>/preview", newsletter_staff.edition_preview, name="edition_preview"),
    path("newsletter/editions/<id:pk>/email.html", newsletter_staff.edition_email, name="edition_email"),
    path("newsletter/editions/<id:pk>/schedule", newsletter_staff.edition_schedule, name="edition_schedule"),
    path("newsletter/editions/<id:pk>/unschedule", newsletter_staff.edition_unschedule, name="edition_unschedule"),
    path("newsletter/items/<id:pk>/", newsletter_staff.edition_item_edit, name="edition_item_edit"),
    path("newsletter/items/<id:pk>/remove", newsletter_staff.edition_item_remove, name="edition_item_remove"),
    path("newsletter/items/<id:pk>/move", newsletter_staff.edition_item_move, name="edition_item_move"),
    # the feeds and the calendar
    path("newsletter/feeds/", newsletter_setup.feed_list, name="newsletter_feeds"),
    path("newsletter/feeds/<id:pk>/", newsletter_setup.feed_edit, name="newsletter_feed_edit"),
    path("newsletter/feeds/<id:pk>/fetch", newsletter_setup.feed_fetch, name="newsletter_feed_fetch"),
    path("newsletter/calendar/", newsletter_setup.calendar_overrides, name="newsletter_calendar"),
    path(
        "newsletter/calendar/<id:pk>/delete",
        newsletter_setup.calendar_override_delete,
        name="newsletter_calendar_override_delete",
    ),
]
