"""Flags are hints: offensive words from the maintained list and the operator's list,
identifying details, and highlighting that never lets a person's words become HTML."""

from __future__ import annotations

import pytest

from webapp.facilitation.flags import (
    IDENTIFYING,
    OFFENSIVE,
    find_flags,
    flag_kinds,
    highlighted,
    maintained_terms,
    offensive_words,
)


@pytest.fixture
def ctx(app):
    with app.app_context():
        yield app


def test_the_maintained_list_is_loaded():
    assert len(maintained_terms()) > 500


def test_offensive_words_are_found_as_whole_words_only(ctx):
    found = offensive_words("The ward was shit. The Scunthorpe office was fine.")
    assert [f.text for f in found] == ["shit"]
    assert offensive_words("A classic assessment, nothing rude here.") == []


def test_look_alike_characters_are_read_as_letters(ctx):
    found = offensive_words("They said it was sh1t")
    assert [(f.text, f.start, f.end) for f in found] == [("sh1t", 17, 21)]


def test_the_operators_list_adds_terms_and_is_read_again_when_changed(tmp_path):
    from tests.conftest import make_app

    (tmp_path / "content" / "moderation").mkdir(parents=True)
    terms = tmp_path / "content" / "moderation" / "extra-terms.txt"
    terms.write_text("# a note\nwobbly gizmo\n")
    app = make_app(tmp_path / "f.db", CONTENT_DIR=tmp_path / "content")
    with app.app_context():
        assert [f.text for f in offensive_words("What a Wobbly Gizmo he was")] == ["Wobbly Gizmo"]
        assert offensive_words("a note") == []
        import os

        terms.write_text("flibbert\n")
        os.utime(terms, (1, 1))  # a different modification time
        assert offensive_words("What a wobbly gizmo") == []
        assert [f.text for f in offensive_words("a flibbert")] == ["flibbert"]


@pytest.mark.parametrize(
    ("text", "term"),
    [("He called me a spastic", "spastic"), ("a total idiot who should be sacked", "idiot"),
     ("they said I was a nutter", "nutter"), ("treated like a mental case", "mental case"),
     ("the psycho in bed 3", "psycho")],
)  # fmt: skip
def test_the_shipped_extra_terms_cover_disablist_and_mental_health_insults(ctx, text, term):
    assert [f.text for f in offensive_words(text)] == [term]


def test_flag_kinds_in_a_fixed_order(ctx):
    flags = find_flags("This is crap")
    assert flag_kinds(flags) == [OFFENSIVE]
    assert flag_kinds([]) == []


def test_identifying_details_are_flagged_when_the_check_exists(ctx):
    pytest.importorskip("webapp.stories.identifying")
    flags = find_flags("Ring me on 07700 900123 any time")
    assert IDENTIFYING in flag_kinds(flags)


def test_highlighting_escapes_everything_and_marks_the_flagged_words(ctx):
    text = "<script>alert(1)</script> this is shit\n\nA second paragraph"
    html = str(highlighted(text, find_flags(text)))
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "<mark>shit</mark>" in html
    assert html.count("<p>") == 2


def test_overlapping_flags_make_one_mark(ctx):
    from webapp.facilitation.flags import Flag

    flags = [Flag(OFFENSIVE, "ab", 0, 2), Flag(IDENTIFYING, "bc", 1, 3)]
    assert str(highlighted("abcd", flags)) == "<p><mark>abc</mark>d</p>"
