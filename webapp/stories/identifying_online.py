"""Web addresses, social media handles, vehicle registrations and reference numbers, for
the identifying-details check (webapp/stories/identifying.py).

Each of these leads to one person as surely as a phone number does: a blog, an account, a
car, a benefit claim or a complaint. Each function yields (start, end, kind).
"""

from __future__ import annotations

import re

from webapp.stories.identifying_words import rare

_TLD = (
    r"(?:com|org|net|uk|ie|io|me|info|biz|eu|tv|ly|blog|app|page|site|online|scot|wales|"
    r"cymru|co|gov|nhs|ac|edu)"
)
_WEB = re.compile(
    r"\bhttps?://[^\s<>\"']+"
    r"|\bwww\.[\w-]+(?:\.[\w-]+)+(?:/[^\s<>\"']*)?"
    rf"|(?<![@\w.-])(?:[\w-]+\.)+{_TLD}\b(?:/[^\s<>\"']*)?",
    re.I,
)
# "@name", or "u/name" on Reddit; the email pattern takes "name@host" first.
_HANDLE = re.compile(r"(?<![\w@./])@[A-Za-z0-9_](?:[\w.]*\w)?|\bu/[A-Za-z0-9_-]{3,}")
# "my snap is jessb_2009": a user name after a platform, if it looks made up (digits, _ or .)
_PLATFORM = re.compile(
    r"\b(?:snap(?:chat)?|insta(?:gram)?|tiktok|twitter|facebook|fb|reddit|discord|youtube|"
    r"twitch|threads|bluesky|xbox|psn|gamertag|username|user name)\s+"
    r"(?:(?:name|handle|account)\s+)?(?:is|was|:)?\s*([A-Za-z0-9_.]*[\d_.][A-Za-z0-9_.]*\w)",
    re.I,
)
# Current UK plates (AB12 CDE) in any case; older ones (A123 BCD, ABC 123D) in capitals only.
_PLATE = re.compile(
    r"\b([A-Za-z]{2}\d{2}) ?([A-Za-z]{3})\b|(?-i:\b[A-Z]\d{1,3} ?[A-Z]{3}\b|\b[A-Z]{3} ?\d{1,3}[A-Z]\b)"
)
# Benefit, complaint, council and crime references: letters, digits, dashes and slashes.
_REF = re.compile(
    r"(?<![\w/-])[A-Za-z0-9]+(?:[/-][A-Za-z0-9]+)+(?![\w/-])|\b[A-Z]{1,4}\d{5,}[A-Z]?\b"
)
_YEARS = re.compile(r"(?:19|20)\d\d[/-](?:(?:19|20)?\d\d)|\d{1,2}[/.-]\d{1,2}(?:[/.-]\d{2,4})?")
# A number straight after what it is: "CHI number is 2307 951 234", "crime reference CRN 44/9".
_LABEL = re.compile(
    r"\b(?:CHI|NHS|NI|N\.I\.|national insurance|ref(?:erence)?|claim|case|account|patient|"
    r"hospital|crime|tenancy|customer|member|membership|passport|licence|license|register|"
    r"registration|complaint|tracking|application)\.?(?:\s+(?:number|no\.?|num|ref|reference))?"
    r"(?:\s+(?:is|was|:))?:?\s+((?:[A-Za-z]{0,4}[\d/-][\dA-Za-z/-]*)(?: [\dA-Za-z/-]*\d[\dA-Za-z/-]*)*)",
    re.I,
)


def _digits(text: str) -> int:
    return sum(c.isdigit() for c in text)


def web_addresses(text: str):
    for m in _WEB.finditer(text):
        yield m.start(), m.end() - len(m.group()) + len(m.group().rstrip(".,;:!?)")), "web"


def handles(text: str):
    for m in _HANDLE.finditer(text):
        if len(m.group()) > 2:
            yield m.start(), m.end(), "handle"
    for m in _PLATFORM.finditer(text):
        yield m.start(1), m.end(1), "handle"


def plates(text: str):
    for m in _PLATE.finditer(text):
        # "UC50 was" is a form and a word, not a plate: the last part must not be a word.
        if m.group(2) and not rare(m.group(2), 3.0):
            continue
        yield m.start(), m.end(), "vehicle"


def references(text: str):
    for m in _REF.finditer(text):
        ref = m.group()
        letters = any(c.isalpha() for c in ref)
        if _YEARS.fullmatch(ref) or _digits(ref) < (4 if letters else 6):
            continue
        yield m.start(), m.end(), "number"
    for m in _LABEL.finditer(text):
        if _digits(m.group(1)) >= 5:
            yield m.start(1), m.end(1), "number"
