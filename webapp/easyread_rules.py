"""The easy-read rules (GUIDE section 5), in one place: the lint over easyread/ checks the
pages with them, and a facilitator writing easy read for a decision gets them as hints.

Hints are gentle: they say what could be easier, and never stop anyone saving.
"""

from __future__ import annotations

import re

from flask_babel import lazy_gettext as _l

from .wording import Wording, say

MAX_WORDS = 15

NUMBER_WORDS = re.compile(
    r"\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|"
    r"fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|"
    r"eighty|ninety|hundred|thousand|million)\b",
    re.IGNORECASE,
)
BLOCK_CAPITALS = re.compile(r"\b[A-Z]{2,}\b")
ITALICS = re.compile(r"(?<![*\w])\*(?!\*)[^*\n]+\*(?!\*)|(?<![_\w])_(?!_)[^_\n]+_(?![_\w])")


def plain_text(markdown_text: str) -> str:
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", markdown_text)  # links keep their words
    text = re.sub(r"[*#>`]", "", text)
    return text


def sentences(words: str) -> list[str]:
    found = []
    for line in plain_text(words).splitlines():
        line = re.sub(r"^\s*(?:[-+]|\d+\.)\s+", "", line).strip()
        found += [s.strip() for s in re.split(r"(?<=[.!?:;])\s+", line) if s.strip()]
    return found


def word_count(sentence: str) -> int:
    return len([w for w in sentence.split() if re.search(r"\w", w)])


def hints(text: str) -> list[Wording]:
    """What could make this easier to read, in the rules' order; [] when it follows them."""
    found: list[Wording] = []
    for sentence in sentences(text):
        if word_count(sentence) > MAX_WORDS:
            short = " ".join(sentence.split()[:6])
            found.append(say(
                _l("This sentence has %(n)s words. Try %(max)s or fewer: “%(start)s …”",
                   n=word_count(sentence), max=MAX_WORDS, start=short),
                _l("This sentence is long. Try to make it shorter: “%(start)s …”", start=short),
            ))  # fmt: skip
    if number := NUMBER_WORDS.search(plain_text(text)):
        found.append(say(
            _l("Write numbers as digits: “%(word)s”.", word=number.group(0)),
            _l("Write numbers like 3, not three: “%(word)s”.", word=number.group(0)),
        ))  # fmt: skip
    if capitals := BLOCK_CAPITALS.search(plain_text(text)):
        found.append(say(
            _l("Avoid capital letters and short forms: “%(word)s”.", word=capitals.group(0)),
            _l("Do not use big capital letters or short forms: “%(word)s”.",
               word=capitals.group(0)),
        ))  # fmt: skip
    if ITALICS.search(text):
        found.append(say(_l("Avoid italics: they are harder to read."),
                         _l("Do not use slanted letters.")))  # fmt: skip
    return found
