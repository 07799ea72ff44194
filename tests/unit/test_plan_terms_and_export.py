"""What changed between two versions of terms of reference, and the plan's CSV."""

from __future__ import annotations

import copy
import csv
import io

from webapp.plans.export import as_csv, safe_cell
from webapp.plans.terms import changes, form_data, parts_from_form, word_pieces

OLD = {
    "aim": {"plain": "We check that promised changes happen.", "easy": "We check promises."},
    "meets": {"plain": "Once a month.", "easy": ""},
    "in_scope": [{"plain": "Letters", "easy": ""}, {"plain": "Carers", "easy": ""}],
    "out_of_scope": [{"plain": "Pay", "easy": "", "instead": "the unions", "instead_easy": ""}],
}


def test_only_the_changed_parts_are_shown():
    new = copy.deepcopy(OLD)
    new["aim"]["plain"] = "We check that promised changes happen quickly."
    new["in_scope"] = [{"plain": "Letters", "easy": ""}, {"plain": "Feedback", "easy": ""}]
    found = changes(OLD, new, easy=False)
    assert [str(c.name) for c in found] == [
        "What we are working towards",
        "What is in scope: what we work on",
    ]
    aim, scope = found
    assert aim.pieces == [("same", "We check that promised changes happen"), ("same", " "), ("in", "quickly"),
                          ("same", ".")]  # fmt: skip
    assert scope.added == ["Feedback"] and scope.removed == ["Carers"]


def test_the_same_words_show_no_change_and_easy_read_compares_easy_words():
    assert changes(OLD, copy.deepcopy(OLD), easy=False) == []
    new = copy.deepcopy(OLD)
    new["aim"]["easy"] = "We check every promise."
    assert changes(OLD, new, easy=False) == []  # the plain words did not change
    (aim,) = changes(OLD, new, easy=True)
    assert aim.pieces == [
        ("same", "We check "),
        ("out", "promises"),
        ("in", "every promise"),
        ("same", "."),
    ]


def test_where_to_take_it_instead_is_part_of_an_out_of_scope_item():
    new = copy.deepcopy(OLD)
    new["out_of_scope"][0]["instead"] = "the employer"
    (change,) = changes(OLD, new, easy=False)
    assert change.added == ["Pay (the employer)"] and change.removed == ["Pay (the unions)"]


def test_word_pieces_keep_the_new_text_whole():
    pieces = word_pieces("one two three", "one four three")
    assert pieces == [("same", "one "), ("out", "two"), ("in", "four"), ("same", " three")]
    assert word_pieces("a b", "a c d") == [("same", "a "), ("out", "b"), ("in", "c d")]


def test_the_form_round_trips_the_parts():
    parts = {
        **{k: {"plain": f"{k} words", "easy": ""} for k in
           ("aim", "meets", "membership", "decisions", "confidentiality", "behaviour")},
        "in_scope": [{"plain": "Letters", "easy": "Clear letters"}],
        "out_of_scope": [{"plain": "Pay", "easy": "Money", "instead": "the unions",
                          "instead_easy": "a union"}],
    }  # fmt: skip
    assert parts_from_form(form_data(parts)) == parts


def test_formula_cells_get_an_apostrophe():
    for start in ("=", "+", "-", "@", "\t", "\r"):
        assert safe_cell(start + "SUM(A1)") == "'" + start + "SUM(A1)"
    assert safe_cell("Plain words = fine") == "Plain words = fine"
    assert safe_cell(None) == ""


def test_the_csv_reads_back_with_its_columns_and_escaping():
    table = [
        ["Activity", "Lead"],
        ['Say "hello", then =1+1', '=HYPERLINK("x")'],
        ["Two\nlines", "@me"],
    ]
    text = as_csv(table)
    assert text.startswith("\ufeff")
    read = list(csv.reader(io.StringIO(text.lstrip("\ufeff"))))
    assert read == [
        ["Activity", "Lead"],
        ['Say "hello", then =1+1', '\'=HYPERLINK("x")'],
        ["Two\nlines", "'@me"],
    ]
