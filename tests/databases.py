"""Test databases: migrate one per session, then give each test its own copy.

SQLite by default: the migrated file is copied for each test. With TEST_DATABASE_URL (or a
PostgreSQL DATABASE_URL) naming a PostgreSQL server's maintenance database, as
`scripts/test-postgres` sets it, each test gets its own database on that server, made with
CREATE DATABASE ... TEMPLATE from one migrated template. The named database is never written.
"""

from __future__ import annotations

import itertools
import os
import shutil
import tempfile
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from webapp import create_app
from webapp.config import TestConfig
from webapp.extensions import db


def server_url() -> str | None:
    url = os.environ.get("TEST_DATABASE_URL") or os.environ.get("DATABASE_URL") or ""
    return url if url.startswith("postgres") else None


def migrate_and_load_demo(url: str) -> None:
    app = create_app(TestConfig(), DATABASE_URL=url)
    runner = app.test_cli_runner()
    for command in ("migrate", "load-demo"):
        result = runner.invoke(args=[command])
        assert result.exit_code == 0, result.output


def close_connections() -> None:
    """Close this process's connections, pooled ones included, so a database can be copied
    or dropped."""
    if db.obj is None:
        return
    if hasattr(db.obj, "close_all"):
        db.obj.close_all()
    if not db.is_closed():
        db.close()


class SqliteCopies:
    name = "sqlite"

    def __init__(self) -> None:
        self.folder = Path(tempfile.mkdtemp(prefix="common-ground-template-"))
        self.template = self.folder / "template.db"
        migrate_and_load_demo(f"sqlite:///{self.template}")
        with db.connection_context():  # everything into the main file, so one copy is whole
            db.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        close_connections()

    def new(self, path: Path, empty: bool = False) -> str:
        if not empty:
            shutil.copyfile(self.template, path)
        return f"sqlite:///{path}"

    def drop(self, url: str) -> None:
        close_connections()  # the copy itself is in the test's tmp_path, which pytest removes

    def close(self) -> None:
        shutil.rmtree(self.folder, ignore_errors=True)


class PostgresCopies:
    name = "postgresql"

    def __init__(self, url: str) -> None:
        import psycopg2

        self.server = urlsplit(url)
        self.prefix = f"cg_test_{os.getpid()}"
        self.numbers = itertools.count(1)
        self.made: set[str] = set()
        self.admin = psycopg2.connect(url)
        self.admin.autocommit = True  # CREATE and DROP DATABASE cannot run in a transaction
        self.template = f"{self.prefix}_template"
        self._run(f'DROP DATABASE IF EXISTS "{self.template}"')
        self._run(f'CREATE DATABASE "{self.template}"')
        migrate_and_load_demo(self.url(self.template))
        close_connections()  # a template must have no connections while it is copied

    def _run(self, sql: str) -> None:
        with self.admin.cursor() as cursor:
            cursor.execute(sql)

    def url(self, name: str) -> str:
        return urlunsplit(self.server._replace(path=f"/{name}"))

    def new(self, _path: Path | None = None, empty: bool = False) -> str:
        name = f"{self.prefix}_{next(self.numbers)}"
        template = "template1" if empty else self.template
        self._run(f'CREATE DATABASE "{name}" TEMPLATE "{template}"')
        self.made.add(name)
        return self.url(name)

    def drop(self, url: str) -> None:
        close_connections()
        name = urlsplit(url).path.lstrip("/")
        self._run(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        self.made.discard(name)

    def close(self) -> None:
        close_connections()
        for name in [*self.made, self.template]:
            self._run(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        self.admin.close()


_copies: SqliteCopies | PostgresCopies | None = None


def copies() -> SqliteCopies | PostgresCopies:
    """The session's template, made on first use."""
    global _copies
    if _copies is None:
        url = server_url()
        _copies = PostgresCopies(url) if url else SqliteCopies()
    return _copies


def close_copies() -> None:
    global _copies
    if _copies is not None:
        _copies.close()
        _copies = None


def is_postgres() -> bool:
    return server_url() is not None


def files_on_disk(app, with_log: bool = True) -> bytes:
    """Every byte kept on disk for the app's database: SQLite's file and its write-ahead log,
    or, on PostgreSQL, the database's own folder (after a checkpoint) and the server's
    write-ahead log."""
    import pytest

    url = app.config["DATABASE_URL"]
    if url.startswith("sqlite"):
        path = Path(url.removeprefix("sqlite:///"))
        return b"".join(p.read_bytes() for p in path.parent.glob(path.name + "*"))
    with db.connection_context():
        db.execute_sql("CHECKPOINT")  # what is only in memory reaches the files
        data = Path(db.execute_sql("SHOW data_directory").fetchone()[0])
        oid = db.execute_sql(
            "SELECT oid FROM pg_database WHERE datname = current_database()"
        ).fetchone()[0]
    if not data.is_dir():
        pytest.skip("the PostgreSQL server's files are not on this machine")
    folders = [data / "base" / str(oid), *([data / "pg_wal"] if with_log else [])]
    return b"".join(p.read_bytes() for folder in folders for p in folder.iterdir() if p.is_file())
