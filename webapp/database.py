"""Connecting to the database named by DATABASE_URL.

SQLite gets WAL mode, foreign keys and a busy timeout, so concurrent writers wait
instead of failing. PostgreSQL URLs work through playhouse.db_url.
"""

from __future__ import annotations

from contextlib import AbstractContextManager
from pathlib import Path

from flask import Flask
from peewee import Database, SqliteDatabase
from playhouse.db_url import connect

from .extensions import db

SQLITE_PRAGMAS = {
    "journal_mode": "wal",
    "foreign_keys": 1,
    "busy_timeout": 5000,
    "synchronous": "normal",
    # Deleted rows are overwritten with zeros, so a withdrawn story is gone from the file.
    "secure_delete": 1,
}


def open_database(url: str) -> Database:
    if url.startswith("sqlite:///"):
        Path(url.removeprefix("sqlite:///")).parent.mkdir(parents=True, exist_ok=True)
    if url.startswith("sqlite"):
        return connect(url, pragmas=SQLITE_PRAGMAS, check_same_thread=False)
    return connect(url)


def init_database(app: Flask) -> None:
    # No connection is opened up front: peewee connects at a request's first query
    # (autoconnect), so a page that needs no data (home, help) costs no connection.
    db.initialize(open_database(app.config["DATABASE_URL"]))

    @app.teardown_request
    def _close(_exc: BaseException | None) -> None:
        if not db.is_closed():
            db.close()


def write_transaction() -> AbstractContextManager:
    """A transaction for read-then-write work.

    On SQLite it takes the write lock at the start (BEGIN IMMEDIATE), so two writers
    never both read and then collide on the write.
    """
    if isinstance(db.obj, SqliteDatabase):
        return db.atomic("IMMEDIATE")
    return db.atomic()
