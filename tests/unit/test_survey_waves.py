"""Survey waves fall due 3, 6 and 12 months after joining, worked out from the day of
joining alone, across month ends and leap years, with the clock passed in."""

from __future__ import annotations

import datetime as dt

import pytest

from webapp.surveys.waves import OPEN_DAYS, add_months, month_of, open_wave, waves_for

D = dt.date


@pytest.mark.parametrize(
    ("joined", "months", "due"),
    [
        (D(2026, 8, 31), 3, D(2026, 11, 30)),  # November has 30 days
        (D(2026, 11, 30), 3, D(2027, 2, 28)),  # February, not a leap year
        (D(2027, 11, 30), 3, D(2028, 2, 29)),  # February in a leap year
        (D(2028, 2, 29), 12, D(2029, 2, 28)),  # a year after 29 February
        (D(2028, 2, 29), 6, D(2028, 8, 29)),
        (D(2026, 10, 15), 3, D(2027, 1, 15)),  # across the new year
        (D(2026, 12, 31), 6, D(2027, 6, 30)),
        (D(2026, 1, 31), 12, D(2027, 1, 31)),
        (D(2026, 5, 10), -3, D(2026, 2, 10)),  # backwards, for the demo
    ],
)
def test_a_month_on_is_the_same_day_or_the_last_day_of_a_shorter_month(joined, months, due):
    assert add_months(joined, months) == due


def test_every_member_has_three_waves():
    waves = waves_for(D(2026, 8, 31))
    assert [(w.months, w.due_on) for w in waves] == [
        (3, D(2026, 11, 30)), (6, D(2027, 2, 28)), (12, D(2027, 8, 31)),
    ]  # fmt: skip


def test_a_wave_is_open_for_30_days_from_the_day_it_falls_due():
    joined = D(2026, 8, 31)
    assert open_wave(joined, D(2026, 11, 29)) is None  # the day before
    assert open_wave(joined, D(2026, 11, 30)).months == 3
    last = D(2026, 11, 30) + dt.timedelta(days=OPEN_DAYS - 1)
    assert open_wave(joined, last).months == 3
    assert open_wave(joined, last + dt.timedelta(days=1)) is None
    assert open_wave(joined, D(2027, 3, 1)).months == 6
    assert open_wave(joined, D(2027, 9, 1)).months == 12


def test_an_answered_wave_is_not_offered_again():
    joined = D(2026, 8, 31)
    assert open_wave(joined, D(2026, 12, 1), answered={3}) is None
    assert open_wave(joined, D(2027, 3, 1), answered={3}).months == 6


def test_an_answer_keeps_only_its_month():
    assert month_of(D(2027, 2, 28)) == "2027-02"
