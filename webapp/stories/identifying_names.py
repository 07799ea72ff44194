"""Names of people, for the identifying-details check (webapp/stories/identifying.py).

A capitalised word is taken as a name when something around it says so: a title ("Dr",
"mrs", "MR"), a role or family word before it ("our advocate Delyth", "Nain Megan"), a role
after it ("Marcia the support worker", "Gordon from the advocacy service"), or a verb that
needs a person ("Will rang"). A word that is a known first name or surname needs less; a
word that is rare as an ordinary English word (wordfreq) is taken as a proper noun, and so
as a name unless it names a place (identifying_places.py decides those).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from webapp.stories import identifying_data as lists
from webapp.stories.identifying_words import proper_noun, rare

# --- names -------------------------------------------------------------------------------------

_TOKEN = re.compile(r"[A-Za-zÀ-ÖØ-öø-ÿ]+(?:['’-][A-Za-zÀ-ÖØ-öø-ÿ]+)*")


@dataclass
class _Tok:
    start: int
    end: int
    word: str
    low: str
    cap: bool
    opens: bool  # first word of a sentence
    gap: str  # the text between the previous token and this one
    poss: bool  # written with 's


def _tokens(text: str) -> list[_Tok]:
    out: list[_Tok] = []
    prev_end = 0
    for m in _TOKEN.finditer(text):
        word = m.group()
        poss = word[-2:] in ("'s", "’s") and len(word) > 3
        if poss:
            word = word[:-2]
        gap = text[prev_end : m.start()]
        before = text[: m.start()].rstrip(" \t\"'“‘([*•-")
        opens = not before or before[-1] in ".!?:;\n" or "\n" in gap
        cap = len(word) > 1 and word[0].isupper() and not word.isupper()
        out.append(
            _Tok(m.start(), m.start() + len(word), word, word.lower(), cap, opens, gap, poss)
        )
        prev_end = m.end()
    return out


def _known(t: _Tok) -> bool:
    return t.low in lists.FIRST_NAMES or t.low in lists.SURNAMES or t.low in lists.AMBIGUOUS


def _namey(t: _Tok) -> bool:
    """Could this capitalised word be part of a name?"""
    return t.cap and t.low not in lists.NOT_NAMES and t.low not in lists.FUNCTION_WORDS


def _surname_after(t: _Tok) -> bool:
    """Could this word finish a name begun before it ("Sarah Green", "Tom Nowak")?"""
    if t.gap not in (" ", "-") or not t.cap:
        return False
    if t.low in lists.ALL_SURNAMES and t.low not in lists.PLACE_AFTER:
        return True
    return _namey(t) and (_known(t) or t.low not in lists.COMMON)


def _at(toks: list[_Tok], i: int) -> _Tok | None:
    return toks[i] if 0 <= i < len(toks) else None


def _role_after(toks: list[_Tok], i: int) -> bool:
    """ "Marcia the support worker", "Pritpal, the duty social worker", "Gordon from the
    advocacy service", "Bernadette at the front desk"."""
    nxt, then = _at(toks, i + 1), _at(toks, i + 2)
    if not nxt or not then or nxt.gap not in (" ", ", "):
        return False
    if nxt.low == "the":
        roles = (toks[j].low for j in range(i + 2, min(i + 5, len(toks))))
        return any(r in lists.RELATIONS or r in lists.ROLES_AFTER for r in roles)
    if nxt.low == "from" and nxt.gap == " ":
        return then.low == "the" or then.cap or then.word.isupper()
    return nxt.low == "at" and nxt.gap == " " and then.low == "the" and toks[i].cap


def _human_cue(toks: list[_Tok], i: int) -> bool:
    """Words after a sentence's first word that need a person: "Will rang", "Ivy and I"."""
    nxt, then = _at(toks, i + 1), _at(toks, i + 2)
    if not nxt or nxt.gap != " ":
        return False
    if nxt.low in lists.PERSON_VERBS or nxt.low in lists.HUMAN_VERBS:
        return True
    pair = (nxt.low, then.low if then else "")
    return pair in (("and", "i"), ("and", "me"), ("and", "his"), ("and", "her")) or (
        nxt.low in ("was", "is")
        and (pair[1] in ("my", "our", "his", "her", "their") or pair[1] in lists.KIND_WORDS)
    )


