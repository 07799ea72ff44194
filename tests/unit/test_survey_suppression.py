"""Survey results hide small groups: over random sets of answers, no count shown is under
the threshold, and no hidden count can be worked out from everything shown (the other
counts, the total, and the share that said yes), by trying every possible table."""

from __future__ import annotations

import itertools
from fractions import Fraction

from hypothesis import given, settings
from hypothesis import strategies as st

from webapp.aggregates import smallest
from webapp.surveys.definition import Point, Question
from webapp.surveys.results import SKIPPED, masked, published_months, question_result

QUESTION = Question(
    key="listened-to", kind="scale", plain="Listened to?", easy="Listened to?", picture="ear.svg",
    points=(Point("yes", "Yes", "Yes", "happy", True), Point("sometimes", "Sometimes", "Sometimes",
            "in-between"), Point("no", "No", "No", "sad")),
)  # fmt: skip
KEYS = ["yes", "sometimes", "no", SKIPPED]


def possible_tables(result, limit):
    """Every table a careful reader could believe from what the page shows."""
    table = result.table
    choices = []
    for key in KEYS:
        if table.shown[key] is not None:
            choices.append([table.shown[key]])
        elif key in table.small:
            choices.append(range(0, limit))
        else:
            choices.append(range(limit, table.total + 1))
    for values in itertools.product(*choices):
        cells = dict(zip(KEYS, values, strict=True))
        if sum(values) != table.total:
            continue
        share = result.share  # the reader also knows the exact share
        if share is not None and Fraction(cells["yes"], table.total) != share.exact:
            continue
        yield cells


answer = st.sampled_from(["yes", "sometimes", "no", None])


@settings(max_examples=500, deadline=None)
@given(st.lists(answer, min_size=0, max_size=24))
def test_no_small_group_can_be_seen_or_worked_out(answers):
    limit = smallest()
    counts = {v: answers.count(v) for v in ("yes", "sometimes", "no") if answers.count(v)}
    result = question_result(QUESTION, counts, len(answers))
    table = result.table
    for key, shown in table.shown.items():
        assert shown is None or shown >= limit, (key, answers)
    if table.total is None:  # too few people: nothing at all is shown
        assert result.share is None and all(v is None for v in table.shown.values())
        return
    hidden = [k for k in KEYS if table.shown[k] is None]
    tables = list(possible_tables(result, limit))
    assert tables, "the real table is always among the possibilities"
    for key in hidden:
        assert len({t[key] for t in tables}) > 1, (key, answers)
    if result.share is not None:
        assert result.share.answered == table.total >= limit


def test_the_share_is_shown_when_every_cell_it_needs_is_shown():
    result = question_result(QUESTION, {"yes": 6, "sometimes": 5, "no": 5}, 21)
    assert result.share.in_ten == 3 and result.share.exact == Fraction(6, 21)
    few_yes = question_result(QUESTION, {"yes": 2, "sometimes": 8, "no": 7}, 17)
    assert few_yes.table.shown["yes"] is None and few_yes.share is None


def test_nothing_is_shown_from_fewer_people_than_the_threshold():
    result = question_result(QUESTION, {"yes": 4}, smallest() - 1)
    assert result.table.total is None and result.share is None


def test_identifying_details_in_words_are_masked():
    text = masked("Call Sam Patel on 07700 900123 about the meeting.")
    assert "07700" not in text and "Patel" not in text
    assert "about the meeting" in text and "[…]" in text


def test_when_everyone_gives_one_answer_it_is_hidden_too():
    """Showing "7 said yes" out of 7 would say what each of them answered."""
    result = question_result(QUESTION, {"yes": 7}, 7)
    assert result.table.shown["yes"] is None and result.share is None


def test_months_are_shown_once_over_and_only_in_steps_of_the_threshold():
    people = {"2026-08": 6, "2026-09": 2, "2026-10": 1, "2026-11": 4, "2026-12": 9}
    # Sep and Oct wait, then go out with Nov (2 + 1 + 4 = 7); Dec is this month.
    assert published_months(people, "2026-12", 5) == {"2026-08", "2026-09", "2026-10", "2026-11"}
    assert published_months(people, "2026-11", 5) == {"2026-08"}
    assert published_months({"2026-08": 4}, "2027-01", 5) == set()


@settings(max_examples=300, deadline=None)
@given(st.lists(st.integers(min_value=0, max_value=8), min_size=1, max_size=8))
def test_what_is_shown_only_ever_grows_by_at_least_the_threshold(counts):
    """Month by month, the people shown grow by 0 or by at least the threshold."""
    limit = smallest()
    months = [f"2026-{m:02d}" for m in range(1, len(counts) + 1)]
    people = dict(zip(months, counts, strict=True))
    shown_before = 0
    for now in [*months[1:], "2027-01"]:
        shown = sum(people[m] for m in published_months(people, now, limit))
        assert shown == shown_before or shown - shown_before >= limit
        shown_before = shown
