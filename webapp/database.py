"""Connecting to the database named by DATABASE_URL: SQLite, or PostgreSQL through a pool.

SQLite gets WAL mode, foreign keys and a busy timeout, so concurrent writers wait
instead of failing. A PostgreSQL URL gets a pool of connections per process
(DATABASE_POOL_SIZE, 5 by default), unless it already names a pool ("+pool").

Connections open lazily, at a request's first query, so a request that needs no
data (a static file, a content page) never takes one. On SQLite each thread keeps its
connection between requests (see SqliteKeptOpen); a pooled one goes back to its pool.
"""

from __future__ import annotations

import os
import sqlite3
import threading
import weakref
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from flask import Flask
from peewee import Database, DatabaseError, PostgresqlDatabase, SqliteDatabase
from playhouse.db_url import connect, parse

from .extensions import db

SQLITE_PRAGMAS = {
    "journal_mode": "wal",
    "foreign_keys": 1,
    "busy_timeout": 5000,
    "synchronous": "normal",
    # Deleted rows are overwritten with zeros, so a withdrawn story is gone from the file.
    "secure_delete": 1,
}
# Per process. Sync gunicorn workers use one at a time; threads may use more.
DEFAULT_POOL_SIZE = 5
# Recycle a pooled connection after 5 minutes idle; wait up to 10 s for a free one.
POOL_STALE_SECONDS = 300
POOL_WAIT_SECONDS = 10
# write_transaction()'s lock on PostgreSQL: any fixed number, the same in every process.
WRITE_LOCK_KEY = 0x436F6D47  # "ComG"


class SqliteKeptOpen(SqliteDatabase):
    """SQLite with one connection per thread, kept open from one request to the next.

    Opening one cost more than a page's queries: the file, reading the schema, five
    pragmas. What a request leaves behind is cleared when it ends (`end_request`): every
    cursor still open is closed, because in WAL mode a half-read statement keeps the
    database as it was when it began, and the next request on this thread would read
    that old copy (a withdrawn story, say). A transaction left open is rolled back.
    """

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._open_cursors = threading.local()  # this thread's, weakly: never kept alive
        self._watch_lock = threading.Lock()
        self._watch: sqlite3.Connection | None = None
        self._watch_pid: int | None = None

    def _cursors(self) -> list[weakref.ref]:
        if not hasattr(self._open_cursors, "list"):
            self._open_cursors.list = []
        return self._open_cursors.list

    def cursor(self, named_cursor=None) -> sqlite3.Cursor:
        cursor = super().cursor(named_cursor)
        self._cursors().append(weakref.ref(cursor))
        return cursor

    def close(self) -> bool:
        closed = super().close()
        self._cursors().clear()  # they went with their connection
        return closed

    def data_version(self) -> int:
        """A number that changes whenever any connection commits, in any process.

        Read on a connection of its own that never writes: SQLite's data_version counts
        the commits of every *other* connection, so this one sees them all, this
        process's included. Made afresh after a fork (a connection must not cross one)."""
        with self._watch_lock:
            if self._watch_pid != os.getpid():
                self._watch = sqlite3.connect(
                    self.database, check_same_thread=False, isolation_level=None
                )
                self._watch_pid = os.getpid()
            return self._watch.execute("PRAGMA data_version").fetchone()[0]

    def end_request(self) -> None:
        cursors = self._cursors()
        for still_open in cursors:
            cursor = still_open()
            if cursor is not None:
                cursor.close()
        cursors.clear()
        connection = self._state.conn
        if connection is not None and (connection.in_transaction or self.in_transaction()):
            connection.rollback()
            self._state.transactions.clear()


def pool_size() -> int:
    return int(os.environ.get("DATABASE_POOL_SIZE") or DEFAULT_POOL_SIZE)


