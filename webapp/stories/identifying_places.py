"""Named places and lower-case names, for the identifying-details check.

A named hospital, school or care home narrows a story down to a few people ("St Mary's
Hospital"); a generic one does not ("the day centre"). Welsh place words come first in
the name ("Ysbyty Gwynedd", "Heol y Parc"). Names written in lower case are found after
a role or family word ("nurse jenkins", "my son liam").
"""

from __future__ import annotations

import re

from webapp.stories import identifying_data as lists

_TYPES = (
    r"Hospital|Infirmary|Hospice|Surgery|Clinic|Practice|School|Academy|College|University|"
    r"Care Home|Nursing Home|Home|House|Lodge|Court|Unit|Centre|Center|Prison|Hostel|Library"
)
_PLACE = re.compile(rf"\b((?:(?:St\.?|[A-Z][\w’'-]*)\s+){{1,4}})({_TYPES})\b")
# Words that make a place generic, or only start the sentence: none of them names a place.
_GENERIC = frozenset(
    [
        "the",
        "a",
        "an",
        "my",
        "our",
        "your",
        "their",
        "his",
        "her",
        "this",
        "that",
        "these",
        "those",
        "local",
        "every",
        "each",
        "any",
        "no",
        "gp",
        "nhs",
        "a&e",
        "day",
        "care",
        "health",
        "medical",
        "mental",
        "social",
        "nursing",
        "children's",
        "childrens",
        "community",
        "job",
        "general",
        "primary",
        "secondary",
        "high",
        "special",
        "private",
        "public",
        "residential",
        "respite",
        "psychiatric",
        "maternity",
        "crisis",
        "council",
        "district",
        "city",
        "county",
        "new",
        "old",
        "main",
        "big",
        "small",
        "royal",
        "family",
        "crown",
        "magistrates",
        "magistrates'",
        "youth",
        "when",
        "then",
        "after",
        "before",
        "at",
        "in",
        "on",
        "to",
        "from",
        "and",
        "but",
        "so",
        "because",
        "while",
    ]
)
# Words that only start a sentence or a phrase before the place.
_LEADING = frozenset(
    ["the", "a", "an", "my", "our", "your", "their", "his", "her", "this", "that", "these",
     "those", "when", "then", "after", "before", "at", "in", "on", "to", "from", "and", "but",
     "so", "because", "while"]
)  # fmt: skip
_WELSH = re.compile(
    r"\b(?:Ysbyty|Ysgol|Heol|Ffordd|Stryd|Lôn|Cartref|Canolfan|Meddygfa)\s+"
    r"(?:(?:y|yr|’r|'r)\s+)?[A-ZÂÊÎÔÛŴŶ][\w’'-]+(?:\s+[A-ZÂÊÎÔÛŴŶ][\w’'-]+)?"
)
_ROLE = re.compile(
    r"\b(?:nurse|dr|doctor|sister|matron|carer|worker|teacher|manager|officer|therapist|"
    r"son|daughter|husband|wife|partner|brother|mum|dad|nan|gran|grandad|friend|neighbour|"
    r"called|named)\s+([a-z][a-z’'-]{2,})\b"
)


def places(text: str):
    """(start, end) of each named place."""
    for m in _PLACE.finditer(text):
        words = m.group(1).split()
        while words and words[0].lower() in _LEADING:
            words.pop(0)
        if words and not all(w.lower().rstrip(".") in _GENERIC for w in words):
            start = m.start(1) + m.group(1).index(words[0])
            yield start, m.end()
    for m in _WELSH.finditer(text):
        yield m.start(), m.end()


def lower_case_names(text: str):
    """(start, end) of a lower-case name straight after a role or family word."""
    for m in _ROLE.finditer(text):
        word = m.group(1)
        known = word in lists.FIRST_NAMES or word in lists.SURNAMES
        if known and word not in lists.COMMON and word not in lists.FUNCTION_WORDS:
            yield m.start(1), m.end(1)
