"""Find details in a story that could identify someone, so the author can decide before sending.

This never blocks anything. It favours finding too much over missing something: a false
alarm costs the author a glance, a miss could cost someone their anonymity. The wording shown
to people lives in the view; this module only says what was found and where.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from webapp.stories import identifying_data as lists
from webapp.stories.identifying_conditions import conditions
from webapp.stories.identifying_names import names, titled_names
from webapp.stories.identifying_online import handles, plates, references, web_addresses
from webapp.stories.identifying_places import lower_case_names, places

KINDS: dict[str, str] = {
    "name": "a name",
    "phone": "a phone number",
    "email": "an email address",
    "postcode": "a postcode",
    "address": "an address or named place",
    "date": "an exact date",
    "number": "an ID number or reference",
    "web": "a web address",
    "handle": "a social media name",
    "vehicle": "a vehicle registration",
    "condition": "a rare condition, with a place",
}

# When two findings are the same length, the more specific kind wins.
_PRIORITY = {"email": 0, "web": 0, "handle": 1, "phone": 1, "number": 2, "vehicle": 2,
             "postcode": 3, "date": 4, "address": 5}  # fmt: skip


@dataclass(frozen=True)
class Detail:
    kind: str
    text: str
    start: int
    end: int
    what: str = ""  # for a named place, which type: "hospital", "school", "care home"…


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
_HOLIDAY = (
    r"christmas(?: eve| day)?|boxing day|new year'?s(?: eve| day)?|easter(?: sunday| monday| day)?|"
    r"good friday|bonfire night|guy fawkes night|halloween|hogmanay|burns night|"
    r"st\.? (?:david|patrick|andrew|george)'?s day|valentine'?s day|mother'?s day|"
    r"father'?s day|eid(?: al-fitr| al-adha| ul-fitr)?|diwali|ramadan|hanukkah|vaisakhi|"
    r"remembrance sunday|pancake day|(?:may |august )?bank holiday(?: monday)?"
)
_MONTH_LOWER = (
    r"(?:january|february|march|april|may|june|july|august|september|october|november|"
    r"december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)"
)
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
    # Any holiday, in any case, with its year: "easter sunday 2022", "Eid 2021".
    re.compile(rf"\b(?i:{_HOLIDAY}),? (?:19|20)\d\d\b"),
    # A lower-case month with a day: "3rd march", "the 14th of february", "june 5th".
    re.compile(
        rf"\b\d{{1,2}}(?:{_ORD}(?:\s+of)?|(?=\s+\w+\s+\d{{4}}))\s+{_MONTH_LOWER}\b{_YEAR}"
        rf"|\b{_MONTH_LOWER}\s+\d{{1,2}}{_ORD}\b{_YEAR}"
    ),
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


# --- putting it together ---------------------------------------------------------------------


def _candidates(text: str) -> list[tuple[int, int, str, str]]:
    """Every possible finding as (start, end, kind, what), overlapping."""
    found: list[tuple[int, int, str, str]] = []
    for pattern, kind in ((_EMAIL, "email"), (_EMAIL_SPELT, "email"), (_NUMBER, "number")):
        found += [(m.start(), m.end(), kind, "") for m in pattern.finditer(text)]
    for m in _PHONE.finditer(text):
        if length := _phone_ok(m.group()):
            found.append((m.start(), m.start() + length, "phone", ""))
    found += [(m.start(), m.end(), "postcode", "") for m in _POSTCODE.finditer(text)]
    for m in _POSTCODE_AREA.finditer(text):
        group = 1 if m.group(1) else 2
        found.append((m.start(group), m.end(group), "postcode", ""))
    found += [(m.start(), m.end(), "address", "") for m in _ROOM.finditer(text)]
    found += [(s, e, "address", "") for s, e in _streets(text)]
    found += [(s, e, "date", "") for s, e in _dates(text)]
    for finder in (names, titled_names, lower_case_names):
        found += [(s, e, "name", "") for s, e in finder(text)]
    found += [(s, e, "address", what) for s, e, what in places(text)]
    for finder in (web_addresses, handles, plates, references):
        found += [(s, e, kind, "") for s, e, kind in finder(text)]
    has_place = any(kind in ("address", "postcode") for _, _, kind, _ in found)
    found += [(s, e, "condition", "") for s, e in conditions(text, has_place)]
    return found


def find_details(text: str) -> list[Detail]:
    """Every likely identifying detail in text, in order, none overlapping."""
    found = _candidates(text)
    # A number after what it is ("CHI number 0512784321") is that, not a phone number.
    labelled = {(s, e) for s, e, _ in references(text)}

    def rank(f: tuple[int, int, str, str]) -> tuple[int, int]:
        first = -1 if (f[0], f[1]) in labelled else _PRIORITY.get(f[2], 9)
        return f[0] - f[1], first

    kept: list[tuple[int, int, str, str]] = []
    for f in sorted(found, key=rank):
        if all(f[1] <= k[0] or f[0] >= k[1] for k in kept):
            kept.append(f)
    return [Detail(kind, text[s:e], s, e, what) for s, e, kind, what in sorted(kept)]


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