def _is_name(toks: list[_Tok], i: int) -> bool:
    t = toks[i]
    prev = toks[i - 1] if i else None
    nxt = toks[i + 1] if i + 1 < len(toks) else None
    if prev and prev.word in lists.TITLES and re.fullmatch(r"\.?\s+", t.gap) and _namey(t):
        return True
    if prev and prev.low in lists.RELATIONS and re.fullmatch(r",?\s+", t.gap):
        # "the Parent Carer Forum": a title-case name of a group, not a person.
        titled = prev.cap and not prev.opens and not _known(t) and not proper_noun(t.word)
        if _namey(t) and not titled:
            return True
        if prev.word.isupper() and t.word.isupper() and _known(t) and t.low not in lists.COMMON:
            return True  # "MY DAUGHTER KELLY", written in capitals
        if t.low in lists.FIRST_NAMES and t.low not in lists.COMMON:
            return True  # "my son jack" written in lower case
    if not _namey(t):
        return False
    plausible = _known(t) or t.low not in lists.COMMON
    after_verb = prev and (
        prev.low in lists.SPOKE_TO
        or (
            prev.low in ("to", "with") and i > 1 and toks[i - 2].low[:4] in ("spok", "talk", "spea")
        )
    )
    if after_verb and plausible:
        return True
    if nxt and nxt.low in lists.STRONG and nxt.gap == " " and plausible:
        return True
    if plausible and _role_after(toks, i):
        return True
    if not _known(t) and proper_noun(t.word):
        # A proper noun: a name, unless the places check finds it is a place.
        if not t.opens or t.poss or _human_cue(toks, i):
            return True
        return nxt is not None and (nxt.gap == ", " or _verb_after(nxt))
    if not _known(t):
        return False
    if not t.opens:
        return t.low not in lists.AMBIGUOUS or t.low in lists.FIRST_NAMES
    # First word of a sentence: needs something more.
    if t.poss and t.low in lists.FIRST_NAMES:
        return True
    if t.low in lists.AMBIGUOUS or (t.low not in lists.FIRST_NAMES and t.low in lists.COMMON):
        return bool(nxt and (_human_cue(toks, i) or _surname_after(nxt)))
    if not nxt:
        return False
    if _surname_after(nxt):
        return True
    if t.low not in lists.FIRST_NAMES:
        return False
    if t.poss or nxt.gap == ", ":
        return True
    return _verb_after(nxt)


def _verb_after(nxt: _Tok) -> bool:
    """ "Wiktoria translated…": a verb straight after a sentence's first word."""
    return nxt.gap == " " and (
        nxt.low in lists.VERBS or (nxt.low.endswith("ed") and len(nxt.low) > 3)
    )


def names(text: str):
    toks = _tokens(text)
    i = 0
    while i < len(toks):
        if not _is_name(toks, i):
            i += 1
            continue
        first = last = i
        prev = toks[i - 1] if i else None
        titled = prev and prev.word in lists.TITLES and re.fullmatch(r"\.?\s+", toks[i].gap)
        first_name = (
            prev
            and toks[i].gap == " "
            and _namey(prev)
            and not prev.opens
            and (prev.low in lists.FIRST_NAMES or prev.low not in lists.COMMON)
        )
        if titled or first_name:
            first = i - 1
        while last + 1 < len(toks) and last - i < 2 and _surname_after(toks[last + 1]):
            last += 1
        after = toks[last + 1] if last + 1 < len(toks) else None
        before = toks[first - 1] if first else None
        in_place = (after and after.cap and after.low in lists.PLACE_AFTER) or (
            before and before.low in lists.SAINT and toks[first].gap in (" ", ". ")
        )
        illness = after and after.low in lists.ILLNESS_WORDS  # "Crohn's disease"
        if not in_place and not illness:
            yield toks[first].start, toks[last].end
        i = last + 1


_TITLED = re.compile(
    r"\b(?:(mr|mrs|ms|miss|mx|dr)\.?\s+([a-z][a-z’'-]+)|(MR|MRS|MS|MISS|MX|DR)\.?\s+([A-Z][A-Z’'-]+))\b"
)


def titled_names(text: str):
    """(start, end) of "mr. patel", "dr khan", "MRS HIGGINS": titles the name check, which
    wants "Mr Patel", does not see."""
    for m in _TITLED.finditer(text):
        word = (m.group(2) or m.group(4)).lower()
        if word in lists.FUNCTION_WORDS or word in lists.NOT_NAMES:
            continue
        if word in lists.SURNAMES or word in lists.FIRST_NAMES or rare(word, 4.0):
            yield m.start(), m.end()
