"""Results per community and overall: no hidden count can be recovered from what is shown.

The attacker is exact. Given every number shown, that a count hidden as "fewer than 5"
holds 0 to 4 and one hidden to protect another holds 5 or more, and that every row and
column adds up to its total, integer programming finds the smallest and largest value each
hidden count could take. A hidden count is safe only when those differ.
"""

from __future__ import annotations

import random

import numpy as np
import pytest
from scipy.optimize import Bounds, LinearConstraint, milp

from webapp.aggregates import TOTAL, suppress_table

LIMIT = 5
BIG = 10_000


def recoverable(table, rows, cols) -> list:
    """The hidden cells whose value is fixed by what is shown."""
    inner = [(r, c) for r in rows for c in cols]
    index = {key: i for i, key in enumerate(inner)}
    hidden_inner = [k for k in inner if table.shown[k] is None]
    lo = np.array([0.0] * len(inner))
    hi = np.array([float(BIG)] * len(inner))
    for key in inner:
        if table.shown[key] is not None:
            lo[index[key]] = hi[index[key]] = table.shown[key]
        elif key in table.small:
            hi[index[key]] = LIMIT - 1
        else:
            lo[index[key]] = LIMIT
    rows_a, lbs, ubs = [], [], []

    def line(keys, total_key):
        vector = np.zeros(len(inner))
        for key in keys:
            vector[index[key]] = 1
        value = table.shown[total_key]
        if value is not None:
            low = high = value
        elif total_key in table.small:
            low, high = 0, LIMIT - 1
        else:
            low, high = LIMIT, BIG
        rows_a.append(vector)
        lbs.append(low)
        ubs.append(high)

    for c in cols:
        line([(r, c) for r in rows], (TOTAL, c))
    for r in rows:
        line([(r, c) for c in cols], (r, TOTAL))
    line(inner, (TOTAL, TOTAL))
    constraints = LinearConstraint(np.array(rows_a), lbs, ubs)
    integral = np.ones(len(inner))
    found = []

    def extreme(target, sign):
        cost = np.zeros(len(inner))
        cost[index[target]] = sign
        result = milp(cost, constraints=constraints, integrality=integral, bounds=Bounds(lo, hi))
        assert result.success, result.message
        return round(result.x[index[target]])

    for key in hidden_inner:
        if extreme(key, 1) == extreme(key, -1):
            found.append(key)
    # Hidden totals: a row's or column's total fixed by the others.
    for total_key in [(r, TOTAL) for r in rows] + [(TOTAL, c) for c in cols]:
        if table.shown[total_key] is not None:
            continue
        keys = (
            [(total_key[0], c) for c in cols]
            if total_key[1] == TOTAL
            else [(r, total_key[1]) for r in rows]
        )
        cost = np.zeros(len(inner))
        for key in keys:
            cost[index[key]] = 1
        low = milp(cost, constraints=constraints, integrality=integral, bounds=Bounds(lo, hi))
        high = milp(-cost, constraints=constraints, integrality=integral, bounds=Bounds(lo, hi))
        if round(low.fun) == round(-high.fun) and total_key not in table.small:
            found.append(total_key)
    return found


def check(counts, rows, cols):
    table = suppress_table(counts, rows, cols, limit=LIMIT)
    for key, value in table.shown.items():
        assert value is None or value >= LIMIT, (key, value)  # every small count is hidden
    assert not recoverable(table, rows, cols), (counts, table.shown)
    return table


def test_a_hidden_count_in_one_community_is_not_the_overall_minus_the_others():
    rows, cols = ["agree", "unsure", "disagree"], ["people", "staff"]
    counts = {("agree", "people"): 9, ("unsure", "people"): 6, ("disagree", "people"): 2,
              ("agree", "staff"): 8, ("unsure", "staff"): 7, ("disagree", "staff"): 6}  # fmt: skip
    table = check(counts, rows, cols)
    assert table.shown[("disagree", "people")] is None
    # Shown naively, the overall "disagree" (8) minus staff's 6 would give people's 2 back.
    assert table.shown[("disagree", TOTAL)] is None or table.shown[("disagree", "staff")] is None


def test_a_community_with_too_few_people_shows_nothing_and_cannot_be_worked_out():
    rows, cols = ["agree", "disagree"], ["people", "staff", "advocates"]
    counts = {("agree", "people"): 3, ("agree", "staff"): 9, ("disagree", "staff"): 7,
              ("agree", "advocates"): 6, ("disagree", "advocates"): 8}  # fmt: skip
    table = check(counts, rows, cols)
    assert table.shown[(TOTAL, "people")] is None
    assert all(table.shown[(r, "people")] is None for r in rows)


def test_large_counts_stay_shown():
    rows, cols = ["agree", "disagree"], ["people", "staff"]
    counts = {(r, c): 10 for r in rows for c in cols}
    table = check(counts, rows, cols)
    assert all(value == 10 for key, value in table.shown.items() if TOTAL not in key)


@pytest.mark.parametrize("seed", range(80))
def test_random_tables_leak_nothing(seed):
    rng = random.Random(seed)
    rows = [f"level{i}" for i in range(rng.choice([3, 4, 8]))]
    cols = [f"c{i}" for i in range(rng.choice([1, 2, 3]))]
    counts = {(r, c): rng.choice([0, 0, 1, 2, 3, 4, 5, 6, 8, 12]) for r in rows for c in cols}
    check(counts, rows, cols)
