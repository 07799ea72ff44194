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
    "number": say(_l("an ID number or reference"), _l("a number that belongs to 1 person")),
    "web": say(_l("a web address"), _l("a website address")),
    "handle": say(_l("a social media name"), _l("a name you use online")),
    "vehicle": say(_l("a vehicle registration"), _l("a number plate")),
    "condition": say(_l("a rare condition, with a place"), _l("an illness and a place")),
}
WHY = {
    "name": say(
        _l("Names can show who you are, or who someone else is, even common ones."),
        _l("A name can show who someone is."),
    ),
    "phone": say(
        _l("A phone number leads straight to a person."),
        _l("A phone number can show who someone is."),
    ),
    "email": say(
        _l("An email address leads straight to a person."),
        _l("An email address can show who someone is."),
    ),
    "postcode": say(
        _l("A postcode narrows things down to a few streets."),
        _l("A postcode shows where someone lives."),
    ),
    "address": say(
        _l("An address, ward or room shows exactly where something happened."),
        _l("An address shows where someone is."),
    ),
    "date": say(
        _l("An exact date, with a place, can be enough to recognise who was there."),
        _l("An exact date can show who was there."),
    ),
    "number": say(
        _l(
            "An ID number or a reference, like an NHS number or a complaint reference, belongs to one person."
        ),
        _l("This number belongs to 1 person. It can show who they are."),
    ),
    "web": say(
        _l("A web address can lead to a page or an account that names you."),
        _l("A website address can lead to you."),
    ),
    "handle": say(
        _l("A social media name leads straight to an account, and to the person behind it."),
        _l("Your name online can lead people to you."),
    ),
    "vehicle": say(
        _l("A number plate belongs to one vehicle, and so to its owner."),
        _l("A number plate belongs to 1 car. It can show whose car it is."),
    ),
    "condition": say(
        _l("A rare condition, named with a small place, can point to one family."),
        _l("Few people have this illness. With a place, people may know who it is."),
    ),
}
# A named place says more when we know what it is: "the name of a hospital".
PLACE_WHY = {
    "hospital": say(_l("This looks like the name of a hospital or ward. Naming it can show where you or someone else was treated."),
                    _l("This looks like the name of a hospital. A hospital's name can tell people where you live.")),
    "hospice": say(_l("This looks like the name of a hospice. Naming it can show who was cared for there."),
                   _l("This looks like the name of a hospice. It can show who was there.")),
    "ward": say(_l("This looks like the name of a ward or unit. With the date or the hospital, it can show who was there."),
                _l("This looks like the name of a ward. It can show who was there.")),
    "surgery": say(_l("This looks like the name of a surgery or clinic. It can show which area you live in."),
                   _l("This looks like the name of a doctor's surgery. It can tell people where you live.")),
    "school": say(_l("This looks like the name of a school or nursery. It can point to a child, and to where a family lives."),
                  _l("This looks like the name of a school. It can show who a child is.")),
    "care home": say(_l("This looks like the name of a care home. Few people live in one, so it can point to them."),
                     _l("This looks like the name of a care home. It can show who lives there.")),
    "place": say(_l("This looks like the name of a place. A small or particular place can narrow things down to a few people."),
                 _l("This looks like the name of a place. It can show where you live.")),
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
                "why": PLACE_WHY.get(detail.what) or WHY.get(detail.kind, ""),
                "kind": KIND_NAMES.get(detail.kind, ""),
            }
        )
    return found
