"""Selects whose SQL is worked out once per shape, then reused with new values.

Peewee writes a query's SQL afresh every time it runs, and for the story list that took
ten times as long as SQLite took to answer it. `prepared_select(model, name, build,
**values)` builds the query once for each shape, with stand-in values, keeps its SQL and
where each value goes, and from then on only puts the values in.

The shape is the name, the database, and what the values are like: which are None,
each True or False, and how many items each list holds (an IN of 3 is not an IN of 4).
`build` may use a value only as it is, compared or listed: a value turned into
something else (a LIKE pattern made from it, say) cannot be found again, and such a
query is simply built afresh every time. In tests every prepared query is also built
afresh and must give the same SQL and parameters, so a mistake cannot hide.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Hashable
from typing import Any

from flask import current_app, has_app_context
from peewee import Model, ModelSelect

from .extensions import db

_NOT_YET = object()
# shape -> (sql, where each parameter comes from), or None when it cannot be prepared
_prepared: dict[Hashable, tuple[str, tuple] | None] = {}
STAND_IN_BASE = -(10**15)  # no id, count or limit is anywhere near


def _shape(value: Any) -> Hashable:
    if value is None or isinstance(value, bool):
        return value
    if isinstance(value, list | tuple):
        return ("list", len(value))
    return type(value).__name__


def _stand_in(number: int, like: Any) -> Any:
    """A value of the same type as `like` that no real query holds; stand-ins sort in
    the order of their numbers, as the real values of a list are sorted."""
    if isinstance(like, int):
        return STAND_IN_BASE + number
    if isinstance(like, str):
        return f"\x00stand-in {number:06d}\x00"
    if isinstance(like, dt.date) and not isinstance(like, dt.datetime):
        return dt.date(1, 1, 1) + dt.timedelta(days=number)
    raise TypeError(f"prepared_select cannot stand in for {type(like).__name__}")


def _prepare(build: Callable[..., ModelSelect], values: dict[str, Any]):
    flat, stand_ins = [], {}
    for name, value in values.items():
        if value is None or isinstance(value, bool):
            stand_ins[name] = value  # part of the shape itself
        elif isinstance(value, list | tuple):
            stand_ins[name] = [_stand_in(len(flat) + i, item) for i, item in enumerate(value)]
            flat.extend((name, i) for i in range(len(value)))
        else:
            stand_ins[name] = _stand_in(len(flat), value)
            flat.append((name, None))
    sql, params = build(**stand_ins).sql()
    known = {}
    for where in flat:
        name, index = where
        value = stand_ins[name] if index is None else stand_ins[name][index]
        known[(type(value), value)] = where
    sources, found = [], set()
    for param in params:
        where = known.get((type(param), param))
        if where is not None:
            sources.append((True, where))
            found.add(where)
        elif isinstance(param, str) and "\x00stand-in" in param:
            return None  # a value was made into something else: build it every time
        else:
            sources.append((False, param))  # the query's own constant
    if len(found) != len(flat):
        return None
    return sql, tuple(sources)


def _params(sources: tuple, values: dict[str, Any]) -> list:
    params = []
    for is_value, source in sources:
        if not is_value:
            params.append(source)
            continue
        name, index = source
        params.append(values[name] if index is None else values[name][index])
    return params


def prepared_select(
    model: type[Model], name: str, build: Callable[..., ModelSelect], **values: Any
) -> list:
    """The rows of `build(**values)`, a select of whole `model` rows. Lists in `values`
    must be sorted, as `build` would sort them."""
    shape = (name, type(db.obj), *((key, _shape(v)) for key, v in values.items()))
    entry = _prepared.get(shape, _NOT_YET)
    if entry is _NOT_YET:
        entry = _prepared[shape] = _prepare(build, values)
    if entry is None:
        return list(build(**values))
    sql, sources = entry
    params = _params(sources, values)
    if has_app_context() and current_app.testing:
        fresh = build(**values).sql()
        assert fresh == (sql, params), f"{name}: prepared {sql, params} but built {fresh}"
    return list(model.raw(sql, *params))
