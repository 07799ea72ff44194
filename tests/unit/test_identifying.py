"""The identifying-details check: what it finds, what it leaves alone, and where."""

from __future__ import annotations

import pytest

from webapp.stories.identifying import KINDS, Detail, find_details, in_context

HITS = [
    # named places, and Welsh place names, which put the place word first
    ("address", "I was taken to St Mary's Hospital in Leeds.", "St Mary's Hospital"),
    ("address", "Oakwood Care Home was lovely at first.", "Oakwood Care Home"),
    ("address", "I went to Hillside Primary School.", "Hillside Primary School"),
    ("address", "Alder Hey Children's Hospital saved him.", "Alder Hey Children's Hospital"),
    ("address", "We went to Ysbyty Gwynedd in the night.", "Ysbyty Gwynedd"),
    ("address", "We live on Heol y Parc now.", "Heol y Parc"),
    # names in lower case, after a role or family word
    ("name", "I saw nurse jenkins on the ward.", "jenkins"),
    ("name", "my son liam is autistic", "liam"),
    # email
    ("email", "Email me at sarah.jones@example.com if you like.", "sarah.jones@example.com"),
    ("email", "My address is J_Smith+nhs@mail.co.uk.", "J_Smith+nhs@mail.co.uk"),
    ("email", "write to tom (at) example (dot) org please", "tom (at) example (dot) org"),
    ("email", "it is john dot smith at gmail dot com", "john dot smith at gmail dot com"),
    ("email", "contact ann[at]council.gov.uk", "ann[at]council.gov.uk"),
    # phone
    ("phone", "Call me on 07700 900123 if you want.", "07700 900123"),
    ("phone", "My number is 07700900123.", "07700900123"),
    ("phone", "Ring +44 7700 900123 any time", "+44 7700 900123"),
    ("phone", "The ward was on (020) 7946 0958.", "(020) 7946 0958"),
    ("phone", "Their office is 0161-496-0000.", "0161-496-0000"),
    ("phone", "I rang 0800 123 4567 twice.", "0800 123 4567"),
    ("phone", "the helpline, 0113 496 0999, was shut", "0113 496 0999"),
    ("phone", "my cousin's number +1 555 123 4567", "+1 555 123 4567"),
    ("phone", "call +44 (0)20 7946 0958", "+44 (0)20 7946 0958"),
    ("phone", "text 07700.900.123 now", "07700.900.123"),
    ("phone", "Polish number +48 512 345 678", "+48 512 345 678"),
    # ID numbers
    ("number", "My NHS number is 943 476 5919.", "943 476 5919"),
    ("number", "NHS no 9434765919 on the letter", "9434765919"),
    ("number", "My NI number is AB 12 34 56 C.", "AB 12 34 56 C"),
    ("number", "national insurance qq123456c", "qq123456c"),
    ("number", "The case reference was 20240315887.", "20240315887"),
    # postcode
    ("postcode", "I live near SW1A 1AA.", "SW1A 1AA"),
    ("postcode", "Postcode M1 1AE.", "M1 1AE"),
    ("postcode", "we moved to b33 8th last year", "b33 8th"),
    ("postcode", "send it to EC1A1BB", "EC1A1BB"),
    ("postcode", "the flat in LS6 2QT was damp", "LS6 2QT"),
    ("postcode", "He lives in the E17 area.", "E17"),
    ("postcode", "we live in SW19 now", "SW19"),
    # address
    ("address", "I live at 12 Acacia Avenue now.", "12 Acacia Avenue"),
    ("address", "It was 4a High St by the bank.", "4a High St"),
    ("address", "We lived at 27 Mill Lane for years.", "27 Mill Lane"),
    ("address", "My flat is Flat 3 in the block.", "Flat 3"),
    ("address", "I was on Ward 7 for a week.", "Ward 7"),
    ("address", "I was in Bed 12 by the window.", "Bed 12"),
    ("address", "They put me in room 14.", "room 14"),
    ("address", "the house at 9 Church Road was cold", "9 Church Road"),
    ("address", "she lives on 102 Station Rd", "102 Station Rd"),
    ("address", "we moved to 3 Elm Grove", "3 Elm Grove"),
    ("address", "round at 15 Oak Tree Close", "15 Oak Tree Close"),
    ("address", "my nan lives at 8 victoria terrace", "8 victoria terrace"),
    ("address", "the children were on Rainbow Ward", "Rainbow Ward"),
    ("address", "He grew up on Acacia Avenue.", "Acacia Avenue"),
    ("address", "my flat, 5 Kings Court, was damp", "5 Kings Court"),
    ("address", "at 21 Jubilee Mews behind the shops", "21 Jubilee Mews"),
    # date
    ("date", "It happened on 3 March 2024.", "3 March 2024"),
    ("date", "again on March 3rd at the clinic", "March 3rd"),
    ("date", "by the 3rd of March it was over", "3rd of March"),
    ("date", "the letter was dated 03/04/2024", "03/04/2024"),
    ("date", "seen on 3/4/24 by the GP", "3/4/24"),
    ("date", "The log says 2024-03-04.", "2024-03-04"),
    ("date", "It was Tuesday 5th when they came.", "Tuesday 5th"),
    ("date", "on Friday, 12th July 2023 we went", "Friday, 12th July 2023"),
    ("date", "since 14 Feb I have waited", "14 Feb"),
    ("date", "It was on the 5th, I think.", "the 5th"),
    ("date", "born 1.5.1990 in Leeds", "1.5.1990"),
    ("date", "on December 25, 2022 the heating broke", "December 25, 2022"),
    # name
    ("name", "My social worker Karen said I was fine.", "Karen"),
    ("name", "I saw Dr Patel at the surgery.", "Dr Patel"),
    ("name", "The nurse, Sandra, was kind.", "Sandra"),
    ("name", "Sarah Jones helped me fill in the form.", "Sarah Jones"),
    ("name", "I spoke to Nkechi on the phone.", "Nkechi"),
    ("name", "Then Tomasz said no.", "Tomasz"),
    ("name", "There was a man called Rhys at the desk.", "Rhys"),
    ("name", "My son Jack is eight.", "Jack"),
    ("name", "my son jack is eight", "jack"),
    ("name", "Mrs O'Brien-Smith was the manager.", "Mrs O'Brien-Smith"),
    ("name", "Councillor Ahmed never replied.", "Councillor Ahmed"),
    ("name", "Grace was lovely to us.", "Grace"),
    ("name", "Every week Priya came round.", "Priya"),
    ("name", "we waited for Mohammed to arrive", "Mohammed"),
    ("name", "Siobhan's mum drove us there.", "Siobhan"),
    ("name", "the consultant, Mr. Khan, was rude", "Mr. Khan"),
    ("name", "My daughter's teacher is Miss Evans.", "Miss Evans"),
    ("name", "In the end Mark sorted it out.", "Mark"),
    ("name", "Nurse Okafor stayed late.", "Nurse Okafor"),
    ("name", "Her name is Zainab and she is four.", "Zainab"),
    ("name", "I asked Wojciech to help.", "Wojciech"),
    ("name", "My husband Dave lost his job.", "Dave"),
]

