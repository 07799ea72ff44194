"""Numbers about people, made safe to show: every group under the one threshold is hidden.

`SMALLEST_GROUP` (a setting, 5 by default) is the only threshold in the project. A count
under it is hidden ("fewer than 5"). Hiding one cell is not enough when the total is
shown: the total minus the other cells would give it back. So `suppress` also hides
further cells (secondary suppression) until no hidden cell can be worked out from what
is shown, and if even hiding every cell cannot protect them, hides the total too.

The hidden cells taken together are a group of people too ("everyone who did not say
yes"): the total minus the shown cells is never left between 1 and the threshold, or
"9 answered, 8 said yes" would tell a small group that one of them said something else.

"Worked out" is judged as a careful reader would: they know the total, every shown
cell, and that a cell hidden as "fewer than N" holds 0 to N-1 while a cell hidden to
protect another holds at least N. A hidden cell is safe when more than one value fits.
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping
from dataclasses import dataclass, field

from flask import current_app, has_app_context

DEFAULT_SMALLEST = 5


def smallest() -> int:
    """The one threshold: groups smaller than this are never shown."""
    if has_app_context():
        return int(current_app.config.get("SMALLEST_GROUP", DEFAULT_SMALLEST))
    return DEFAULT_SMALLEST


@dataclass
class Suppressed:
    """What may be shown of a set of counts.

    shown[key] is the count, or None when it is hidden. `small` holds the keys hidden
    because they are under the threshold; `protecting` those hidden to protect them.
    `total` is None when even the total may not be shown (too few people in all).
    """

    shown: dict[Hashable, int | None]
    total: int | None
    small: set[Hashable] = field(default_factory=set)
    protecting: set[Hashable] = field(default_factory=set)

    @property
    def safe(self) -> bool:
        """False when too few people took part to show anything."""
        return self.total is not None


def _ranges(counts, small, protecting, limit, total):
    lo = {k: 0 if k in small else limit for k in small | protecting}
    hi = {k: limit - 1 if k in small else total for k in small | protecting}
    return lo, hi


def worked_out(counts: Mapping, small: set, protecting: set, limit: int) -> set:
    """The hidden keys whose count a reader could work out from the total and the rest."""
    hidden = small | protecting
    if not hidden:
        return set()
    total = sum(counts.values())
    remainder = sum(counts[k] for k in hidden)  # the total minus every shown cell
    lo, hi = _ranges(counts, small, protecting, limit, total)
    found = set()
    for key in hidden:
        others_lo = sum(lo[k] for k in hidden if k != key)
        others_hi = sum(hi[k] for k in hidden if k != key)
        low = max(lo[key], remainder - others_hi)
        high = min(hi[key], remainder - others_lo)
        if low >= high:
            found.add(key)
    return found


def suppress(counts: Mapping[Hashable, int], limit: int | None = None) -> Suppressed:
    """Hide every count under the threshold, and enough others that none can be worked out."""
    limit = smallest() if limit is None else limit
    counts = dict(counts)
    total = sum(counts.values())
    if total < limit:
        return Suppressed({k: None for k in counts}, None, set(counts), set())
    small = {k for k, n in counts.items() if n < limit}
    protecting: set = set()

    def gives_away() -> bool:
        rest = sum(counts[k] for k in small | protecting)  # what the hidden cells hold
        return bool(worked_out(counts, small, protecting, limit)) or 0 < rest < limit

    while gives_away():
        shown = [k for k in counts if k not in small | protecting]
        if not shown:  # every cell hidden and still one can be worked out: hide the total
            return Suppressed({k: None for k in counts}, None, small, protecting)
        # Hide the smallest shown count: it gives away the least.
        protecting.add(min(shown, key=lambda k: counts[k]))
    return Suppressed(
        {k: (None if k in small | protecting else n) for k, n in counts.items()},
        total,
        small,
        protecting,
    )


def shown_count(count: int, limit: int | None = None) -> int | None:
    """One number on its own (no total beside it): None when it is under the threshold."""
    limit = smallest() if limit is None else limit
    return count if count >= limit else None


@dataclass
class SuppressedTable:
    """What may be shown of a table of counts with a total for every row and column.

    shown[(row, col)] is the count or None; totals are the cells keyed by TOTAL in either
    place, so `shown[(TOTAL, col)]` is a column's total and `shown[(TOTAL, TOTAL)]` the
    grand total.
    """

    shown: dict[tuple[Hashable, Hashable], int | None]
    small: set[tuple[Hashable, Hashable]] = field(default_factory=set)
    protecting: set[tuple[Hashable, Hashable]] = field(default_factory=set)

    def column(self, col: Hashable, rows) -> Suppressed:
        """One column as a Suppressed, for a page that shows one community's table."""
        cells = {row: self.shown[(row, col)] for row in rows}
        return Suppressed(
            cells,
            self.shown[(TOTAL, col)],
            {row for row in rows if (row, col) in self.small},
            {row for row in rows if (row, col) in self.protecting},
        )


