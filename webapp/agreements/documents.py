"""Agreements as content: content/agreements/<slug>.md and its easy-read twin.

Front matter gives the title, version, date, which communities must agree, and a
changelog. Each principle is a `## key: Name` section. Adding an agreement means
adding two Markdown files.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from flask import current_app

from ..content import EASYREAD, Check, Page, Section, load_page, render_markdown, split_sections

HEADING = re.compile(r"^##\s+(?P<key>[a-z][a-z\-]*):\s*(?P<name>.+?)\s*$")
PICTURE = re.compile(r"^!\[[^\]]*\]\([^)]+\)\s*$")


@dataclass(frozen=True)
class Principle:
    key: str
    name: str
    html: str = ""
    sections: tuple[Section, ...] = ()


@dataclass(frozen=True)
class Agreement:
    slug: str
    title: str
    version: int
    date: str
    required_for: tuple[str, ...]
    intro: str
    time: str
    changes: tuple[dict, ...]
    principles: tuple[Principle, ...]
    check: Check | None = None  # easy read only: checked by self-advocates

    def change_since(self, version: int) -> list[dict]:
        """The changelog entries newer than the version someone accepted."""
        return [c for c in self.changes if int(c.get("version", 0)) > version]


def split_principles(body: str) -> list[tuple[str, str, str]]:
    """(key, name, text) for each `## key: Name` section.

    In easy read a principle starts with its picture line, just above the heading.
    """
    lines = body.splitlines()
    starts = []
    for index, line in enumerate(lines):
        match = HEADING.match(line)
        if not match:
            continue
        start = index
        before = index - 1
        while before >= 0 and not lines[before].strip():
            before -= 1
        if before >= 0 and PICTURE.match(lines[before].strip()):
            start = before
        starts.append((start, index, match["key"], match["name"]))
    principles = []
    for number, (start, heading, key, name) in enumerate(starts):
        end = starts[number + 1][0] if number + 1 < len(starts) else len(lines)
        text = "\n".join(lines[start:heading] + lines[heading + 1 : end]).strip()
        principles.append((key, name, text))
    return principles


def agreement_slugs() -> list[str]:
    folder = Path(current_app.config["CONTENT_DIR"]) / "agreements"
    return sorted(p.stem for p in folder.glob("*.md"))


_parsed: dict[tuple[str, str], tuple[Page, Agreement]] = {}


def load_agreement(slug: str, variant: str | None = None) -> Agreement:
    """The agreement in the visitor's variant, parsed again only when its file changes."""
    page = load_page(f"agreements/{slug}", variant)
    cached = _parsed.get((slug, page.variant))
    if cached and cached[0] is page:
        return cached[1]
    agreement = _parse(slug, page)
    _parsed[(slug, page.variant)] = (page, agreement)
    return agreement


def _parse(slug: str, page: Page) -> Agreement:
    meta = page.meta
    principles = []
    for key, name, words in split_principles(page.body):
        if page.variant == EASYREAD:
            sections = tuple(
                Section(picture=pic, alt=alt, html=render_markdown(w))
                for pic, alt, w in split_sections(words)
            )
            principles.append(Principle(key=key, name=name, sections=sections))
        else:
            principles.append(Principle(key=key, name=name, html=render_markdown(words)))
    return Agreement(
        slug=slug,
        title=page.title,
        version=int(meta.get("version", 1)),
        date=str(meta.get("date", "")),
        required_for=tuple(meta.get("required_for") or ()),
        intro=str(meta.get("intro", "")),
        time=str(meta.get("time", "")),
        changes=tuple(meta.get("changes") or ()),
        principles=tuple(principles),
        check=page.check if page.variant == EASYREAD else None,
    )
