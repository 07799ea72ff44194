"""The scope reminder: wherever a facilitator starts something new (an activity here; a
decision or an agenda item in those features), the in-scope and out-of-scope lists are
shown beside the form. A reminder, not a gate.

Features below the plan reach these through core `contributions` (the plan registers
them in parts.py): the template global `scope_reminder(community)` gives the two lists, or
a note that there are none yet, and `contributions.scope_areas(community)` the in-scope
areas as choices: (stored value, words).
"""

from __future__ import annotations

from markupsafe import Markup

from ..content import is_easyread
from ..contributions import render_part
from ..models import Community
from . import terms
from .models import TermsVersion


def reminder(community: Community, heading_level: int = 2) -> Markup:
    latest = TermsVersion.latest(community)
    return render_part("plans/_scope.html", community=community, terms=latest,
                       heading_level=heading_level)  # fmt: skip


def scope_areas(community: Community) -> list[tuple[str, str]]:
    latest = TermsVersion.latest(community)
    return terms.scope_areas(latest.parts, is_easyread()) if latest else []
