"""Find details in a story that could identify someone, so the author can decide before sending.

This never blocks anything. It favours finding too much over missing something: a false
alarm costs the author a glance, a miss could cost someone their anonymity. The wording shown
to people lives in the view; this module only says what was found and where.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from webapp.stories import identifying_data as lists
from webapp.stories.identifying_places import lower_case_names, places

KINDS: dict[str, str] = {
    "name": "a name",
    "phone": "a phone number",
    "email": "an email address",
    "postcode": "a postcode",
    "address": "an address or named place",
    "date": "an exact date",
    "number": "an ID number",
}

# When two findings are the same length, the more specific kind wins.
_PRIORITY = {"email": 0, "phone": 1, "number": 2, "postcode": 3, "date": 4, "address": 5}


@dataclass(frozen=True)
class Detail:
    kind: str
    text: str
    start: int
    end: int


# --- email, phone, ID numbers, postcodes ---------------------------------------------------

_EMAIL = re.compile(r"(?<![\w.+-])[\w.+'-]+@[\w-]+(?:\.[\w-]+)+", re.I)
_LOCAL = r"[\w+-]+(?:(?:\.|\s+dot\s+)[\w+-]+)*"
_OPEN, _CLOSE = r"[\(\[\{<]\s*", r"\s*[\)\]\}>]"
_EMAIL_SPELT = re.compile(
    rf"\b{_LOCAL}\s*{_OPEN}at{_CLOSE}\s*[\w-]+(?:(?:\s*{_OPEN}dot{_CLOSE}\s*|\.|\s+dot\s+)[a-z]{{2,}})+"
    rf"|\b{_LOCAL}\s+at\s+[\w-]+(?:\s+dot\s+[a-z]{{2,}})+",
    re.I,
)
_PHONE = re.compile(
    r"(?<![\w+/.])(?:(?:\+|00)\d{1,3}[ .-]?(?:\(0\)[ .-]?)?|\(0\d{1,5}\)[ .-]?|0)"
    r"\d{1,5}(?:[ .-]?\d{2,6}){0,4}(?![\w/])"
)
_NUMBER = re.compile(
    r"(?<![\w+/.-])(?:\d{3}[ -]\d{3}[ -]\d{4}|\d{8,})(?![\w/-])"  # NHS number, long IDs
    r"|\b[A-Z]{2} ?\d{2} ?\d{2} ?\d{2} ?[A-D]\b",  # National Insurance number
    re.I,
)
_POSTCODE = re.compile(r"\b(?:[A-Z]{1,2}\d[A-Z\d]?|GIR) ?\d[ABD-HJLNP-UW-Z]{2}\b", re.I)
_OUTWARD = r"((?:[BEGLMNSW]|[A-Z]{2})\d{1,2}[A-Z]?)"
_POSTCODE_AREA = re.compile(
    rf"\b(?:in|near|around|postcode|from|of)\s+{_OUTWARD}\b(?![ -]?\d)|\b{_OUTWARD}\s+(?:area|postcode|district)\b"
)


def _phone_ok(candidate: str) -> int:
    """How many characters of the candidate make a believable phone number (0 if none)."""
    parts = re.split(r"(?<=\d)(?=[ .-])", candidate)
    while parts:
        text = "".join(parts)
        digits = re.sub(r"\D", "", text.replace("(0)", ""))
        if text.startswith("+44") or text.startswith("0044"):
            ok = len(digits) - (2 if text[0] == "+" else 4) in (9, 10)
        elif text[0] in "+" or text.startswith("00"):
            ok = 8 <= len(digits) <= 15
        else:
            ok = len(digits) in (10, 11)
        if ok:
            return len(text)
        parts.pop()
    return 0


# --- addresses -------------------------------------------------------------------------------

_TYPES = (
    "Road|Rd|Street|St|Avenue|Ave|Lane|Ln|Close|Drive|Dr|Way|Court|Ct|Crescent|Cres|Place|Pl|"
    "Gardens|Gdns|Terrace|Grove|Hill|Row|Walk|Square|Sq|Park|View|Mews|Rise|Parade|Green|Vale"
)
_STREET = re.compile(
    rf"\b(\d{{1,4}}[A-Za-z]?),?\s+((?:[A-Za-z][\w'’-]*\.?\s+){{1,3}}?)({_TYPES})\b", re.I
)
_NAMED_STREET = re.compile(
    r"\b((?:[A-Z][a-z'’]+ ){1,2})(Road|Street|Avenue|Lane|Close|Drive|Crescent|Terrace|Gardens|Grove|Mews)\b"
)
_UNITS = r"days?|hours?|mins?|minutes?|weeks?|months?|years?|times?|nights?|people|of|or|to|and|more|weeks"
_ROOM = re.compile(
    rf"\b(?:flat|apartment|apt|room|ward|bed|bay|block|unit|cubicle|cell)\.?\s*(?:no\.?\s*)?"
    rf"\d{{1,4}}[A-Za-z]?\b(?!\s+(?:{_UNITS})\b)|(?-i:\bWard [A-Z]\b|\b(?:[A-Z][a-z'’]+ ){{1,2}}Ward\b)",
    re.I,
)


def _streets(text: str):
    for m in _STREET.finditer(text):
        words = [w.strip(".").lower() for w in m.group(2).split()]
        kind = m.group(3)
        if any(w in lists.STREET_STOP or w.isdigit() for w in words):
            continue
        if not kind.islower() or kind in lists.LOWER_TYPES:
            yield m.start(), m.end()
    for m in _NAMED_STREET.finditer(text):
        words = m.group(1).split()
        while words and words[0].lower() in lists.LEADING:
            words.pop(0)
        if words and words != ["High"] and words != ["Main"]:
            yield m.end() - len(" ".join([*words, m.group(2)])), m.end()


# --- dates -------------------------------------------------------------------------------------

_MONTH = (
    r"(?:[Jj]anuary|[Ff]ebruary|March|[Aa]pril|May|[Jj]une|[Jj]uly|[Aa]ugust|[Ss]eptember|"
    r"[Oo]ctober|[Nn]ovember|[Dd]ecember|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)"
)
_WEEKDAY = r"(?:[Mm]onday|[Tt]uesday|[Ww]ednesday|[Tt]hursday|[Ff]riday|[Ss]aturday|[Ss]unday)"
_ORD = r"(?:st|nd|rd|th)"
_YEAR = r"(?:,?\s+(?:\d{4}|'\d{2})(?!\d))?"
_DATES = [
    re.compile(
        rf"(?:\b{_WEEKDAY},?\s+(?:the\s+)?)?\b\d{{1,2}}{_ORD}?(?:\s+of)?\s+{_MONTH}\b{_YEAR}"
    ),
    re.compile(
        rf"(?:\b{_WEEKDAY},?\s+)?\b{_MONTH}\.?\s+(?:the\s+)?"
        rf"(?:\d{{1,2}}{_ORD}\b|\d{{1,2}}(?![\w'])(?!\s+[a-z]))(?:,?\s+\d{{4}}(?!\d))?"
    ),
    re.compile(rf"\b{_WEEKDAY},?\s+(?:the\s+)?\d{{1,2}}{_ORD}\b"),
    re.compile(r"\b(?:Christmas|Boxing|New Year'?s) (?:Eve|Day)\b(?:,? \d{4})?"),
    re.compile(
        rf"\b(?i:on|by|until|till|from|since|before|after)\s+(the\s+\d{{1,2}}{_ORD})\b"
        r"(?!\s+(?:floor|time|times|day|week|month|year|attempt|go|try|person|one|visit|of\s+(?:them|those|these|us|my)))"
    ),
]
_NUMERIC_DATE = re.compile(
    r"(?<![\w/.-])(?:(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})|(\d{4})[/-](\d{1,2})[/-](\d{1,2}))(?![\w/-]|\.\d)"
)


def _dates(text: str):
    for pattern in _DATES:
        for m in pattern.finditer(text):
            yield (m.start(1), m.end(1)) if pattern.groups else (m.start(), m.end())
    for m in _NUMERIC_DATE.finditer(text):
        a, b = (m.group(1), m.group(2)) if m.group(1) else (m.group(6), m.group(5))
        a, b = int(a), int(b)
        if (1 <= a <= 31 and 1 <= b <= 12) or (1 <= b <= 31 and 1 <= a <= 12 and m.group(1)):
            yield m.start(), m.end()


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
    return t.low in lists.FIRST_NAMES or t.low in lists.SURNAMES


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


def _is_name(toks: list[_Tok], i: int) -> bool:
    t = toks[i]
    prev = toks[i - 1] if i else None
    nxt = toks[i + 1] if i + 1 < len(toks) else None
    if prev and prev.word in lists.TITLES and re.fullmatch(r"\.?\s+", t.gap) and _namey(t):
        return True
    if prev and prev.low in lists.RELATIONS and re.fullmatch(r",?\s+", t.gap):
        if _namey(t):
            return True
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
    if not _known(t):
        return False
    if not t.opens:
        return t.low not in lists.AMBIGUOUS or t.low in lists.FIRST_NAMES
    # First word of a sentence: needs something more.
    if t.poss and t.low in lists.FIRST_NAMES:
        return True
    if t.low in lists.AMBIGUOUS or (t.low not in lists.FIRST_NAMES and t.low in lists.COMMON):
        return bool(
            nxt and (nxt.gap == " " and nxt.low in lists.PERSON_VERBS or _surname_after(nxt))
        )
    if not nxt:
        return False
    if _surname_after(nxt):
        return True
    if t.low not in lists.FIRST_NAMES:
        return False
    if t.poss or nxt.gap == ", ":
        return True
    return nxt.gap == " " and (
        nxt.low in lists.VERBS or (nxt.low.endswith("ed") and len(nxt.low) > 3)
    )


def _names(text: str):
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
        if not in_place:
            yield toks[first].start, toks[last].end
        i = last + 1


# --- putting it together ---------------------------------------------------------------------


def find_details(text: str) -> list[Detail]:
    """Every likely identifying detail in text, in order, none overlapping."""
    found: list[tuple[int, int, str]] = []
    for pattern, kind in ((_EMAIL, "email"), (_EMAIL_SPELT, "email"), (_NUMBER, "number")):
        found += [(m.start(), m.end(), kind) for m in pattern.finditer(text)]
    for m in _PHONE.finditer(text):
        if length := _phone_ok(m.group()):
            found.append((m.start(), m.start() + length, "phone"))
    found += [(m.start(), m.end(), "postcode") for m in _POSTCODE.finditer(text)]
    for m in _POSTCODE_AREA.finditer(text):
        group = 1 if m.group(1) else 2
        found.append((m.start(group), m.end(group), "postcode"))
    found += [(m.start(), m.end(), "address") for m in _ROOM.finditer(text)]
    found += [(s, e, "address") for s, e in _streets(text)]
    found += [(s, e, "date") for s, e in _dates(text)]
    found += [(s, e, "name") for s, e in _names(text)]
    found += [(s, e, "name") for s, e in lower_case_names(text)]
    found += [(s, e, "address") for s, e in places(text)]

    kept: list[tuple[int, int, str]] = []
    for start, end, kind in sorted(found, key=lambda f: (f[0] - f[1], _PRIORITY.get(f[2], 9))):
        if all(end <= s or start >= e for s, e, _ in kept):
            kept.append((start, end, kind))
    return [Detail(kind, text[s:e], s, e) for s, e, kind in sorted(kept)]


def in_context(text: str, detail: Detail, width: int = 40) -> tuple[str, str, str]:
    """The words around a detail: (before, match, after), cut at word boundaries with "…"."""
    start = max(0, detail.start - width)
    before = text[start : detail.start]
    if start > 0:
        if not text[start - 1].isspace():  # drop the cut-off word
            before = re.sub(r"^\S*", "", before, count=1)
        before = "…" + before.lstrip()
    end = min(len(text), detail.end + width)
    after = text[detail.end : end]
    if end < len(text):
        if not text[end].isspace():
            after = re.sub(r"\S*$", "", after, count=1)
        after = after.rstrip() + "…"
    return before, text[detail.start : detail.end], after
