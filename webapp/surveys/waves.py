"""When each member is asked: 3, 6 and 12 months after the day they joined.

Worked out from `Member.joined_on` alone, so no new date is kept about anyone. A month
after 31 August is 30 November (the last day of a shorter month), and a year after
29 February is 28 February. A wave stays open for 30 days from the day it falls due.
Every function takes `today`, so tests can set the clock.
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass

WAVES = (3, 6, 12)  # months after joining
OPEN_DAYS = 30


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day `months` later, or the last day of that month when it is shorter."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


@dataclass(frozen=True)
class Wave:
    months: int
    due_on: dt.date

    @property
    def closes_on(self) -> dt.date:
        """The last day it can be answered."""
        return self.due_on + dt.timedelta(days=OPEN_DAYS - 1)

    def is_open(self, today: dt.date) -> bool:
        return self.due_on <= today <= self.closes_on


def waves_for(joined_on: dt.date) -> list[Wave]:
    return [Wave(months, add_months(joined_on, months)) for months in WAVES]


def open_wave(joined_on: dt.date, today: dt.date, answered: set[int] = frozenset()) -> Wave | None:
    """The wave this member may answer today, if any (waves are months apart, so at most one)."""
    return next(
        (w for w in waves_for(joined_on) if w.is_open(today) and w.months not in answered), None
    )


def month_of(day: dt.date) -> str:
    """The only time an answer keeps: its month, "2026-11"."""
    return f"{day.year:04d}-{day.month:02d}"
