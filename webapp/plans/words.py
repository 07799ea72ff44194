"""The plan's fixed words: statuses (each with an icon, never colour alone) and PANEL."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l

from ..panel import PANEL  # noqa: F401 (the plan's templates read plan_words.PANEL)
from ..wording import say
from .models import DONE, NEEDS_HELP, NOT_STARTED, ON_TRACK, STOPPED

STATUS_NAMES = {
    NOT_STARTED: say(_l("Not started"), _l("Not started yet")),
    ON_TRACK: say(_l("On track"), _l("Going well")),
    NEEDS_HELP: say(_l("Needs help"), _l("Needs help")),
    DONE: say(_l("Done"), _l("Finished")),
    STOPPED: say(_l("Stopped"), _l("Stopped")),
}
# Each status has its own shape, drawn in webapp/static/pictures/status-<key>.svg: an
# empty circle, a tick in a circle, a raised hand, a filled tick, a stop bar.
STATUS_ICONS = {key: f"pictures/status-{key}.svg" for key in STATUS_NAMES}


OFFER_NAMES = {
    "offered": say(
        _l("Offered: waiting for the lead"), _l("You said you can help. The leader will answer.")
    ),
    "confirmed": say(_l("Confirmed: you are doing this"), _l("Yes. You are doing this job.")),
    "declined": say(_l("Not this time"), _l("Not this time")),
    "withdrawn": say(_l("You took back your offer"), _l("You said no after all")),
}
