"""How the identifying-details check is shown to people: what each detail is, and why
it might identify someone, in plain English and easy read. Used by the share
conversation, the edit page and the facilitators' flags."""

from __future__ import annotations

from functools import lru_cache

from flask_babel import lazy_gettext as _l

from ..wording import say
from .identifying import Detail, find_details, in_context

# What each kind of detail is, and why it might identify someone.
KIND_NAMES = {
    "name": say(_l("a name"), _l("a name")),
    "phone": say(_l("a phone number"), _l("a phone number")),
    "email": say(_l("an email address"), _l("an email address")),
    "postcode": say(_l("a postcode"), _l("a postcode")),
    "address": say(_l("an address or place"), _l("an address")),
    "date": say(_l("an exact date"), _l("a date")),
    "number": say(_l("an ID number"), _l("an ID number")),
}
WHY = {
    "name": say(_l("Names can show who you are, or who someone else is, even common ones."),
                _l("A name can show who someone is.")),
    "phone": say(_l("A phone number leads straight to a person."),
                 _l("A phone number can show who someone is.")),
    "email": say(_l("An email address leads straight to a person."),
                 _l("An email address can show who someone is.")),
    "postcode": say(_l("A postcode narrows things down to a few streets."),
                    _l("A postcode shows where someone lives.")),
    "address": say(_l("An address, ward or room shows exactly where something happened."),
                   _l("An address shows where someone is.")),
    "date": say(_l("An exact date, with a place, can be enough to recognise who was there."),
                _l("An exact date can show who was there.")),
    "number": say(_l("An ID number, like an NHS number, belongs to one person."),
                  _l("An ID number belongs to 1 person.")),
}  # fmt: skip


@lru_cache(maxsize=64)
def details_in(text: str) -> tuple[Detail, ...]:
    """Asked several times per request (which turns apply, the page, the flags), so
    remembered briefly."""
    return tuple(find_details(text))


def identifying_details(text: str) -> list[dict]:
    """Each likely identifying detail in its context, with what it is and why it matters."""
    found = []
    for detail in details_in(text or ""):
        before, match, after = in_context(text, detail)
        found.append(
            {
                "before": before,
                "match": match,
                "after": after,
                "why": WHY.get(detail.kind, ""),
                "kind": KIND_NAMES.get(detail.kind, ""),
            }
        )
    return found
