"""The plan as a CSV, in the reader's variant (easy-read words where there are some, and
the easy-read column names).

Spreadsheet programs run a cell that starts with =, +, -, @, a tab or a carriage return
as a formula. People's words go into these cells, so such a cell gets a leading
apostrophe: shown as text, never run.
"""

from __future__ import annotations

import csv
import io

from flask_babel import format_date
from flask_babel import lazy_gettext as _l

from ..models import Community
from ..wording import say
from .models import Activity
from .words import PANEL, STATUS_NAMES

HEADER = [
    say(_l("Activity"), _l("Activity")),
    say(_l("What it is and why"), _l("What it is")),
    say(_l("Status"), _l("How it is going")),
    say(_l("Why it stopped"), _l("Why it stopped")),
    say(_l("PANEL principles"), _l("Parts of our agreement")),
    say(_l("In-scope area"), _l("Part of")),
    say(_l("Lead"), _l("Leader")),
    say(_l("Starts"), _l("Starts")),
    say(_l("Due"), _l("Done by")),
    say(_l("Tasks done"), _l("Jobs finished")),
    say(_l("Tasks in all"), _l("All jobs")),
    say(_l("Latest update"), _l("Latest news")),
    say(_l("What we did"), _l("What we did")),
    say(_l("What's next"), _l("What we do next")),
    say(_l("What's in the way"), _l("What makes it hard")),
    say(_l("Help needed"), _l("Help we need")),
]
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value) -> str:
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def month(day) -> str:
    return format_date(day, "MMMM y") if day else ""


def rows(community: Community, easy: bool, activities=None) -> list[list[str]]:
    header = [str(words) for words in HEADER]
    found = [header]
    for activity in activities if activities is not None else Activity.in_plan(community):
        done, total = activity.progress()
        update = activity.latest_update()
        found.append([
            (activity.title_easy if easy else "") or activity.title,
            (activity.about_easy if easy else "") or activity.about,
            STATUS_NAMES[activity.status],
            activity.stopped_why,
            ", ".join(str(PANEL[key]) for key in activity.principles if key in PANEL),
            activity.scope_area,
            activity.lead.display_name if activity.lead else "",
            month(activity.starts), month(activity.due),
            str(done), str(total),
            month(update.month) if update else "",
            ((update.easy_summary if easy else "") or update.did) if update else "",
            update.next if update else "",
            update.in_the_way if update else "",
            update.help_needed if update else "",
        ])  # fmt: skip
    return found


def as_csv(table: list[list[str]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
    for row in table:
        writer.writerow([safe_cell(cell) for cell in row])
    # A byte order mark, so spreadsheet programs read the words as UTF-8.
    return "\ufeff" + out.getvalue()
