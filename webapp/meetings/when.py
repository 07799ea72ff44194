"""Meeting times in words, UK time: "Tuesday 3 March, 2pm to 3:30pm".

Times are kept as the UK wall-clock time; `LONDON` gives them their zone for calendars.
"""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from flask_babel import format_date
from flask_babel import gettext as _

LONDON = ZoneInfo("Europe/London")


def uk_now() -> dt.datetime:
    """Now, as the UK wall clock says it (naive, like the stored times)."""
    return dt.datetime.now(LONDON).replace(tzinfo=None)


def time_in_words(moment: dt.datetime | dt.time) -> str:
    """2pm, 3:30pm, 12 noon, midnight: the way people say times in the UK."""
    if moment.hour == 12 and moment.minute == 0:
        return _("12 noon")
    if moment.hour == 0 and moment.minute == 0:
        return _("midnight")
    hour = moment.hour % 12 or 12
    minutes = f":{moment.minute:02d}" if moment.minute else ""
    return (_("%(time)sam") if moment.hour < 12 else _("%(time)spm")) % {"time": f"{hour}{minutes}"}


def day_in_words(day: dt.date, today: dt.date | None = None) -> str:
    """Tuesday 3 March (with the year when it is not this year)."""
    today = today or uk_now().date()
    pattern = "EEEE d MMMM" if day.year == today.year else "EEEE d MMMM y"
    return format_date(day, pattern)


def when_in_words(starts: dt.datetime, ends: dt.datetime, today: dt.date | None = None) -> str:
    """Tuesday 3 March, 2pm to 3:30pm."""
    return _(
        "%(day)s, %(start)s to %(end)s",
        day=day_in_words(starts.date(), today),
        start=time_in_words(starts),
        end=time_in_words(ends),
    )
