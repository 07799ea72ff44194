"""What may be shown of a community's survey answers: every small group hidden.

For each wave and scale question the counts are one table: each answer, plus "skipped",
adding up to the people who answered that wave. `aggregates.suppress` hides every cell
under the threshold and enough others that none can be worked out. A share ("7 in 10
said yes", of everyone who answered the wave) is shown only when it can be worked out
from cells already shown, so it never gives a hidden cell away. Words are shown only when at least the threshold answered the
wave, with identifying details masked first. Trends compare only waves that pass.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from fractions import Fraction

from ..aggregates import Suppressed, shown_count, smallest, suppress
from ..models import Community
from ..stories.identifying import KINDS, find_details
from .definition import Question, Survey
from .models import SurveyAnswer
from .waves import WAVES, month_of

SKIPPED = "_skipped"


@dataclass(frozen=True)
class Share:
    """How many said yes, out of everyone who answered that wave."""

    yes: int
    answered: int

    @property
    def in_ten(self) -> int:
        return round(Fraction(self.yes * 10, self.answered))

    @property
    def exact(self) -> Fraction:
        return Fraction(self.yes, self.answered)


@dataclass
class QuestionResult:
    question: Question
    table: Suppressed
    share: Share | None

    def shown(self, value: str) -> int | None:
        return self.table.shown.get(value)

    def hidden_to_protect(self, value: str) -> bool:
        return value in self.table.protecting


@dataclass
class WaveResult:
    months: int
    took_part: int | None  # None: fewer than the threshold answered (or nobody)
    questions: list[QuestionResult] = field(default_factory=list)
    words: list[tuple[Question, list[str]]] = field(default_factory=list)

    @property
    def safe(self) -> bool:
        return self.took_part is not None

    def result_for(self, key: str) -> QuestionResult | None:
        return next((r for r in self.questions if r.question.key == key), None)


def question_result(question: Question, counts: dict[str, int], took_part: int) -> QuestionResult:
    """One question's table and share, from raw counts; `took_part` people answered the wave."""
    cells = {point.value: counts.get(point.value, 0) for point in question.points}
    cells[SKIPPED] = max(took_part - sum(cells.values()), 0)
    table = suppress(cells)
    return QuestionResult(question, table, share_of(question, table, cells))


def share_of(question: Question, table: Suppressed, cells: dict[str, int]) -> Share | None:
    """The share of everyone who answered the wave that said yes (skipping is not a yes),
    only when every cell it needs is shown: then it tells a reader nothing new."""
    if not table.safe or any(table.shown[value] is None for value in question.yes_values):
        return None
    return Share(sum(cells[v] for v in question.yes_values), table.total)


MASK = "[…]"


def masked(text: str) -> str:
    """Words with every detail the identifying check flags replaced, so none is shown."""
    out, last = [], 0
    for detail in find_details(text):
        if detail.kind in KINDS and detail.start >= last:
            out += [text[last : detail.start], MASK]
            last = detail.end
    return "".join(out + [text[last:]]).strip()


def published_chunks(people: dict[str, int], this_month: str, limit: int) -> list[list[str]]:
    """The months whose answers are shown, in the groups they were added in. A month is
    added once it is over, and only with at least `limit` people's answers: a smaller month
    waits to be added with the months after it. So the results never change by fewer than
    `limit` people, and comparing the page before and after one person answered does not
    show what they said."""
    chunks, waiting, count = [], [], 0
    for month in sorted(m for m in people if m < this_month):
        waiting.append(month)
        count += people[month]
        if count >= limit:
            chunks.append(waiting)
            waiting, count = [], 0
    return chunks


def published_months(people: dict[str, int], this_month: str, limit: int) -> set[str]:
    return {month for chunk in published_chunks(people, this_month, limit) for month in chunk}


def community_results(
    survey: Survey, community: Community, today: dt.date, since: dt.date | None = None
) -> list[WaveResult]:
    """Every wave's results. With `since` (the day a goal was set), only the answers given
    in the months after that day's month: whole groups of months as they were added, so a
    goal's figures and the page's never differ by fewer than the threshold of people."""
    took_part = SurveyAnswer.took_part(community)
    results = []
    for months in WAVES:
        by_month = {m: n for (w, m), n in took_part.items() if w == months}
        chunks = published_chunks(by_month, month_of(today), smallest())
        if since is not None:
            chunks = [chunk for chunk in chunks if chunk[0] > month_of(since)]
        shown = {month for chunk in chunks for month in chunk}
        people = sum(by_month[m] for m in shown)
        tallies = SurveyAnswer.tallies(community, months, shown) if shown else {}
        wave = WaveResult(months, shown_count(people) if people else None)
        for question in survey.scale_questions:
            counts = {v: n for (q, v), n in tallies.items() if q == question.key}
            wave.questions.append(question_result(question, counts, people))
        if wave.safe:
            for question in survey.text_questions:
                texts = SurveyAnswer.words(community, months, question.key, shown)
                wave.words.append((question, [w for w in map(masked, texts) if w]))
        results.append(wave)
    return results


def trend(results: list[WaveResult], key: str) -> list[tuple[int, Share | None]]:
    """The share that said yes at each wave; None where that wave does not pass."""
    return [(w.months, (r.share if (r := w.result_for(key)) else None)) for w in results]
