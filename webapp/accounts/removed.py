"""What a removed member sees when they try to sign in: the reason, and how to ask
for a review. They are not signed in."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l

from ..models import Member
from ..rendering import render_page
from ..standing import MEMBER_REASONS, standing
from ..wording import say


def removed_page(member: Member):
    removal = standing(member).removal
    return render_page(
        "accounts/_removed.html",
        say(_l("Your account was removed"), _l("You cannot sign in")),
        removal=removal,
        reason=MEMBER_REASONS.get(removal.reason) if removal else None,
    )
