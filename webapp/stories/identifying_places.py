"""Named places and lower-case names, for the identifying-details check.

A named hospital, school or care home narrows a story down to a few people ("St Mary's
Hospital"); a generic one does not ("the day centre"). People name places in many ways:
- with a type word after the name, in either case ("Fernlea surgery", "Hazelwood Manor");
- by one word, as well-known sites are ("taken to Ninewells"): a capitalised word after
  "at", "in", "to" or "from" that is rare as an ordinary word (wordfreq) is taken as a place,
  unless it is a known first name ("I spoke to Kasia"). Big towns are common words, so
  "moved to Glasgow" is left alone while "grew up in Mevagissey" is found;
- as "the X of Y" ("the Countess of Chester");
- a ward or unit with its site ("Cedar ward at Prospect Park", "Ward 12, Derriford").
Welsh place words come first in the name ("Ysbyty Gwynedd", "Heol y Parc"). Names written in
lower case are found after a role or family word ("nurse jenkins", "my son liam").
Each function yields (start, end, what): what says which type of place, for the wording.
"""

from __future__ import annotations

import re

from webapp.stories import identifying_data as lists
from webapp.stories.identifying_words import medicine, rare

# Type words after a name, and what each is called when explaining the finding.
_TYPE_WHAT = {
    "hospital": "hospital", "infirmary": "hospital", "wing": "hospital", "hospice": "hospice",
    "surgery": "surgery", "clinic": "surgery", "practice": "surgery", "medical centre": "surgery",
    "health centre": "surgery", "school": "school", "academy": "school", "college": "school",
    "university": "school", "primary": "school", "secondary": "school", "nursery": "school",
    "juniors": "school", "infants": "school", "care home": "care home",
    "nursing home": "care home", "residential home": "care home", "home": "care home",
    "manor": "care home", "lodge": "care home", "house": "care home", "court": "care home",
    "unit": "ward", "ward": "ward",
}  # fmt: skip
_TYPES_TITLE = (
    r"Hospital|Infirmary|Hospice|Surgery|Clinic|Practice|School|Academy|College|University|"
    r"Care Home|Nursing Home|Home|House|Lodge|Court|Unit|Centre|Center|Prison|Hostel|Library|"
    r"Manor|Nursery|Hub|Wing|Primary|Secondary|Juniors|Infants"
)
# In lower case only the unmistakable ones: "Rosemount care home", but not "Mark house".
_TYPES_LOWER = (
    r"hospital|infirmary|hospice|surgery|clinic|practice|school|academy|care home|nursing home|"
    r"residential home|health centre|medical centre|resource centre|children's centre|"
    r"family centre|day centre|day services|primary|secondary|nursery|unit|ward"
)
_NAME_WORD = r"(?:St\.?|[A-Z][\w’'-]*)"
_PLACE = re.compile(rf"\b((?:{_NAME_WORD}\s+){{1,4}})(?:({_TYPES_TITLE})|({_TYPES_LOWER}))\b")
# "st luke's hospital", all in lower case.
_SAINT_LOWER = re.compile(rf"\b(?:st\.?|saint)\s+[a-z]+(?:['’]s)?\s+({_TYPES_LOWER})\b")
# "the Countess of Chester", "the Royal Hospital for Sick Children".
_OF = re.compile(
    r"\bthe\s+((?:[A-Z][\w’'-]*\s+){1,3})(?:of|for)\s+"
    r"(?:St\.?\s+|Saint\s+)?[A-Z][\w’'-]*(?:\s+(?:and\s+|&\s+)?(?:St\.?\s+)?[A-Z][\w’'-]*){0,3}"
)
# Bodies named this way that are the same for everyone: not identifying.
_OF_GENERIC = lists.words("""
department court secretary bank ministry office house board chancellor minister state
church duke archbishop bishop mayor houses chamber society institute college association
federation union league university head director chair chief deputy leader member members
assistant manager officer commissioner commission authority agency alliance network
foundation partnership forum panel committee tribunal trust service services
""")
_OF_TYPES = lists.words("hospital infirmary hospice school academy surgery clinic home")
_PREPOSITION = re.compile(
    r"\b(at|in|to|into|from|near|outside|of|on|round|around)\s+(the\s+)?"
    r"([A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){0,2})"
)
_HONOURS = lists.words("royal st saint queen queen's king king's prince princess")
# Last words that make a capitalised phrase a place even when each word is common.
_PLACE_ENDS = lists.words("""
park hill farm moor hey green wood vale bank heath cross bridge fields field gate side
view lodge grange towers heights manor end
""")
# The site after a ward or unit: "Bluebell Unit, Chase Farm", "Ward 12 at Derriford".
_WARD = re.compile(r"\b(?:[Ww]ard|[Uu]nit)\b(?:\s+(?:\d{1,3}[A-Za-z]?|[A-Z])\b)?")
_AFTER_WARD = re.compile(
    rf"(?:,\s+|\s+(?:at|in)\s+(?:the\s+)?)((?:{_NAME_WORD})(?:\s+[A-Z][\w’'-]*)?)"
)
_WELSH = re.compile(
    r"\b(?:Ysbyty|Ysgol|Heol|Ffordd|Stryd|Lôn|Cartref|Canolfan|Meddygfa)\s+"
    r"(?:(?:y|yr|’r|'r)\s+)?[A-ZÂÊÎÔÛŴŶ][\w’'-]+(?:\s+[A-ZÂÊÎÔÛŴŶ][\w’'-]+)?"
)
_ROLE = re.compile(
    r"\b(?:nurse|dr|doctor|sister|matron|carer|worker|teacher|manager|officer|therapist|"
    r"son|daughter|husband|wife|partner|brother|mum|dad|nan|gran|grandad|friend|neighbour|"
    r"called|named)\s+([a-z][a-z’'-]{2,})\b"
)


