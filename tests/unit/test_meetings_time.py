"""Meeting times: in words, typed forgivingly, and in a calendar file whose time is right
on both sides of a clock change."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar

from webapp.meetings.ics import meeting_calendar
from webapp.meetings.models import Meeting
from webapp.meetings.typed import parse_day, parse_time
from webapp.meetings.when import when_in_words


@pytest.fixture
def request_context(app):
    with app.test_request_context():
        yield


@pytest.mark.parametrize(("starts", "ends", "words"), [
    (dt.datetime(2026, 3, 3, 14), dt.datetime(2026, 3, 3, 15, 30), "Tuesday 3 March, 2pm to 3:30pm"),
    (dt.datetime(2026, 7, 1, 10, 15), dt.datetime(2026, 7, 1, 12), "Wednesday 1 July, 10:15am to 12 noon"),
    (dt.datetime(2027, 1, 5, 18), dt.datetime(2027, 1, 5, 19), "Tuesday 5 January 2027, 6pm to 7pm"),
])  # fmt: skip
def test_times_are_in_words(request_context, starts, ends, words):
    assert when_in_words(starts, ends, today=dt.date(2026, 1, 1)) == words


@pytest.mark.parametrize(("typed", "day"), [
    ("3 March 2027", dt.date(2027, 3, 3)), ("3rd mar 2027", dt.date(2027, 3, 3)),
    ("Wednesday 3 March 2027", dt.date(2027, 3, 3)), ("3/3/2027", dt.date(2027, 3, 3)),
    ("03-03-27", dt.date(2027, 3, 3)), ("2027-03-03", dt.date(2027, 3, 3)),
    ("31 February 2027", None), ("soon", None), ("3 ma 2027", None),
])  # fmt: skip
def test_dates_are_read_as_people_type_them(typed, day):
    assert parse_day(typed) == day


@pytest.mark.parametrize(("typed", "time"), [
    ("2pm", dt.time(14)), ("2:30pm", dt.time(14, 30)), ("2.30 pm", dt.time(14, 30)),
    ("14:30", dt.time(14, 30)), ("1430", dt.time(14, 30)), ("noon", dt.time(12)),
    ("12am", dt.time(0)), ("3", dt.time(15)), ("10", dt.time(10)), ("13pm", None), ("25:00", None),
])  # fmt: skip
def test_times_are_read_as_people_type_them(typed, time):
    assert parse_time(typed) == time


@pytest.mark.parametrize(("day", "utc_hour"), [
    (dt.date(2026, 3, 28), 14),  # the Saturday before the clocks go forward: GMT
    (dt.date(2026, 3, 29), 13),  # the day they go forward: BST, an hour ahead of UTC
    (dt.date(2026, 10, 24), 13),  # still BST
    (dt.date(2026, 10, 25), 14),  # back to GMT
])  # fmt: skip
def test_the_calendar_file_parses_and_keeps_2pm_uk_time_across_a_clock_change(day, utc_hour):
    meeting = Meeting(id=7, title="Members' meeting", starts_at=dt.datetime.combine(day, dt.time(14)),
                      ends_at=dt.datetime.combine(day, dt.time(15, 30)))  # fmt: skip
    made = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
    body = meeting_calendar(meeting, "https://example.org/meetings/7", "Riverside", made)
    calendar = Calendar.from_ical(body)
    assert [tz["TZID"] for tz in calendar.walk("VTIMEZONE")] == ["Europe/London"]
    event = calendar.walk("VEVENT")[0]
    start = event.decoded("DTSTART")
    assert start.astimezone(ZoneInfo("Europe/London")).hour == 14
    assert start.astimezone(dt.UTC).hour == utc_hour
    assert event.decoded("DTEND") - start == dt.timedelta(minutes=90)
    assert str(event["SUMMARY"]) == "Members' meeting" and str(event["LOCATION"]) == "Riverside"


def test_a_date_is_read_in_each_language_the_site_speaks():
    from webapp.meetings.typed import parse_day

    march = dt.date(2027, 3, 3)
    for typed in ("3 March 2027", "3 Mawrth 2027", "dydd Mercher 3 Mawrth 2027",
                  "٣ مارس ٢٠٢٧", "3 مارس 2027", "Wednesday 3rd Mar 2027"):  # fmt: skip
        assert parse_day(typed) == march, typed
    assert parse_day("3 Tach 2027") == dt.date(2027, 11, 3)
    assert parse_day("3 ma 2027") is None  # too short to say which month
