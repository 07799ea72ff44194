"""A bar chart drawn on the server as SVG, with text labels on every bar.

The table above it carries the same figures for screen readers; the chart is an extra.
Bars are outlined on a full-width track, the goal is a dashed line with its own label,
and a wave that cannot be shown is a hatched track with words: never colour alone."""

from __future__ import annotations

from dataclasses import dataclass

from .results import Share

WIDTH, LEFT, TRACK = 300, 4, 290
ROW = 72  # a line for the wave, a line for its figure, then the bar


@dataclass(frozen=True)
class Bar:
    months: int
    share: Share | None
    y: int  # top of the label line
    width: float  # 0 when not shown

    @property
    def words_y(self) -> int:
        return self.y + 20

    @property
    def bar_y(self) -> int:
        return self.y + 30


@dataclass(frozen=True)
class Chart:
    bars: list[Bar]
    height: int
    target_x: float | None
    target: int | None
    left: int = LEFT
    track: int = TRACK
    width: int = WIDTH


def trend_chart(trend: list[tuple[int, Share | None]], target: int | None = None) -> Chart:
    top = 26 if target else 0  # room for the goal's own label
    bars = [
        Bar(months, share, top + i * ROW + 16, TRACK * float(share.exact) if share else 0)
        for i, (months, share) in enumerate(trend)
    ]
    target_x = LEFT + TRACK * target / 10 if target else None
    return Chart(bars, top + len(bars) * ROW, target_x, target)
