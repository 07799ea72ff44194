"""A kept form page's gzip, compressed once with runs swapped per visitor
(webapp/kept_form_page.py): any page without NUL bytes, with the stand-in anywhere and
any number of times, gives a gzip member that the standard library (which checks the
CRC and the length) reads back exactly, for any value of the run's length."""

from __future__ import annotations

import gzip
import re
import zlib
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from webapp.kept_form_page import TOKEN_LEFT_OUT, GzipInParts

STAND_IN = TOKEN_LEFT_OUT.encode()
no_nul = st.one_of(st.binary(max_size=3000), st.text(max_size=400).map(str.encode)).map(
    lambda piece: piece.replace(b"\x00", b"")
)


@settings(max_examples=300, deadline=None)
@given(
    pieces=st.lists(no_nul, max_size=6),
    width=st.integers(1, 300),
    data=st.data(),
    level=st.integers(1, 9),
)
def test_any_page_reads_back_with_the_value_in_place(pieces, width, data, level):
    body = STAND_IN.join(pieces)
    kept = GzipInParts(body, STAND_IN, level, width)
    for _ in range(3):  # the value can hold anything, NULs and the page's own text too
        value = data.draw(st.binary(min_size=width, max_size=width))
        made = kept.with_(value)
        assert gzip.decompress(made) == body.replace(STAND_IN, value)
        reader = zlib.decompressobj(wbits=31)  # as a browser reads it: nothing left over
        assert reader.decompress(made) == body.replace(STAND_IN, value)
        assert reader.eof and reader.unused_data == b""


def test_a_value_of_another_length_or_a_page_with_nul_is_refused():
    assert GzipInParts(b"a" + STAND_IN + b"b", STAND_IN, 6, 4).with_(b"abc") is None
    with pytest.raises(ValueError):
        GzipInParts(b"a\x00" + STAND_IN, STAND_IN, 6, 4)


def test_a_real_page_compresses_as_well_as_in_one_piece():
    template = Path(__file__).parents[2] / "webapp/templates/page.html"
    page = template.read_bytes() * 3
    token = b"IjVjNDlmNzgwYWVhNTc4ZGY2YWUzN2E0ODdjZDI0ZmIzN2E1MGNhZDMi.aweRdA.1-oW7uLr4k4b76nwmUUn"
    body = re.sub(rb"</head>", STAND_IN + b"</head>", page, count=1) + STAND_IN + page
    made = GzipInParts(body, STAND_IN, 6, len(token)).with_(token)
    whole = gzip.compress(body.replace(STAND_IN, token), 6)
    # Each run costs a new block (its own code tables) and its stored bytes: a few dozen.
    assert len(made) <= len(whole) + 128, (len(made), len(whole))
