"""Real servers for tests and benches: Redis from Debian's package, and the app
under gunicorn. Each on a free port of its own, and stopped afterwards."""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
import redis

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def redis_server_binary() -> str:
    """redis-server, installed from Debian's packages when missing and we are root."""
    found = shutil.which("redis-server")
    if found:
        return found
    if os.geteuid() == 0 and shutil.which("apt-get"):
        env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
        subprocess.run(["apt-get", "update", "-qq"], check=True, env=env)
        subprocess.run(
            ["apt-get", "install", "-y", "-qq", "redis-server"],
            check=True, env=env, capture_output=True,
        )  # fmt: skip
        return shutil.which("redis-server") or "/usr/bin/redis-server"
    message = "redis-server is missing: apt-get install redis-server (needs root)"
    if os.environ.get("CI"):
        pytest.fail(message)
    pytest.skip(message)


def stop(process: subprocess.Popen) -> None:
    process.terminate()
    try:
        process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


@contextlib.contextmanager
def redis_server(tmp: Path) -> Iterator[str]:
    """A throwaway Redis that never writes to disk; yields its URL."""
    port = free_port()
    process = subprocess.Popen(
        [redis_server_binary(), "--port", str(port), "--bind", "127.0.0.1",
         "--save", "", "--appendonly", "no", "--dir", str(tmp)],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    url = f"redis://127.0.0.1:{port}/0"
    try:
        client = redis.Redis.from_url(url)
        for _ in range(100):
            with contextlib.suppress(redis.ConnectionError):
                if client.ping():
                    break
            time.sleep(0.1)
        client.close()
        yield url
    finally:
        stop(process)


@contextlib.contextmanager
def app_server(tmp: Path, name: str, env: dict[str, str], workers: int = 1) -> Iterator[str]:
    """The app under gunicorn, with its own port and control socket; yields its URL."""
    port = free_port()
    log = (tmp / f"{name}.log").open("w")
    process = subprocess.Popen(
        [str(BIN / "gunicorn"), "--bind", f"127.0.0.1:{port}", "--workers", str(workers),
         "--threads", "4", "--control-socket", str(tmp / f"{name}.ctl"), "webapp:create_app()"],
        cwd=ROOT, env={**os.environ, **env}, stdout=log, stderr=log,
    )  # fmt: skip
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(150):
            if process.poll() is not None:
                pytest.fail(f"gunicorn stopped: {(tmp / f'{name}.log').read_text()}")
            with contextlib.suppress(OSError):
                urllib.request.urlopen(url + "/help", timeout=2).close()
                break
            time.sleep(0.2)
        yield url
    finally:
        stop(process)
        log.close()
