"""Dates and times as people type them, and back again in a form they can type.

Read in any language the site speaks ("3 March 2027", "3 Mawrth 2027", "٣ مارس ٢٠٢٧",
"3/3/27"; "2pm", "14:30", "noon"). The wording of questions and errors is in forms.py;
times in words for reading are in when.py.
"""

from __future__ import annotations

import datetime as dt
import re

from babel.dates import get_month_names

# Month names in every language the site speaks, as people type them (Babel's own lists):
# "3 March", "3 Mawrth", "3 مارس".
MONTH_WORDS = {
    name.lower(): number
    for language in ("en", "cy", "ar")
    for width in ("wide", "abbreviated")
    for number, name in get_month_names(width, locale=language).items()
}


def _month(word: str) -> int | None:
    """A month's name, or its first three letters or more (sept, tach), when only one fits."""
    if word in MONTH_WORDS:
        return MONTH_WORDS[word]
    fits = {n for name, n in MONTH_WORDS.items() if len(word) >= 3 and name.startswith(word[:3])}
    return fits.pop() if len(fits) == 1 else None


def parse_day(text: str) -> dt.date | None:
    """3 March 2027, 3 Mar 2027, 3/3/2027, 03-03-2027 or 2027-03-03: whatever people type."""
    text = " ".join((text or "").lower().replace(",", " ").split())
    if len(text) > 60:  # no date is this long
        return None
    text = re.sub(r"\b(\d{1,2})(st|nd|rd|th)\b", r"\1", text)
    if m := re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})", text):
        year, month, day = (int(x) for x in m.groups())
    elif m := re.fullmatch(r"(\d{1,2})[/.\- ](\d{1,2})[/.\- ](\d{2,4})", text):
        day, month, year = (int(x) for x in m.groups())
    elif m := re.fullmatch(r"(?:[^\W\d]+ )*(\d{1,2}) ([^\W\d]+) (\d{2,4})", text):
        if (month := _month(m.group(2))) is None:
            return None
        day, year = int(m.group(1)), int(m.group(3))
    else:
        return None
    year += 2000 if year < 100 else 0
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def parse_time(text: str) -> dt.time | None:
    """2pm, 2:30pm, 2.30 pm, 14:30, 1430, noon."""
    text = (text or "").lower().replace(" ", "").replace(".", ":")
    if text in ("noon", "12noon", "midday"):
        return dt.time(12, 0)
    m = re.fullmatch(r"(\d{1,2})(?::?(\d{2}))?(am|pm)?", text)
    if not m:
        return None
    hour, minute, half = int(m.group(1)), int(m.group(2) or 0), m.group(3)
    if half:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if half == "pm" else 0)
    elif m.group(2) is None and hour < 8:
        hour += 12  # "3" on its own is 3pm: nobody meets at 3 in the morning
    return dt.time(hour, minute) if hour < 24 and minute < 60 else None


def time_text(minute: int) -> str:
    """14:30 as people type it here: 2:30pm (the form reads it back)."""
    hour, minutes = divmod(minute, 60)
    return f"{hour % 12 or 12}{f':{minutes:02d}' if minutes else ''}{'am' if hour < 12 else 'pm'}"
