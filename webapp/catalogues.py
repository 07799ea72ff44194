"""How complete each translation catalogue is, and where its placeholders differ.

A translation that drops or adds a placeholder breaks the page: `%(name)s` missing from
the English means a KeyError, and a missing one loses a number or a name. The check
runs on the .po files under locales/ (Babel reads them), in a test and in
`flask --app webapp translation-report`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from babel.messages.catalog import Catalog, Message
from babel.messages.pofile import read_po

# %(name)s as Python formats them, and {n} as a11y.js fills them in.
PLACEHOLDER = re.compile(r"%\((\w+)\)[sdifr]|\{(\w+)\}")
# Plural forms may leave the count out ("un munud", "one minute"), never add one.
MAY_BE_LEFT_OUT = {"num"}


@dataclass(frozen=True)
class Mismatch:
    msgid: str
    english: frozenset[str]
    translated: frozenset[str]


@dataclass
class Report:
    language: str
    total: int = 0
    translated: int = 0
    fuzzy: int = 0
    missing: list[str] = field(default_factory=list)
    mismatches: list[Mismatch] = field(default_factory=list)

    @property
    def percent(self) -> float:
        return 100.0 * self.translated / self.total if self.total else 100.0


def placeholders(text: str) -> frozenset[str]:
    return frozenset(a or b for a, b in PLACEHOLDER.findall(text or ""))


def _texts(value) -> list[str]:
    return list(value) if isinstance(value, (tuple, list)) else [value]


def _mismatches(message: Message) -> Iterable[Mismatch]:
    english = frozenset().union(*(placeholders(t) for t in _texts(message.id)))
    for text in _texts(message.string):
        if not text:
            continue
        found = placeholders(text)
        if message.pluralizable:
            wrong = not found <= english or not (english - MAY_BE_LEFT_OUT) <= found
        else:
            wrong = found != english
        if wrong:
            yield Mismatch(_texts(message.id)[0], english, found)


def check_catalogue(catalogue: Catalog, language: str) -> Report:
    report = Report(language)
    for message in catalogue:
        if not message.id:  # the header
            continue
        report.total += 1
        if message.fuzzy:
            report.fuzzy += 1
        if all(_texts(message.string)) and not message.fuzzy:
            report.translated += 1
        else:
            report.missing.append(_texts(message.id)[0])
        report.mismatches.extend(_mismatches(message))
    return report


def check_language(locales: Path, language: str) -> Report:
    with open(locales / language / "LC_MESSAGES" / "messages.po", "rb") as po:
        return check_catalogue(read_po(po, locale=language), language)


def shipped_catalogues(locales: Path) -> list[str]:
    return sorted(p.parents[1].name for p in locales.glob("*/LC_MESSAGES/messages.po"))
