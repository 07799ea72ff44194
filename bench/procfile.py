"""Start gunicorn exactly as the Procfile's `web:` line does, on a port of our own.

Used by page_weight.py and throughput.py, so what they measure is what an operator's
server sends. The only additions are the port and `--control-socket` (gunicorn 27
puts the socket at one fixed path, so two servers at once would fight over it).
"""

from __future__ import annotations

import contextlib
import os
import shlex
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
sys.path.insert(0, str(ROOT))

from tests.real_servers import free_port, stop  # noqa: E402


def procfile_web_command() -> list[str]:
    for line in (ROOT / "Procfile").read_text().splitlines():
        if line.startswith("web:"):
            return shlex.split(line.removeprefix("web:"))
    raise SystemExit("The Procfile has no web: line")


def wait_until_up(url: str, process: subprocess.Popen, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"gunicorn stopped with {process.returncode} before serving {url}")
        try:
            urllib.request.urlopen(url, timeout=2).close()
            return
        except OSError:
            time.sleep(0.2)
    raise SystemExit(f"{url} did not answer within {seconds:.0f} s")


@contextlib.contextmanager
def gunicorn(
    command: list[str], tmp: Path, env: dict[str, str], name: str = "app"
) -> Iterator[str]:
    """Run `command` (a gunicorn command line, $PORT unexpanded); yield its base URL."""
    port = free_port()
    args = [a.replace("$PORT", str(port)).replace("0.0.0.0", "127.0.0.1") for a in command]
    if args[0] == "gunicorn":
        args[0] = str(BIN / "gunicorn")
    args += ["--control-socket", str(tmp / f"{name}.ctl")]
    log = (tmp / f"{name}.log").open("w")
    process = subprocess.Popen(
        args, cwd=ROOT, env={**os.environ, **env, "PORT": str(port)}, stdout=log, stderr=log
    )
    url = f"http://127.0.0.1:{port}"
    try:
        wait_until_up(url + "/", process)
        yield url
    finally:
        stop(process)
        log.close()


def app_env(tmp: Path) -> dict[str, str]:
    """A production-like environment with a fresh, migrated SQLite database, or the
    PostgreSQL database BENCH_DATABASE_URL names (emptied first: never a real one), e.g.
    scripts/test-postgres sh -c 'BENCH_DATABASE_URL=$TEST_DATABASE_URL .venv/bin/python bench/throughput.py'
    """
    database = os.environ.get("BENCH_DATABASE_URL") or f"sqlite:///{tmp / 'bench.db'}"
    if database.startswith("postgres"):
        _empty_postgres(database)
    env = {
        "APP_ENV": "production",
        "SECRET_KEY": "bench-only-secret",
        "DATABASE_URL": database,
        "STATIC_BUILD_DIR": str(tmp / "static"),
        "MAIL_OUTBOX_DIR": str(tmp / "outbox"),
    }
    # The Procfile's release step, minus compiling catalogues (make install did that).
    subprocess.run(
        [str(BIN / "flask"), "--app", "webapp", "migrate"],
        cwd=ROOT,
        env={**os.environ, **env},
        check=True,
        capture_output=True,
    )
    return env


def _empty_postgres(url: str) -> None:
    """A fresh schema for the bench, as a new SQLite file would be."""
    import psycopg2

    with psycopg2.connect(url) as connection, connection.cursor() as cursor:
        cursor.execute("DROP SCHEMA public CASCADE; CREATE SCHEMA public")
