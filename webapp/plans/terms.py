"""The parts of the terms of reference, and what changed between two versions.

A version's parts are stored as JSON:
    {"aim": {"plain": "...", "easy": "..."}, ...,
     "in_scope": [{"plain": "...", "easy": "..."}],
     "out_of_scope": [{"plain": "...", "easy": "...", "instead": "...", "instead_easy": "..."}]}

"What changed" compares the words a member reads (their variant): a changed text part
shows the words taken out and put in; a list shows the items added and taken out.
Parts that did not change are not shown at all.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field

from flask_babel import lazy_gettext as _l

from ..wording import Wording, say

# The written parts, in the order they are read. "behaviour" links to the agreements.
TEXT_PARTS: dict[str, Wording] = {
    "aim": say(_l("What we are working towards"), _l("What we want to change")),
    "meets": say(_l("How often we meet"), _l("When we meet")),
    "membership": say(_l("Who counts as a member"), _l("Who is a member")),
    "decisions": say(_l("How we make decisions"), _l("How we decide things")),
    "confidentiality": say(_l("Confidentiality"), _l("Keeping things private")),
    "behaviour": say(_l("How we behave"), _l("How we treat each other")),
}
# In easy read each part starts with a picture (OpenMoji, in static/pictures).
PICTURES = {
    "aim": "megaphone.svg", "in_scope": "tick.svg", "out_of_scope": "no-entry.svg",
    "meets": "calendar.svg", "membership": "group.svg", "decisions": "scales.svg",
    "confidentiality": "padlock.svg", "behaviour": "people-holding-hands.svg", "review": "try-again.svg",
}  # fmt: skip
IN_SCOPE = say(_l("What is in scope: what we work on"), _l("Things we work on"))
OUT_OF_SCOPE = say(
    _l("What is out of scope: what we do not work on, and where to take it"),
    _l("Things we do not work on. Where to go instead."),
)
REVIEW = say(_l("Next review"), _l("When we look at this again"))
SEPARATOR = "|"  # "a thing we do not work on | where to take it instead"


def words_of(part: dict, easy: bool) -> str:
    return (part.get("easy") if easy else "") or part.get("plain", "")


def instead_of(item: dict, easy: bool) -> str:
    return (item.get("instead_easy") if easy else "") or item.get("instead", "")


def lines(text: str | None) -> list[str]:
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


def split_instead(line: str) -> tuple[str, str]:
    thing, _, instead = line.partition(SEPARATOR)
    return thing.strip(), instead.strip()


def parts_from_form(data: dict) -> dict:
    """Parts from the form's answers (already checked: easy lines match plain lines)."""
    parts: dict = {
        key: {"plain": data[f"{key}_plain"].strip(), "easy": (data[f"{key}_easy"] or "").strip()}
        for key in TEXT_PARTS
    }
    plain, easy = lines(data["in_scope_plain"]), lines(data["in_scope_easy"])
    parts["in_scope"] = [
        {"plain": line, "easy": easy[n] if n < len(easy) else ""} for n, line in enumerate(plain)
    ]
    plain, easy = lines(data["out_of_scope_plain"]), lines(data["out_of_scope_easy"])
    parts["out_of_scope"] = []
    for n, line in enumerate(plain):
        thing, instead = split_instead(line)
        easy_thing, easy_instead = split_instead(easy[n]) if n < len(easy) else ("", "")
        parts["out_of_scope"].append(
            {"plain": thing, "easy": easy_thing, "instead": instead, "instead_easy": easy_instead}
        )
    return parts


def form_data(parts: dict) -> dict:
    """The form's answers for a saved version: editing starts from the latest words."""
    data = {}
    for key in TEXT_PARTS:
        data[f"{key}_plain"] = parts.get(key, {}).get("plain", "")
        data[f"{key}_easy"] = parts.get(key, {}).get("easy", "")
    data["in_scope_plain"] = "\n".join(i["plain"] for i in parts.get("in_scope", []))
    data["in_scope_easy"] = "\n".join(i["easy"] for i in parts.get("in_scope", []) if i["easy"])

    def joined(thing: str, instead: str) -> str:
        return f"{thing} {SEPARATOR} {instead}" if instead else thing

    out = parts.get("out_of_scope", [])
    data["out_of_scope_plain"] = "\n".join(joined(i["plain"], i["instead"]) for i in out)
    data["out_of_scope_easy"] = "\n".join(
        joined(i["easy"], i["instead_easy"]) for i in out if i["easy"]
    )
    return data


@dataclass
class Change:
    """One changed part: its name, and either word pieces or items added and taken out."""

    name: Wording
    pieces: list[tuple[str, str]] = field(default_factory=list)  # ("same"|"out"|"in", words)
    added: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)


TOKEN = re.compile(r"\w+|[^\w\s]+|\s+")  # words, punctuation, spaces


def word_pieces(old: str, new: str) -> list[tuple[str, str]]:
    """The new text as pieces kept, taken out and put in, word by word."""
    before, after = TOKEN.findall(old), TOKEN.findall(new)
    pieces: list[tuple[str, str]] = []
    matcher = difflib.SequenceMatcher(a=before, b=after, autojunk=False)
    for op, a1, a2, b1, b2 in matcher.get_opcodes():
        if op == "equal":
            pieces.append(("same", "".join(after[b1:b2])))
            continue
        taken_out, put_in = "".join(before[a1:a2]), "".join(after[b1:b2])
        if op in ("delete", "replace") and taken_out.strip():
            pieces.append(("out", taken_out.strip()))
        if op in ("insert", "replace") and put_in.strip():
            # A space before new words is part of the text, not of what is marked as new.
            spaces = put_in[: len(put_in) - len(put_in.lstrip())]
            if spaces:
                pieces.append(("same", spaces))
            pieces.append(("in", put_in.strip()))
    return pieces


def _list_items(parts: dict, key: str, easy: bool) -> list[str]:
    items = []
    for item in parts.get(key, []):
        words = words_of(item, easy)
        if key == "out_of_scope" and instead_of(item, easy):
            words = f"{words} ({instead_of(item, easy)})"
        items.append(words)
    return items


def changes(old: dict, new: dict, easy: bool) -> list[Change]:
    """Exactly the parts that differ between two versions, in the reader's variant."""
    found = []
    for key, name in TEXT_PARTS.items():
        before, after = words_of(old.get(key, {}), easy), words_of(new.get(key, {}), easy)
        if before != after:
            found.append(Change(name, pieces=word_pieces(before, after)))
    for key, name in (("in_scope", IN_SCOPE), ("out_of_scope", OUT_OF_SCOPE)):
        before, after = _list_items(old, key, easy), _list_items(new, key, easy)
        added = [item for item in after if item not in before]
        removed = [item for item in before if item not in after]
        if added or removed:
            found.append(Change(name, added=added, removed=removed))
    return found


def scope_areas(parts: dict, easy: bool) -> list[tuple[str, str]]:
    """(stored value, words shown) for each in-scope area: the plain words are stored."""
    return [(item["plain"], words_of(item, easy)) for item in parts.get("in_scope", [])]
