"""Hints for facilitators: possible offensive or discriminatory words, and possible
identifying details. A flag is never a rejection; a person decides.

Offensive words come from the maintained list shipped with the better-profanity
library, plus the operator's own list in content/moderation/extra-terms.txt.
Identifying details come from webapp/stories/identifying.py, the same check the
author sees before sending.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

from flask import current_app
from markupsafe import Markup, escape

from ..stories.details import KIND_NAMES, details_in

OFFENSIVE = "offensive"
IDENTIFYING = "identifying"
KINDS = (OFFENSIVE, IDENTIFYING)
EXTRA_TERMS = Path("moderation") / "extra-terms.txt"

# Common look-alike characters, so "sh1t" is found as well as "shit".
LOOKALIKES = str.maketrans({"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "@": "a", "$": "s"})


@dataclass(frozen=True)
class Flag:
    kind: str
    text: str
    start: int
    end: int
    detail: object = ""  # identifying details: what kind, in either wording (a phone number...)


def _read_terms(text: str) -> list[str]:
    lines = (line.strip().lower() for line in text.splitlines())
    return [line for line in lines if line and not line.startswith("#")]


@lru_cache(maxsize=1)
def maintained_terms() -> tuple[str, ...]:
    wordlist = resources.files("better_profanity") / "profanity_wordlist.txt"
    return tuple(_read_terms(wordlist.read_text(encoding="utf-8")))


def extra_terms_path() -> Path:
    return Path(current_app.config["CONTENT_DIR"]) / EXTRA_TERMS


@lru_cache(maxsize=8)
def _extra_terms(path: str, _mtime: float) -> tuple[str, ...]:
    return tuple(_read_terms(Path(path).read_text(encoding="utf-8")))


def extra_terms() -> tuple[str, ...]:
    """The operator's list, read again whenever the file changes."""
    path = extra_terms_path()
    if not path.is_file():
        return ()
    return _extra_terms(str(path), path.stat().st_mtime)


@lru_cache(maxsize=8)
def _pattern(terms: tuple[str, ...]) -> re.Pattern:
    # Longest first, so "blow job" wins over "blow"; whole words only.
    alternatives = "|".join(re.escape(t) for t in sorted(set(terms), key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.IGNORECASE)


def offensive_words(text: str) -> list[Flag]:
    terms = maintained_terms() + extra_terms()
    pattern = _pattern(terms)
    found = [Flag(OFFENSIVE, m.group(0), m.start(), m.end()) for m in pattern.finditer(text)]
    # The same again with look-alike characters read as letters (same length, same places).
    plain = text.translate(LOOKALIKES)
    if plain != text:
        seen = {(f.start, f.end) for f in found}
        found += [
            Flag(OFFENSIVE, text[m.start() : m.end()], m.start(), m.end())
            for m in pattern.finditer(plain)
            if (m.start(), m.end()) not in seen
        ]
    return sorted(found, key=lambda f: f.start)


def identifying_details(text: str) -> list[Flag]:
    return [
        Flag(IDENTIFYING, d.text, d.start, d.end, detail=KIND_NAMES.get(d.kind, d.kind))
        for d in details_in(text)
    ]


def find_flags(text: str) -> list[Flag]:
    return sorted(offensive_words(text) + identifying_details(text), key=lambda f: f.start)


def flag_kinds(flags: list[Flag]) -> list[str]:
    return [kind for kind in KINDS if any(f.kind == kind for f in flags)]


def highlighted(text: str, flags: list[Flag]) -> Markup:
    """The words as escaped paragraphs, each flagged part in <mark> (overlaps merged)."""
    spans: list[list[int]] = []
    for flag in sorted(flags, key=lambda f: f.start):
        if spans and flag.start <= spans[-1][1]:
            spans[-1][1] = max(spans[-1][1], flag.end)
        else:
            spans.append([flag.start, flag.end])
    paragraphs = []
    for block in re.finditer(r"[^\n]+(?:\n[ \t]*[^\s][^\n]*)*", text):
        start, end = block.start(), block.end()
        out, at = [], start
        for s, e in spans:
            s, e = max(s, start), min(e, end)
            if s >= e:
                continue
            out += [escape(text[at:s]), Markup("<mark>%s</mark>") % text[s:e]]
            at = e
        out.append(escape(text[at:end]))
        inner = Markup("").join(out).strip()
        if inner:
            paragraphs.append(Markup("<p>%s</p>") % inner.replace("\n", Markup("<br>")))
    return Markup("").join(paragraphs)