def open_database(url: str) -> Database:
    if url.startswith("sqlite:///"):
        Path(url.removeprefix("sqlite:///")).parent.mkdir(parents=True, exist_ok=True)
    if url.startswith("sqlite:"):
        return SqliteKeptOpen(
            parse(url)["database"], pragmas=SQLITE_PRAGMAS, check_same_thread=False
        )
    scheme, rest = url.split("://", 1)
    if scheme in ("postgres", "postgresql"):
        return connect(
            f"{scheme}+pool://{rest}",
            max_connections=pool_size(),
            stale_timeout=POOL_STALE_SECONDS,
            timeout=POOL_WAIT_SECONDS,
        )
    return connect(url)


def init_database(app: Flask) -> None:
    # No connection is opened up front: peewee connects at a request's first query
    # (autoconnect), so a page that needs no data (home, help) costs no connection.
    db.initialize(open_database(app.config["DATABASE_URL"]))

    @app.teardown_request
    def _end(_exc: BaseException | None) -> None:
        if isinstance(db.obj, SqliteKeptOpen):
            db.obj.end_request()
        elif not db.is_closed():
            db.close()  # a pooled connection goes back to the pool


def data_generation() -> object:
    """A value that differs after any commit to the database, by any process or machine,
    for kept pages (webapp/page_cache.py): equal values mean the same data.

    SQLite: the data_version of a connection kept for watching. PostgreSQL: the current
    snapshot (the next transaction id and those still running), which changes when any
    transaction that writes starts or ends; one query, on the request's pooled connection.
    """
    if isinstance(db.obj, SqliteKeptOpen):
        return db.obj.data_version()
    return db.execute_sql("SELECT pg_current_snapshot()::text").fetchone()[0]


def release_connection() -> None:
    """After a page served without Flask: a pooled connection goes back to its pool."""
    if not isinstance(db.obj, SqliteKeptOpen) and not db.is_closed():
        db.close()


def is_postgres() -> bool:
    return isinstance(db.obj, PostgresqlDatabase)


@contextmanager
def write_transaction() -> Iterator[None]:
    """A transaction for read-then-write work, one at a time across every process.

    On SQLite, BEGIN IMMEDIATE takes the database's write lock at the start. On PostgreSQL
    a transaction-level advisory lock does the same: the second writer waits for the first
    to commit, then reads what it wrote. So a check such as "is this name free?" made inside
    still holds when the write lands, and a unique constraint becomes the form's own error.
    Reads never wait.
    """
    if isinstance(db.obj, SqliteDatabase):
        with db.atomic("IMMEDIATE"):
            yield
        return
    with db.atomic():
        # Taken again in a nested call: PostgreSQL counts it, and frees it at commit.
        db.execute_sql("SELECT pg_advisory_xact_lock(%s)", (WRITE_LOCK_KEY,))
        yield


def forget_deleted() -> str | None:
    """Make deleted rows leave the files on disk, as far as the database allows.

    SQLite zeroes deleted rows as it deletes (secure_delete); a checkpoint then empties its
    write-ahead log. PostgreSQL only marks deleted rows dead, and a plain VACUUM leaves their
    bytes in place: VACUUM FULL rewrites each table into a new file and deletes the old one.
    Switching to a new write-ahead log file and a checkpoint then let PostgreSQL delete the
    log files that held the words (with wal_recycle = off; see the README). Those two need
    the pg_checkpoint role and pg_switch_wal(); without them a note says what to grant.
    Run outside any transaction: the daily job calls it.
    """
    if isinstance(db.obj, SqliteDatabase):
        db.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        return None
    for table in db.get_tables():
        db.execute_sql(f'VACUUM FULL "{table}"')
    try:
        db.execute_sql("SELECT pg_switch_wal()")
        db.execute_sql("CHECKPOINT")
    except DatabaseError:
        return (
            "The tables are rewritten, but the write-ahead log may keep deleted words until "
            "PostgreSQL recycles it. Grant the database user the pg_checkpoint role and "
            "EXECUTE on pg_switch_wal() so that this command can clear it."
        )
    return None
