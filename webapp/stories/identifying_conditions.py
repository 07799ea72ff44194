"""Rare conditions named together with a place, for the identifying-details check.

"My son has Batten disease" says little on its own; with "we live in Aberdaron" it may
point to one family. So a rare condition is found only when the same text also names a
place, or says the place is small ("our village", "the island").

A condition is taken as rare when its distinctive word is rare in English (wordfreq): an
eponym ("Rett syndrome", "Huntington's disease") or a single medical word ("progeria",
"cystinosis"). The few eponymous conditions that are common are listed, since how often a
surname is written says nothing about how common the illness is.
"""

from __future__ import annotations

import re

from webapp.stories import identifying_data as lists
from webapp.stories.identifying_words import rare

_KIND = (
    r"syndrome|disease|dystrophy|atrophy|palsy|ataxia|anaemia|anemia|deficiency|disorder|"
    r"sclerosis|myopathy|neuropathy|dysplasia|dystonia|fibrosis|leukodystrophy"
)
_NAMED = re.compile(
    rf"\b(?!(?:The|A|An|My|Our|His|Her|Their|This|That|Your)\b)((?:[A-Z][\w’'-]*|motor neurone|motor neuron)(?:\s+[A-Z][\w’'-]*)?)"
    rf"(?:\s+(?:muscular|spinal|cerebellar|type\s+\d|[a-z]+ic|[a-z]+al)){{0,2}}\s+(?:{_KIND})\b"
)
# One medical word: rare enough that it is unlikely to be written by chance.
_ONE_WORD = re.compile(
    r"\b[a-z]+(?:osis|uria|aemia|emia|opathy|plasia|trophy|ism|oma|itis|philia|geria|"
    r"cytosis|penia|lepsy|taxia)\b",
    re.I,
)
# Common conditions named after a person or a place: not rare, however rare the name.
_COMMON = lists.words("""
down down's downs crohn's crohns parkinson's parkinsons alzheimer's alzheimers asperger's
aspergers tourette's tourettes raynaud's raynauds lyme graves graves' hashimoto's bell's
coeliac celiac cushing's sickle kidney heart liver lung motor
""")
# Words that say a place is small, for a condition mentioned without a named place.
_SMALL = re.compile(r"\b(?:village|hamlet|island|small town|estate|glen|valley)\b", re.I)


def _rare_name(words: str) -> bool:
    if words.lower().startswith("motor neuro"):
        return True
    lows = [re.sub(r"['’]s$", "", w.lower()) for w in words.split()]
    if any(w in _COMMON or w + "'s" in _COMMON for w in lows):
        return False
    return any(rare(w, 3.0) for w in words.split())


def conditions(text: str, has_place: bool):
    """(start, end) of each rare condition, if the text also names or describes a place."""
    if not has_place and not _SMALL.search(text):
        return
    for m in _NAMED.finditer(text):
        first = m.group(1).split()[0].lower()
        if first in lists.FUNCTION_WORDS or first in lists.PLACE_LEADING:
            continue
        if _rare_name(m.group(1)):
            yield m.start(), m.end()
    for m in _ONE_WORD.finditer(text):
        word = m.group().lower()
        if len(word) > 6 and rare(word, 2.5) and word not in lists.COMMON:
            yield m.start(), m.end()
