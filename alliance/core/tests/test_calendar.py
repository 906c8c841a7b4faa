"""core/calendar.py: the one iCalendar writer. Read back with icalendar (the files are also read by the apps'
tests and, in the review, by two independent parsers)."""

import datetime

import icalendar
import pytest

from alliance.core.calendar import CANCEL, SEOUL, CalendarEntry, calendar_file, seoul_time, uid_at_site


@pytest.fixture(autouse=True)
def _site(settings):
    settings.SITE_URL = "https://alliance.example.kr"


def _events(data: bytes) -> list:
    return list(icalendar.Calendar.from_ical(data).walk("VEVENT"))


def test_a_timed_entry_carries_its_seoul_time_zone_uid_sequence_and_place():
    entry = CalendarEntry(
        uid=uid_at_site("thing-7"),
        sequence=3,
        summary="분과통합 공개세미나",
        start=seoul_time(datetime.date(2025, 9, 17), datetime.time(14)),
        end=seoul_time(datetime.date(2025, 9, 17), datetime.time(17, 30)),
        location_parts=("코엑스", "", "https://meet.example.kr/x"),
        url="https://alliance.example.kr/events/7/",
    )

    data = calendar_file([entry], product="tests", name="행사")
    calendar = icalendar.Calendar.from_ical(data)
    (event,) = _events(data)

    assert (str(calendar["prodid"]), "method" in calendar, str(calendar["x-wr-calname"])) == (
        "-//Metaverse Alliance//tests//KO",
        False,
        "행사",
    )
    assert [c["tzid"] for c in calendar.walk("VTIMEZONE")] == ["Asia/Seoul"]
    assert (str(event["uid"]), event["sequence"], str(event["summary"]), str(event["status"])) == (
        "thing-7@alliance.example.kr",
        3,
        "분과통합 공개세미나",
        "CONFIRMED",
    )
    assert (event.decoded("dtstart"), event.decoded("dtend")) == (
        datetime.datetime(2025, 9, 17, 14, tzinfo=SEOUL),
        datetime.datetime(2025, 9, 17, 17, 30, tzinfo=SEOUL),
    )
    assert (str(event["location"]), str(event["url"])) == (
        "코엑스, https://meet.example.kr/x",
        "https://alliance.example.kr/events/7/",
    )


def test_an_all_day_cancelled_entry_keeps_its_dates_and_says_cancelled():
    day = datetime.date(2026, 3, 2)
    entry = CalendarEntry(
        uid="a@b", sequence=0, summary="s", start=day, end=day + datetime.timedelta(days=1), cancelled=True
    )

    data = calendar_file([entry], product="tests", method=CANCEL)
    (event,) = _events(data)

    assert str(icalendar.Calendar.from_ical(data)["method"]) == "CANCEL"
    assert (event.decoded("dtstart"), event.decoded("dtend"), str(event["status"]), "location" in event) == (
        day,
        datetime.date(2026, 3, 3),
        "CANCELLED",
        False,
    )
