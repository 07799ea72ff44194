"""The audit log: what facilitators and admins did. Admins read it.

It names items by reference and members by the name they use, and never records
who wrote an anonymous story or reply.
"""

from __future__ import annotations

import datetime as dt
import re

from flask import request
from flask_babel import format_date
from flask_babel import lazy_gettext as _l

from ..rendering import render_page
from ..standing import MEMBER_REASON_NAMES
from ..wording import say
from . import bp
from .access import admin_only
from .forms import REASON_NAMES
from .models import AuditEntry
from .sanctions import AUDIT_ACTION as MEMBER_ACTIONS

UNTIL = re.compile(r" until (\d{4}-\d{2}-\d{2})$")


def is_about_a_member(entry: AuditEntry) -> bool:
    """Warnings, suspensions and removals of members: their reasons are member reasons."""
    return UNTIL.sub("", entry.action) in MEMBER_ACTIONS.values()


def action_text(entry: AuditEntry) -> str:
    """The action as recorded, with a suspension's end date written like every other
    date on the site ("30 November 2026"), not as stored."""
    found = UNTIL.search(entry.action)
    if not found:
        return entry.action
    day = format_date(dt.date.fromisoformat(found.group(1)), "d MMMM y")
    return entry.action[: found.start()] + f" until {day}"


def reason_name(entry: AuditEntry) -> str:
    table = MEMBER_REASON_NAMES if is_about_a_member(entry) else REASON_NAMES
    return str(table.get(entry.reason, entry.reason))


@bp.route("/audit")
@admin_only
def audit():
    before = request.args.get("before", type=int)
    entries, next_before = AuditEntry.page(before)
    return render_page(
        "facilitation/_audit.html",
        say(_l("Audit log"), _l("What the helpers did")),
        entries=entries,
        next_before=next_before,
        action_text=action_text,
        reason_name=reason_name,
    )