def _what(type_word: str) -> str:
    return _TYPE_WHAT.get(type_word.lower(), "place")


def _proper(word: str) -> bool:
    """A capitalised word that names something in particular, not a service or a month."""
    low = word.lower().rstrip(".")
    return low not in lists.NOT_PLACES and low not in lists.FUNCTION_WORDS


def _named_sites(text: str):
    for m in _PLACE.finditer(text):
        words = m.group(1).split()
        while words and words[0].lower() in lists.PLACE_LEADING:
            words.pop(0)
        if not words or all(w.lower().rstrip(".") in lists.PLACE_GENERIC for w in words):
            continue
        if text.startswith(" Rule", m.end()):
            continue  # "the Chatham House Rule", said of meetings, names no place
        start = m.start(1) + m.group(1).index(words[0])
        opens = not text[:start].strip() or text[:start].rstrip()[-1] in ".!?:;\n"
        if m.group(3) and len(words) == 1 and opens and not rare(words[0]):
            continue  # "Sometimes hospital staff…"
        if m.group(3) and len(words) == 1 and re.search(r"['’]s$", words[0]):
            continue  # "Bartek's school" is a person's school: the name check finds him
        yield start, m.end(), _what(m.group(2) or m.group(3))
    for m in _WARD.finditer(text):
        site = _AFTER_WARD.match(text, m.end())
        first = site and site.group(1).split()[0]
        saint = first and first.rstrip(".") in ("St", "Saint")
        if saint or (first and _proper(first) and first.lower() not in lists.FIRST_NAMES):
            yield site.start(1), site.end(1), "hospital"
    for m in _SAINT_LOWER.finditer(text):
        yield m.start(), m.end(), _what(m.group(1))


def _one_word_sites(text: str):
    """A rare capitalised word (or two or three) after at, in, to or from."""
    for m in _PREPOSITION.finditer(text):
        words = m.group(3).split()
        if any(w.isupper() for w in words):
            continue  # acronyms ("on UC") and shouting
        lows = [re.sub(r"['’]s?$", "", w.lower()) for w in words]
        if len(words) == 1 and (lows[0] in lists.FIRST_NAMES or medicine(lows[0])):
            continue  # "to Kasia" is a person, "on Sertraline" a medicine
        ends = len(words) > 1 and lows[-1] in _PLACE_ENDS
        # "the Royal Marsden", "St Oswald's": the first word alone names nothing.
        honour = len(words) > 1 and lows[0].rstrip(".") in _HONOURS
        if not all(_proper(w) for w in words[honour : len(words) - ends]):
            continue
        # "taken to the Walton": "the" makes a capitalised word a place, unless it is common.
        went = m.group(1).lower() in ("at", "to", "into", "from")
        below = 4.5 if went and m.group(2) else 3.5
        if ends or any(rare(w, below, plurals=not went) for w in lows[honour:]):
            yield m.start(2) if m.group(2) else m.start(3), m.end(3), "place"


def _of_places(text: str):
    for m in _OF.finditer(text):
        lows = [w.lower() for w in m.group(1).split()]
        types = [w for w in lows if w in _OF_TYPES]
        bodies = any(w in _OF_GENERIC for w in lows)  # "the Equality Commission for …"
        if types or (not bodies and lows[0] not in lists.PLACE_GENERIC):
            yield m.start(), m.end(), _what(types[0]) if types else "place"


def places(text: str):
    """(start, end, what) of each named place."""
    yield from _named_sites(text)
    yield from _one_word_sites(text)
    yield from _of_places(text)
    for m in _WELSH.finditer(text):
        yield m.start(), m.end(), "place"


def lower_case_names(text: str):
    """(start, end) of a lower-case name straight after a role or family word."""
    for m in _ROLE.finditer(text):
        word = m.group(1)
        known = word in lists.FIRST_NAMES or word in lists.SURNAMES
        if known and word not in lists.COMMON and word not in lists.FUNCTION_WORDS:
            yield m.start(1), m.end(1)
