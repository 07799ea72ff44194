"""Numbers about people, made safe to show: every group under the one threshold is hidden.

`SMALLEST_GROUP` (a setting, 5 by default) is the only threshold in the project. A count
under it is hidden ("fewer than 5"). Hiding one cell is not enough when the total is
shown: the total minus the other cells would give it back. So `suppress` also hides
further cells (secondary suppression) until no hidden cell can be worked out from what
is shown, and if even hiding every cell cannot protect them, hides the total too.

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
    while worked_out(counts, small, protecting, limit):
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