MISSES = [
    "The day centre closed.",
    "I went to the GP Surgery.",
    "The Hospital was busy.",
    "When the Job Centre called, I cried.",
    "my son will be fine",
    "I felt at Home there.",
    "I went to the GP in March.",
    "It took 3 weeks.",
    "Monday was hard.",
    "The NHS let me down.",
    "I felt Scared and Alone.",
    "Social Services came round.",
    "I called them 5 times.",
    "We waited 2 hours in A&E.",
    "It cost me £300.",
    "That was in 2019.",
    "It was last year.",
    "I went on Tuesday.",
    "The Council said no.",
    "My GP referred me to the Mental Health Team.",
    "I was on Universal Credit for 18 months.",
    "Citizens Advice helped me with PIP.",
    "The Jobcentre sent a letter.",
    "I went to the Royal Infirmary.",
    "We moved to Manchester in June.",
    "My mum and dad were worried.",
    "Will you listen to us?",
    "May I say something?",
    "I hope things change.",
    "It was 10.30 at night.",
    "I take 20mg twice a day.",
    "Page 3 of the form was missing.",
    "Thank God for the nurses.",
    "I am Black and British.",
    "The DWP took 16 weeks.",
    "I was in bed 3 days with flu.",
    "My son is in Year 6.",
    "There were 12 of us in the group.",
    "I waited from 9am to 5pm.",
    "We live in a two bedroom flat.",
    "The High Street shops closed.",
    "I had to go to the Family Court.",
    "Everyone at the Food Bank was kind.",
    "I get £91.90 a week.",
    "She was on the 5th floor.",
    "About 3/4 of the time it works.",
]


@pytest.mark.parametrize(("kind", "text", "expected"), HITS, ids=[h[2] for h in HITS])
def test_finds(kind, text, expected):
    found = [(d.kind, d.text) for d in find_details(text)]
    assert (kind, expected) in found


@pytest.mark.parametrize("text", MISSES)
def test_leaves_alone(text):
    assert find_details(text) == []


def test_enough_examples():
    assert len(HITS) >= 60 and len(MISSES) >= 30
    assert {h[0] for h in HITS} <= set(KINDS)  # the newer kinds: test_identifying_patterns.py


STORY = (
    "On 3 March 2024 my carer Joan rang me from 0161 496 0000. She lives at 4 Mill Lane, "
    "M1 1AE, and her email is joan@example.org. Dr Patel saw me in Bed 4 on the ward. "
    "My NHS number is 943 476 5919."
)


def test_positions_order_and_no_overlap():
    details = find_details(STORY)
    assert [d.kind for d in details] == [
        "date",
        "name",
        "phone",
        "address",
        "postcode",
        "email",
        "name",
        "address",
        "number",
    ]
    for d in details:
        assert STORY[d.start : d.end] == d.text
    for a, b in zip(details, details[1:], strict=False):
        assert a.end <= b.start


def test_longest_wins_on_overlap():
    text = "write to sarah.jones@example.com now"
    assert [(d.kind, d.text) for d in find_details(text)] == [("email", "sarah.jones@example.com")]
    text = "Flat 2, 10 Downing Street"
    assert [d.text for d in find_details(text)] == ["Flat 2", "10 Downing Street"]


def test_kinds_have_labels():
    for kind in ("name", "phone", "email", "postcode", "address", "date", "number"):
        assert KINDS[kind]


def test_detail_is_frozen():
    d = Detail("name", "Sam", 0, 3)
    with pytest.raises(AttributeError):
        d.text = "x"  # type: ignore[misc]


def test_in_context_trims_at_word_boundaries():
    text = (
        "I went along to the clinic every single week and my nurse Karen was there for me always."
    )
    [detail] = find_details(text)
    before, match, after = in_context(text, detail, width=20)
    assert match == "Karen"
    assert before.startswith("…") and after.endswith("…")
    assert before == "…week and my nurse "
    assert after == " was there for me…"
    assert before[1:] in text and after[:-1] in text


def test_in_context_short_text_has_no_ellipsis():
    text = "Ask Dr Patel."
    [detail] = find_details(text)
    assert in_context(text, detail) == ("Ask ", "Dr Patel", ".")


def test_empty_and_plain_text():
    assert find_details("") == []
    assert find_details("nothing to see here") == []
