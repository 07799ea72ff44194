"""CPU per request inside the process: the app called as WSGI, no server, no network.

Steadier than throughput.py on a shared machine: the best of several rounds, for the
same pages, as a multiple of the hello-world app called the same way. With --profile,
cProfile's top functions for each page (cumulative time).
With --brotli, each request asks for brotli, as browsers do (the bench's wrk does not).
Run: .venv/bin/python bench/in_process.py [--profile] [--brotli] [requests per round]
"""

from __future__ import annotations

import cProfile
import io
import os
import pstats
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from procfile import BIN, ROOT, app_env  # noqa: E402
from throughput import PAGES  # noqa: E402
from werkzeug.test import EnvironBuilder  # noqa: E402

ROUNDS = 9


def call(app, environ: dict) -> int:
    """One request, its body read to the end as a server would."""
    status = []
    body = app(dict(environ), lambda s, h, e=None: status.append(s))
    for _chunk in body:
        pass
    if hasattr(body, "close"):
        body.close()
    return int(status[0].split()[0])


def per_request_ms(app, environ: dict, count: int) -> float:
    best = float("inf")
    for _ in range(ROUNDS):
        start = time.perf_counter()
        for _ in range(count):
            call(app, environ)
        best = min(best, (time.perf_counter() - start) / count)
    return best * 1000


def main() -> int:
    profile = "--profile" in sys.argv
    numbers = [a for a in sys.argv[1:] if a.isdigit()]
    count = int(numbers[0]) if numbers else 300
    with tempfile.TemporaryDirectory() as tmp_name:
        env = app_env(Path(tmp_name))
        for step in ("load-demo", "load-demo-stories"):
            subprocess.run([str(BIN / "flask"), "--app", "webapp", step], cwd=ROOT,
                           env={**os.environ, **env}, check=True, capture_output=True)  # fmt: skip
        os.environ.update(env)
        from hello import app as hello

        from webapp import create_app

        app = create_app()
        hello_environ = EnvironBuilder(path="/").get_environ()
        hello_ms = per_request_ms(hello, hello_environ, count)
        print(f"hello-world: {hello_ms:.3f} ms a request (best of {ROUNDS} rounds of {count})")
        for name, path in PAGES.items():
            asks = {"Accept-Encoding": "gzip, deflate, br"} if "--brotli" in sys.argv else {}
            environ = EnvironBuilder(path=path, headers=asks).get_environ()
            status = call(app, environ)
            if status in (301, 302, 308):
                raise SystemExit(f"{path} redirects: measure the page it leads to")
            ms = per_request_ms(app, environ, count)
            print(f"  {name:<18} {ms:.3f} ms, {ms / hello_ms:4.1f} times hello-world [{status}]")
            if profile:
                profiler = cProfile.Profile()
                profiler.enable()
                for _ in range(count):
                    call(app, environ)
                profiler.disable()
                out = io.StringIO()
                stats = pstats.Stats(profiler, stream=out).sort_stats(
                    os.environ.get("SORT", "cumulative")
                )
                stats.print_stats(40)
                calls = stats.total_calls / count
                print(f"    about {calls:,.0f} calls a request\n{out.getvalue()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
