"""Small groups stay hidden: no shown number is under the threshold, and no hidden one
can be worked out from the numbers that are shown (checked by trying every possibility)."""

from __future__ import annotations

import itertools

from hypothesis import given, settings
from hypothesis import strategies as st

from webapp.aggregates import shown_count, smallest, suppress


def possible_tables(result, keys, limit):
    """Every table a careful reader could believe, given what is shown."""
    total = result.total
    choices = []
    for key in keys:
        if result.shown[key] is not None:
            choices.append([result.shown[key]])
        elif key in result.small:
            choices.append(range(0, limit))
        else:
            choices.append(range(limit, total + 1))
    for values in itertools.product(*choices):
        if sum(values) == total:
            yield dict(zip(keys, values, strict=True))


@settings(max_examples=400, deadline=None)
@given(st.lists(st.integers(min_value=0, max_value=14), min_size=1, max_size=5))
def test_no_hidden_count_can_be_worked_out(values):
    limit = 5
    counts = {f"level {i}": n for i, n in enumerate(values)}
    result = suppress(counts, limit)
    for key, shown in result.shown.items():
        assert shown is None or shown >= limit, (key, counts)
    if result.total is None:
        assert all(v is None for v in result.shown.values())
        return
    assert result.total == sum(values)
    keys = list(counts)
    tables = list(possible_tables(result, keys, limit))
    assert counts in tables  # what is shown is true
    rest = sum(counts[k] for k in keys if result.shown[k] is None)
    assert rest == 0 or rest >= limit, (counts, result)  # the hidden ones, taken together
    for key in keys:
        if result.shown[key] is None:
            assert len({table[key] for table in tables}) > 1, (counts, result)


def test_one_small_group_beside_a_total_takes_another_cell_with_it():
    result = suppress({"yes": 9, "no": 3, "not sure": 6}, 5)
    assert result.shown["no"] is None
    assert result.shown["not sure"] is None  # else 18 - 9 - 6 gives the 3 back
    assert result.shown["yes"] == 9
    assert result.total == 18


def test_the_hidden_cells_together_are_never_a_small_group():
    # 9 answered and 8 said "yes, mostly": showing the 8 tells everyone that exactly one
    # person said something else, though no single hidden cell could be worked out.
    result = suppress({"yes": 8, "no": 1, "not sure": 0, "skipped": 0}, 5)
    assert result.shown == {"yes": None, "no": None, "not sure": None, "skipped": None}
    assert result.total == 9
    result = suppress({"yes": 8, "no": 3, "not sure": 2, "skipped": 0}, 5)
    assert result.shown["yes"] == 8  # the other 5 are a group big enough to stand


def test_too_few_people_show_nothing():
    result = suppress({"yes": 2, "no": 2}, 5)
    assert not result.safe
    assert result.shown == {"yes": None, "no": None}


def test_big_groups_are_all_shown():
    result = suppress({"yes": 7, "no": 5}, 5)
    assert result.shown == {"yes": 7, "no": 5}
    assert not result.small and not result.protecting


def test_the_threshold_is_one_setting(app):
    assert smallest() == 5
    app.config["SMALLEST_GROUP"] = 10
    try:
        with app.app_context():
            assert smallest() == 10
            assert shown_count(7) is None
            assert suppress({"yes": 7, "no": 8}).shown == {"yes": None, "no": None}
    finally:
        app.config["SMALLEST_GROUP"] = 5
