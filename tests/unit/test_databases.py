"""What each database guarantees: set-up, pooled connections, foreign keys, one writer at a time.

Tests marked sqlite_only or postgres_only run in the matching half of `make test`; the
PostgreSQL equivalent of each SQLite-only guarantee is tested beside it.
"""

from __future__ import annotations

import sqlite3
import threading
import time

import pytest
from peewee import IntegrityError, PostgresqlDatabase
from playhouse.pool import PooledPostgresqlDatabase

from tests.conftest import PageClient
from tests.databases import copies
from webapp import config, create_app
from webapp.database import DEFAULT_POOL_SIZE, open_database, write_transaction
from webapp.extensions import db
from webapp.migrations import STEPS, current_version, migrate
from webapp.models import Community, Member, SchemaVersion


def test_a_postgresql_url_gets_a_pool_of_the_documented_size(monkeypatch):
    database = open_database("postgresql://user:pw@db.internal:5432/cg")
    assert isinstance(database, PooledPostgresqlDatabase)
    assert database._max_connections == DEFAULT_POOL_SIZE == 5
    monkeypatch.setenv("DATABASE_POOL_SIZE", "12")
    assert open_database("postgres://user:pw@db.internal/cg")._max_connections == 12
    assert isinstance(open_database("postgresql+pool://db.internal/cg"), PostgresqlDatabase)


@pytest.mark.sqlite_only
def test_sqlite_runs_in_wal_mode_with_foreign_keys(app):
    with db.connection_context():
        assert db.execute_sql("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert db.execute_sql("PRAGMA foreign_keys").fetchone()[0] == 1
        assert db.execute_sql("PRAGMA busy_timeout").fetchone()[0] == 5000


@pytest.mark.postgres_only
def test_postgresql_is_pooled_and_a_page_returns_its_connection(app, client):
    assert isinstance(db.obj, PooledPostgresqlDatabase)
    assert client.get("/stories/").status_code == 200
    assert db.is_closed(), "the request gave its connection back"
    assert len(db.obj._in_use) == 0 and len(db.obj._connections) == 1, "kept for the next one"


@pytest.mark.sqlite_only
def test_sqlite_keeps_a_connection_per_thread_and_never_reads_an_old_copy(app):
    """The connection outlives the request, but nothing the request left half done does:
    a half-read statement would keep the old copy of the database (WAL), and an open
    transaction would hold it too."""
    path = app.config["DATABASE_URL"].removeprefix("sqlite:///")
    left_behind = []
    with app.test_request_context("/"):
        first = db.execute_sql("SELECT name FROM community")
        first.fetchone()  # half read, and still referenced after the request
        left_behind.append(first)
        db.execute_sql("BEGIN")  # and a transaction nobody ended
        kept = db.connection()
    assert not kept.in_transaction
    other = sqlite3.connect(path)
    other.execute(
        "INSERT INTO community (slug, name, summary, position, open_membership)"
        " VALUES ('new', 'New', 'Added elsewhere.', 9, 0)"
    )
    other.commit()
    other.close()
    with app.test_request_context("/"):
        assert db.connection() is kept, "the same connection, not a new one"
        assert "New" in [c.name for c in Community.in_order()], "what another process wrote"


def test_a_static_file_opens_no_connection_even_for_a_member(app, client):
    PageClient(client).sign_in()
    opened = []
    original = db.obj._connect
    db.obj._connect = lambda *a, **k: opened.append(1) or original(*a, **k)
    try:
        response = client.get("/static/css/site.css")
        response.close()
        assert response.status_code == 200
    finally:
        db.obj._connect = original
    assert not opened


def test_foreign_keys_are_enforced(app):
    with db.connection_context(), pytest.raises(IntegrityError), db.atomic():
        Member.create(display_name="Nobody", name_key="nobody", community=9999, password_hash="x")


def test_write_transactions_run_one_at_a_time(app):
    """The second writer waits for the first to commit, so it reads what the first wrote:
    BEGIN IMMEDIATE on SQLite, an advisory lock on PostgreSQL."""
    order, inside = [], threading.Event()

    def first():
        with db.connection_context(), write_transaction():
            Community.select().count()
            inside.set()
            time.sleep(0.5)
            order.append("first commits")

    def second():
        inside.wait()
        with db.connection_context(), write_transaction():
            order.append("second starts")

    threads = [threading.Thread(target=first), threading.Thread(target=second)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert order == ["first commits", "second starts"]


def test_two_machines_migrating_at_once_apply_each_step_once(tmp_path):
    """Each step re-checks, under the write lock, that nobody applied it meanwhile."""
    url = copies().new(tmp_path / "empty.db", empty=True)
    create_app(config.TestConfig(), DATABASE_URL=url)
    done, errors = [], []

    def release() -> None:
        try:
            with db.connection_context():
                done.append(migrate())
        except Exception as error:
            errors.append(error)

    threads = [threading.Thread(target=release) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    try:
        assert not errors, errors
        assert sum(len(applied) for applied in done) == len(STEPS), done
        with db.connection_context():
            assert current_version() == STEPS[-1][0]
            assert SchemaVersion.select().count() == len(STEPS)
    finally:
        copies().drop(url)