TOTAL = "total"


def _moves(rows, cols):
    """Every smallest change to the inner counts that keeps the table adding up, as the
    cells it touches with +1 or -1: a rectangle of four inner cells changes no total; two
    cells in one column move two row totals; two in one row move two column totals; one
    cell moves its row's, its column's and the grand total."""
    T = TOTAL
    found = []
    for i, r1 in enumerate(rows):
        for r2 in rows[i + 1 :]:
            for j, c1 in enumerate(cols):
                for c2 in cols[j + 1 :]:
                    found.append({(r1, c1): 1, (r1, c2): -1, (r2, c1): -1, (r2, c2): 1})
            for c in cols:
                found.append({(r1, c): 1, (r2, c): -1, (r1, T): 1, (r2, T): -1})
    for r in rows:
        for j, c1 in enumerate(cols):
            for c2 in cols[j + 1 :]:
                found.append({(r, c1): 1, (r, c2): -1, (T, c1): 1, (T, c2): -1})
    for r in rows:
        for c in cols:
            found.append({(r, c): 1, (r, T): 1, (T, c): 1, (T, T): 1})
    return found


def _fits(move, cell, small, limit, sign) -> bool:
    """Whether every touched cell stays in the range a reader knows it is in."""
    for key, step in move.items():
        value = cell[key] + sign * step
        if value < 0 or (key in small and value >= limit) or (key not in small and value < limit):
            return False
    return True


def suppress_table(counts: Mapping[tuple[Hashable, Hashable], int], rows, cols,
                   limit: int | None = None) -> SuppressedTable:  # fmt: skip
    """Hide small counts in a table whose rows and columns each have a total shown beside them
    (results per community and overall), so that no hidden cell can be worked out from its
    row, its column, the totals, or all of them together: a community's hidden count is
    never the overall count minus the other communities'.

    The proof is a certificate for every hidden cell that is not 0: a change to the table that alters that
    cell, keeps every shown number and every total, and keeps each hidden cell in the range a
    reader knows ("fewer than N": 0 to N-1; hidden to protect: N or more). If one exists, two
    tables fit what is shown, so the cell cannot be worked out. A hidden cell without one
    gets one by hiding the fewest further cells (the smallest counts first).
    """
    limit = smallest() if limit is None else limit
    rows, cols = list(rows), list(cols)
    cell = {(r, c): counts.get((r, c), 0) for r in rows for c in cols}
    for r in rows:
        cell[(r, TOTAL)] = sum(cell[(r, c)] for c in cols)
    for c in [*cols, TOTAL]:
        cell[(TOTAL, c)] = sum(cell[(r, c)] for r in rows)
    small = {key for key, n in cell.items() if n < limit}
    protecting: set = set()
    for c in [*cols, TOTAL]:  # a community with too few people in all shows nothing
        if cell[(TOTAL, c)] < limit:
            protecting |= {(r, c) for r in [*rows, TOTAL]} - small
    moves = _moves(rows, cols)

    def certified(key) -> bool:
        hidden = small | protecting
        return any(
            key in move and set(move) <= hidden
            and (_fits(move, cell, small, limit, 1) or _fits(move, cell, small, limit, -1))
            for move in moves
        )  # fmt: skip

    # A count of 0 singles out nobody, so it needs no certificate of its own (it stays hidden
    # as "fewer than N", and can still protect the others). Otherwise every result where most
    # answers were never chosen would be hidden whole.
    while exposed := [
        key for key in cell if key in small | protecting and cell[key] and not certified(key)
    ]:
        key = exposed[0]
        options = [
            move for move in moves
            if key in move
            and (_fits(move, cell, small, limit, 1) or _fits(move, cell, small, limit, -1))
        ]  # fmt: skip
        if not options:  # nothing can protect it: show nothing at all
            protecting |= set(cell) - small
            break
        best = min(options, key=lambda m: (
            len(set(m) - small - protecting), sum(cell[k] for k in set(m) - small - protecting)
        ))  # fmt: skip
        protecting |= set(best) - small
    hidden = small | protecting
    return SuppressedTable(
        {key: (None if key in hidden else n) for key, n in cell.items()}, small, protecting
    )
