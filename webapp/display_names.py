"""Display names that cannot mislead (issue 10).

- `tidy` is the name as kept and shown: NFKC, with invisible characters taken out
  (zero-width, bidirectional controls and isolates, other format characters, fillers)
  and runs of spaces made one. So "Sam\u202e" and "S\u200bam" are just "Sam".
- `fold` is the unique key: the tidy name, case-folded.
- `look_alike_keys` are UTS #39 skeletons, so "Sаm" (with a Cyrillic а) and "SAM" share
  a key with "Sam", and "BiII" (capital i's) with "Bill"; "Anne" and "Ann" do not.

The confusable pairs come from Unicode's confusables.txt as shipped (and kept up to date)
by the confusable_homoglyphs package, which stores them both ways round; `_prototypes`
turns them back into the one-way source-to-prototype mapping the skeleton needs.
"""

from __future__ import annotations

import unicodedata
from functools import cache

# Default_Ignorable_Code_Point ranges (DerivedCoreProperties.txt) and blank-looking letters.
_INVISIBLE_RANGES = (
    (0x00AD, 0x00AD), (0x034F, 0x034F), (0x061C, 0x061C), (0x115F, 0x1160),
    (0x17B4, 0x17B5), (0x180B, 0x180F), (0x200B, 0x200F), (0x202A, 0x202E),
    (0x2060, 0x206F), (0x2800, 0x2800), (0x3164, 0x3164), (0xFE00, 0xFE0F),
    (0xFEFF, 0xFEFF), (0xFFA0, 0xFFA0), (0xFFF0, 0xFFF8), (0x1BCA0, 0x1BCA3),
    (0x1D173, 0x1D17A), (0xE0000, 0xE0FFF),
)  # fmt: skip
_INVISIBLE_CATEGORIES = {"Cc", "Cf", "Cs"}  # controls, format characters, lone surrogates


def is_invisible(char: str) -> bool:
    code = ord(char)
    if any(low <= code <= high for low, high in _INVISIBLE_RANGES):
        return True
    return unicodedata.category(char) in _INVISIBLE_CATEGORIES and not char.isspace()


def tidy(name: str) -> str:
    """The name as kept and shown: NFKC, nothing invisible, single spaces."""
    normal = unicodedata.normalize("NFKC", name or "")
    visible = "".join(char for char in normal if not is_invisible(char))
    return " ".join(visible.split())


def fold(name: str) -> str:
    """The unique key: two names with the same fold are the same name."""
    return tidy(unicodedata.normalize("NFKC", tidy(name).casefold()))


@cache
def _prototypes() -> dict[str, str]:
    """confusables.txt's one-way mapping, rebuilt from confusable_homoglyphs' two-way data.

    A source character has exactly one entry: its prototype. A prototype with several
    sources is the centre of its group. A pair that only points at each other was written
    source first (the data keeps the file's order). Checked against confusables.txt itself
    in tests/unit/test_display_names.py.
    """
    from confusable_homoglyphs.confusables import confusables_data

    marks = str.maketrans("", "", "\u200e\u200f")  # the data wraps right-to-left glyphs
    both_ways: dict[str, list[str]] = {}
    for char, glyphs in confusables_data.items():
        both_ways.setdefault(char.translate(marks), []).extend(
            glyph["c"].translate(marks) for glyph in glyphs
        )
    order = {char: position for position, char in enumerate(both_ways)}
    mapping = {}
    for char, (target, *others) in both_ways.items():
        if len(char) != 1 or others:
            continue
        if len(target) > 1 or len(both_ways.get(target, ())) > 1 or order[char] < order[target]:
            mapping[char] = target
    return mapping


def skeleton(text: str) -> str:
    """The UTS #39 skeleton: NFD, each character to its prototype, NFD again."""
    prototypes = _prototypes()
    mapped = "".join(prototypes.get(c, c) for c in unicodedata.normalize("NFD", text))
    return unicodedata.normalize("NFD", mapped)


def look_alike_keys(name: str) -> tuple[str, str]:
    """Two keys; names that look the same share one of them.

    The first is the skeleton of the folded name: it ignores case, so "QUIET HЕRON" (with
    a Cyrillic Е) meets "Quiet Heron". The second is the skeleton of the name as written,
    then folded: a capital I looks like an l only before folding, so "BiII" meets "Bill".
    """
    return skeleton(fold(name)), skeleton(skeleton(tidy(name)).casefold())
