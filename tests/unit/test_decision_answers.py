"""The answers a decision offers, and how a view is sealed."""

from __future__ import annotations

from pathlib import Path

import pytest
from cryptography.exceptions import InvalidTag

from webapp.decisions import sealing
from webapp.decisions.gradients import DOORS, LEVELS, QUICK_LEVELS

PICTURES = Path(__file__).resolve().parents[2] / "webapp" / "static" / "pictures"


def test_the_8_gradients_in_kaners_later_wording_each_with_a_number_picture_and_easy_read():
    assert [lv.number for lv in LEVELS] == list(range(1, 9))
    assert [str(lv.label.standard) for lv in LEVELS] == [
        "Whole-hearted endorsement", "Agreement with a minor point of contention",
        "Support with reservations", "Abstain", "More discussion needed",
        "Don't like but will support", "Serious disagreement", "Block",
    ]  # fmt: skip
    assert len({lv.picture for lv in LEVELS}) == 8, "a different picture (shape) for each"
    assert len({lv.pattern for lv in LEVELS}) == 8, "a different chart pattern for each"
    for lv in LEVELS + QUICK_LEVELS:
        assert (PICTURES / lv.picture).is_file()
        assert str(lv.meaning.standard) and str(lv.meaning.easyread)
        assert str(lv.label.easyread) != str(lv.meaning.easyread)


def test_every_level_is_behind_exactly_one_front_door():
    behind = [key for _wording, keys in DOORS.values() for key in keys]
    assert sorted(behind) == sorted(lv.key for lv in LEVELS)
    assert [lv.key for lv in LEVELS if lv.opposes] == ["serious", "block"]
    assert [lv.key for lv in LEVELS if lv.asks_question] == ["discuss"]


def test_a_view_needs_the_secret_to_find_and_to_read(app):
    with app.app_context():
        key = sealing.view_key(3, 12)
        sealed = sealing.seal(key, {"level": "block", "reason": "No way"})
        assert "block" not in sealed and "No way" not in sealed and "12" not in key
        assert sealing.unseal(key, sealed) == {"level": "block", "reason": "No way"}
        assert sealing.seal(key, {"level": "block"}) != sealing.seal(key, {"level": "block"})
        with pytest.raises(InvalidTag):  # a sealed view moved to another row does not open
            sealing.unseal(sealing.view_key(3, 13), sealed)
    app.config["SECRET_KEY"] = "another secret entirely"
    with app.app_context():
        assert sealing.view_key(3, 12) != key
        with pytest.raises(InvalidTag):
            sealing.unseal(key, sealed)
