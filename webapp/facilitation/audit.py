"""The audit log: what facilitators and admins did. Admins read it.

It names items by reference and members by the name they use, and never records
who wrote an anonymous story or reply.
"""

from __future__ import annotations

from flask import request
from flask_babel import lazy_gettext as _l

from ..wording import say
from . import bp
from .access import admin_only
from .forms import MEMBER_REASON_NAMES, REASON_NAMES
from .models import AuditEntry
from .queue import no_store, page


@bp.route("/audit")
@admin_only
def audit():
    before = request.args.get("before", type=int)
    entries, next_before = AuditEntry.page(before)
    return no_store(
        page(
            "facilitation/_audit.html",
            say(_l("Audit log"), _l("What the helpers did")),
            entries=entries,
            next_before=next_before,
            reason_names={**MEMBER_REASON_NAMES, **REASON_NAMES},
        )
    )
