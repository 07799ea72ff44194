"""Results: counted from the sealed views, made safe, then said in words, a table and a chart.

Every number goes through the one threshold (aggregates.smallest). With several
communities (or views from people who are not yet regular members, counted apart), the
table per group and the overall table are suppressed together (aggregates.suppress_table),
so a group's hidden count is never the overall count minus the others'.

Nothing here is about one person: reasons are one list without names or levels, in an
order that says nothing about who wrote them or when (alphabetical).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from flask_babel import lazy_gettext as _l
from flask_babel import ngettext

from ..aggregates import TOTAL, shown_count, smallest, suppress, suppress_table
from ..models import Community, Member
from ..wording import say
from .gradients import Level, levels_for
from .models import Decision, Participation, View

NEWER = "newer"  # the column for views from people who are not yet regular members


@dataclass
class Row:
    level: Level
    count: int | None  # None when hidden
    small: bool  # hidden because under the threshold (else hidden to protect another)


@dataclass
class Table:
    name: object  # a community's name, or a wording
    key: str
    total: int | None
    rows: list[Row]

    @property
    def safe(self) -> bool:
        return self.total is not None


@dataclass
class Results:
    levels: list[Level]
    overall: Table
    groups: list[Table] = field(default_factory=list)
    reasons: list[str] = field(default_factory=list)
    named: list[tuple[str, Level, str]] = field(default_factory=list)  # named decisions only
    questions: list[str] = field(default_factory=list)
    people: int | None = None  # how many gave a view, when at least the threshold

    @property
    def safe(self) -> bool:
        return self.overall.safe


def participants(decision: Decision) -> int | None:
    """How many have given a view, for while it is open: None under the threshold."""
    return shown_count(Participation.count_for(decision))


def _group_of(view: dict, decision: Decision) -> str:
    if decision.only_regular and not view.get("regular", True):
        return NEWER
    return str(view.get("community", ""))


def count_views(decision: Decision) -> Results:
    views = View.all_for(decision)
    levels = levels_for(decision.method)
    keys = [lv.key for lv in levels]
    communities = decision.communities()
    columns = [str(c.id) for c in communities] if len(communities) > 1 else []
    if decision.only_regular:
        columns = (columns or ["regular"]) + [NEWER]
    names = {str(c.id): c.name for c in communities}
    names["regular"] = say(_l("Regular members"), _l("Regular members"))
    names[NEWER] = say(_l("People who are not yet regular members"),
                       _l("People who are new"))  # fmt: skip
    counts: dict = {}
    for view in views:
        group = _group_of(view, decision)
        if columns and group not in columns:
            group = "regular" if "regular" in columns else group
        key = (view["level"], group if columns else "all")
        counts[key] = counts.get(key, 0) + 1
    levels_by_key = {lv.key: lv for lv in levels}
    # A named decision shows who said what, so its counts hide nothing more.
    limit = None if decision.anonymous else 0
    if columns:
        table = suppress_table(counts, keys, columns, limit=limit)
        groups = [_table(names[c], c, table.column(c, keys), levels_by_key) for c in columns]
        overall = _table(say(_l("Everyone"), _l("Everyone")), TOTAL,
                         table.column(TOTAL, keys), levels_by_key)  # fmt: skip
    else:
        single = suppress({k: counts.get((k, "all"), 0) for k in keys}, limit=limit)
        groups, overall = [], _table(say(_l("Everyone"), _l("Everyone")), TOTAL, single,
                                     levels_by_key)  # fmt: skip
    results = Results(levels, overall, groups, people=shown_count(len(views)))
    if overall.safe:  # with too few people, even words could point to someone
        results.reasons = sorted(v["reason"] for v in views if v.get("reason"))
        if not decision.anonymous:
            results.named = _named(views, levels_by_key)
    results.questions = sorted(v["question"] for v in views if v.get("question"))
    return results


def _table(name, key: str, suppressed, levels_by_key) -> Table:
    rows = [
        Row(levels_by_key[k], suppressed.shown[k], k in suppressed.small) for k in levels_by_key
    ]
    return Table(name, key, suppressed.total, rows)


def _named(views, levels_by_key) -> list[tuple[str, Level, str]]:
    members = Member.named({v["member"] for v in views if v.get("member")})
    found = []
    for view in views:
        member = members.get(view.get("member"))
        name = member.display_name if member else str(say(_l("A former member")))
        found.append((name, levels_by_key[view["level"]], view.get("reason") or ""))
    return sorted(found, key=lambda row: (row[1].number, row[0].casefold()))


def summary(results: Results) -> list:
    """The sentences said first, in the member's variant. Every number in them is either
    shown in the table or a sum of numbers shown there, so they reveal nothing more."""
    table = results.overall
    if not table.safe and results.people is not None:
        return [say(
            _l("%(n)s people gave their view. Their answers stay hidden: with so many alike, "
               "showing them would show how each person answered.", n=results.people),
            _l("%(n)s people answered. We do not show the answers. They would show what each "
               "person said.", n=results.people),
        )]  # fmt: skip
    if not table.safe:
        return [say(
            _l("Not enough people gave a view to show the results safely (fewer than %(n)s).",
               n=smallest()),
            _l("Fewer than %(n)s people answered. We do not show the answers. This keeps people private.",
               n=smallest()),
        )]  # fmt: skip
    sentences = [say(
        ngettext("%(num)s person gave their view.", "%(num)s people gave their view.", table.total),
        ngettext("%(num)s person answered.", "%(num)s people answered.", table.total),
    )]  # fmt: skip
    live = [row for row in table.rows if row.level.can_live_with]
    if live:
        known = sum(row.count or 0 for row in live)
        exact = all(row.count is not None for row in live)
        if exact:
            sentences.append(say(_l("%(n)s can live with it or better.", n=known),
                                 _l("%(n)s people said it is OK or better.", n=known)))  # fmt: skip
        elif known:
            sentences.append(say(_l("At least %(n)s can live with it or better.", n=known),
                                 _l("%(n)s people or more said it is OK or better.", n=known)))  # fmt: skip
    opposed = [row for row in table.rows if row.level.opposes]
    for row in opposed:
        if row.count is not None:
            label = row.level.label
            sentences.append(say(
                _l("%(n)s chose “%(label)s”.", n=row.count, label=label.standard),
                _l("%(n)s people chose “%(label)s”.", n=row.count, label=label.easyread),
            ))  # fmt: skip
        else:
            sentences.append(say(
                _l("Fewer than %(n)s people, or nobody, chose “%(label)s”.", n=smallest(),
                   label=row.level.label.standard),
                _l("Fewer than %(n)s people chose “%(label)s”. Maybe nobody did.", n=smallest(),
                   label=row.level.label.easyread),
            ))  # fmt: skip
    return sentences


def community_names() -> dict[int, str]:
    return {c.id: c.name for c in Community.in_order()}
