"""Short signed values are left uncompressed; every form still loads."""

from __future__ import annotations

from itsdangerous import URLSafeTimedSerializer

from webapp.signing import PLAIN_UNDER, ShortPayloadsPlain

KEY = "a-test-key"


def test_short_payloads_are_plain_and_long_ones_still_compressed():
    ours = ShortPayloadsPlain(KEY, salt="s")
    short = ours.dumps({"csrf_token": "ab" * 20})
    long = ours.dumps({"words": "the same words again " * 40})
    assert not short.startswith(".") and long.startswith(".")
    assert len(str({"words": "the same words again " * 40})) > PLAIN_UNDER


def test_values_signed_either_way_load_either_way():
    ours = ShortPayloadsPlain(KEY, salt="s")
    theirs = URLSafeTimedSerializer(KEY, salt="s")
    for value in ({"csrf_token": "ab" * 20}, {"words": "again " * 200}, "a token"):
        assert theirs.loads(ours.dumps(value)) == value
        assert ours.loads(theirs.dumps(value)) == value
