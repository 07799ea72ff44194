"""How ordinary a word is in English, from the word-frequency data shipped in wordfreq.

A capitalised word that is rare as an ordinary word ("Ninewells", "Olumide") is likely a name
or a place; one that is common ("Hope", "Birmingham") needs more context. wordfreq's small
English list (the top ~29,000 words, about 120 KB) is enough: a word missing from it is rare.
It loads once, in about 0.1 s, and then each look-up is a dictionary read.
"""

from __future__ import annotations

import math
from functools import lru_cache

from wordfreq import get_frequency_dict

# Zipf scale: 3 is about once per million words, 6 once per thousand.
RARE = 3.5


@lru_cache(maxsize=1)
def _frequencies() -> dict[str, float]:
    return get_frequency_dict("en", "small")


def zipf(word: str) -> float:
    """How common the word is (Zipf scale, 0 when rarer than the small list reaches)."""
    freq = _frequencies().get(word.lower().replace("’", "'"))
    return math.log10(freq) + 9 if freq else 0.0


def rare(word: str, below: float = RARE, plurals: bool = True) -> bool:
    """Is this word uncommon as an ordinary English word? A plural counts as its singular
    ("Gradients"), since the small list leaves out many plurals; place names often end
    in s ("Heartlands"), so the places check can ask without that."""
    if zipf(word) >= below:
        return False
    return not (plurals and word[-1:] in "sS" and zipf(word[:-1]) >= 3.0)


# Endings that English words get and names seldom do: "Campaigners", "Legality".
_SUFFIXES = (
    "ers", "ors", "ity", "ities", "tion", "tions", "sion", "ness", "ment", "ments", "ism",
    "isms", "ists", "ing", "ings", "able", "ible", "ful", "less", "ship", "hood", "ence",
    "ance", "ive", "ised", "ized", "ising", "izing",
)  # fmt: skip


# Endings of medicine names, which people often capitalise ("put on Sertraline").
_MEDICINE = (
    "ine", "pam", "lam", "zole", "olol", "pril", "sartan", "statin", "cillin", "mycin",
    "done", "tide", "mab", "afil", "oxacin", "triptan", "gabalin", "pentin", "olone", "asone",
)  # fmt: skip


def medicine(word: str) -> bool:
    """Does this rare word look like the name of a medicine?"""
    return word.lower().endswith(_MEDICINE)


def _compound(low: str) -> bool:
    """Two common words run together ("Helpline", "Infoline")."""
    return any(zipf(low[:i]) >= 4 and zipf(low[i:]) >= 4 for i in range(3, len(low) - 2))


def proper_noun(word: str) -> bool:
    """Is this capitalised word likely a name rather than an uncommon ordinary word?"""
    low = word.lower()
    if not rare(low, 3.0) or "-" in low or low.endswith(_SUFFIXES) or medicine(low):
        return False
    return not _compound(low)
