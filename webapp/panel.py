"""The five PANEL principles, by key: in plain English, and in easy read by the names
the Community Agreement's easy-read version gives them, so every page (a decision, an
activity, the plan's filters) calls each one the same."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l

from .wording import say

PANEL = {
    "participation": say(_l("Participation"), _l("Having a say")),
    "accountability": say(_l("Accountability"), _l("Keeping the agreement")),
    "non-discrimination": say(_l("Non-discrimination"), _l("Being fair to everyone")),
    "empowerment": say(_l("Empowerment"), _l("Knowing your rights")),
    "legality": say(_l("Legality"), _l("Following the law")),
}
