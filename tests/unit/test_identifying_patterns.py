"""The identifying-details check on the kinds of writing issue 14 found it missed.

Different lines from both bench sets, so these tests do not simply repeat the tuning.
"""

from __future__ import annotations

import pytest

from webapp.stories.details import PLACE_WHY, WHY
from webapp.stories.identifying import KINDS, find_details
from webapp.stories.identifying_words import rare

HITS = [
    # places named without a type word, as "the X of Y", or with a site after the ward
    ("address", "She was rushed to Musgrove and then home.", "Musgrove"),
    ("address", "We were sent to the Freeman for the scan.", "the Freeman"),
    ("address", "He was born at the Countess of Wessex.", "the Countess of Wessex"),
    ("address", "Dad was on Aspen Ward at Fulbourn.", "Fulbourn"),
    ("address", "I was on Ward 9, Gobowen.", "Gobowen"),
    ("address", "We see the GP at Brambles surgery.", "Brambles surgery"),
    ("address", "Gran is in Heatherlea Manor now.", "Heatherlea Manor"),
    ("address", "Everyone in Abersoch knew him.", "Abersoch"),
    ("address", "He was moved to the Royal Brompton.", "the Royal Brompton"),
    ("address", "They sent us to Fairfields at night.", "Fairfields"),
    # names before and after a role, names that are words, other titles, family words
    ("name", "Olamide the support worker listened.", "Olamide"),
    ("name", "Yvonne from the council came round.", "Yvonne"),
    ("name", "Our advocate Siobhan came with me.", "Siobhan"),
    ("name", "Will phoned the school for me.", "Will"),
    ("name", "we saw mrs. kowalski about it", "mrs. kowalski"),
    ("name", "THE LETTER CAME FROM MRS PEARSON.", "MRS PEARSON"),
    ("name", "MY SON DANIEL IS 9.", "DANIEL"),
    ("name", "Nain Mair looked after us.", "Mair"),
    ("name", "My nani Farida cooks for us.", "Farida"),
    # dates in lower case
    ("date", "He left on boxing day 2017.", "boxing day 2017"),
    ("date", "the review is on 9th october", "9th october"),
    ("date", "she moved out on march 3rd", "march 3rd"),
    # references with letters, dashes or slashes; a CHI number is not a phone number
    ("number", "My reference is HB/2021/55812.", "HB/2021/55812"),
    ("number", "Quote PIP-338812-K on the form.", "PIP-338812-K"),
    ("number", "My CHI number is 0407923317.", "0407923317"),
    # online identity and vehicles
    ("web", "It is all on www.ourstory.org.uk now.", "www.ourstory.org.uk"),
    ("web", "See https://example.com/page for more.", "https://example.com/page"),
    ("handle", "I am @carer_dad_77 on Instagram.", "@carer_dad_77"),
    ("handle", "my snap is kayla_2008 if you want", "kayla_2008"),
    ("vehicle", "My car is a red Fiesta, DK21 WPZ.", "DK21 WPZ"),
    ("vehicle", "his reg is ma70 xyk", "ma70 xyk"),
    # a rare condition with a place
    ("condition", "My son has Menkes disease and we live in Tenby.", "Menkes disease"),
    ("condition", "She has alkaptonuria; we live in a small village.", "alkaptonuria"),
]

MISSES = [
    "Mark my words, it will happen again.",
    "Summer was the worst time for his nerves.",
    "The hospital lost his notes.",
    "We moved to Glasgow in 2010.",
    "The mental health unit had no beds.",
    "At christmas we had no heating.",
    "I was on section 3 for 6 months.",
    "It happens 24/7 and 50/50 at best.",
    "The UC50 was sent in 2019-2020.",
    "I have Crohn's disease and need a toilet nearby.",
    "My son has Batten disease.",
    "The Court of Protection decided.",
    "I use WhatsApp and Instagram.",
    "My granny raised me.",
    "The tax year 2022/23 was hard.",
    "I was put on Quetiapine and then Olanzapine.",
    "I joined the Young Carer Network.",
    "I read the Helpline leaflet twice.",
]


@pytest.mark.parametrize(("kind", "text", "expected"), HITS, ids=[h[2] for h in HITS])
def test_finds(kind, text, expected):
    found = [(d.kind, d.text) for d in find_details(text)]
    assert (kind, expected) in found


@pytest.mark.parametrize("text", MISSES)
def test_leaves_alone(text):
    assert find_details(text) == []


def test_new_kinds_are_covered_and_explained():
    new = {"web", "handle", "vehicle", "condition"}
    assert new <= {h[0] for h in HITS}
    assert new <= set(KINDS) and new <= set(WHY)


def test_named_place_says_what_it_is():
    [detail] = find_details("Gran is in Heatherlea Manor now.")
    assert detail.what == "care home"
    [detail] = find_details("We see the GP at Brambles surgery.")
    assert detail.what == "surgery" and detail.what in PLACE_WHY


def test_rare_words_from_wordfreq():
    assert rare("Abersoch") and rare("Olamide")
    assert not rare("Glasgow") and not rare("hospital")
