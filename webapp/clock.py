"""The one clock for days: the day in the UK, which tests set with the TODAY setting.

Features that count days (a decision's closing day, a survey wave falling due, a goal's
review date) ask here rather than `date.today()`, so a test can hold the day still: a run
that crosses midnight then sees the same day in the test and in the app.
"""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from flask import current_app, has_app_context

UK = ZoneInfo("Europe/London")


def today() -> dt.date:
    if has_app_context() and current_app.config.get("TODAY"):
        return current_app.config["TODAY"]
    return dt.datetime.now(UK).date()
