"""Selects with their SQL made once per shape (webapp/prepared.py)."""

from __future__ import annotations

import pytest

from webapp import prepared
from webapp.extensions import db
from webapp.models import Community
from webapp.prepared import prepared_select


def by_position(first: int, slugs: list[str], none_of=None):
    query = Community.select().where(Community.position >= first, Community.slug.in_(slugs))
    if none_of is not None:
        query = query.where(Community.slug != none_of)
    return query.order_by(Community.position)


def test_the_sql_is_made_once_per_shape_and_gives_what_a_fresh_query_gives(app):
    with app.app_context(), db.connection_context():
        for first, slugs, none_of in [
            (0, ["people", "staff"], None),
            (2, ["advocates", "people", "staff"], None),
            (0, ["advocates", "people", "staff"], "staff"),
            (1, ["advocates"], None),
        ]:
            rows = prepared_select(
                Community, "test.by_position", by_position,
                first=first, slugs=slugs, none_of=none_of,
            )  # fmt: skip
            fresh = list(by_position(first, slugs, none_of))
            assert [c.slug for c in rows] == [c.slug for c in fresh]
            assert rows and all(isinstance(c, Community) for c in rows)
        shapes = [s for s in prepared._prepared if s[0] == "test.by_position"]
        assert len(shapes) == 4, "lists of 2, 3 and 1, and one with none_of: the first two alike"
        assert all(prepared._prepared[s] is not None for s in shapes)


def test_a_value_made_into_a_pattern_is_built_afresh_every_time(app):
    def starting(prefix: str):
        return Community.select().where(Community.slug.startswith(prefix))

    with app.app_context(), db.connection_context():
        rows = prepared_select(Community, "test.starting", starting, prefix="peo")
        assert [c.slug for c in rows] == ["people"]
        assert (
            prepared._prepared[next(s for s in prepared._prepared if s[0] == "test.starting")]
            is None
        )
        assert [
            c.slug for c in prepared_select(Community, "test.starting", starting, prefix="st")
        ] == ["staff"]


def test_in_tests_a_shape_that_misses_part_of_the_query_fails_loudly(app):
    def by_size(n: int):  # the shape depends on n's value, which the shape cannot see
        query = Community.select()
        return query.where(Community.position < n) if n > 1 else query.where(Community.id == n)

    with (
        app.app_context(),
        db.connection_context(),
        pytest.raises(AssertionError, match="prepared"),
    ):
        prepared_select(Community, "test.by_size", by_size, n=5)  # prepared with a stand-in
