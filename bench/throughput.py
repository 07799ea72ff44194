"""Requests per second of common pages, as a share of a hello-world Flask app.

Both are served by gunicorn with the Procfile's settings (2 workers, 4 threads) in
the same run, and driven by wrk with the same load (-t2 -c16): each page right
after hello-world, three times, keeping the median ratio.
Absolute figures move with the machine's load; the share of hello-world is the
figure to compare. Goal: at least 40 % for each page.

The app has the demo content and stories. wrk sends no cookie, so every request is
a first visit, the costliest case: the share turn's form makes a new session and CSRF
token each time (home and the story list have no form, so they make neither). It
sends no Accept-Encoding either, so compression is not measured here.

Every wrk request asks the same way with no session, so after the first render (two
for the share turn) they are all served from the kept pages (webapp/page_cache.py):
this measures what most visitors get between two changes to the data. What a page
costs when made afresh (the first visitor after a change, every signed-in member) is
measured by `PAGE_CACHE=0 .venv/bin/python bench/in_process.py`.
Run: make bench   (or .venv/bin/python bench/throughput.py [seconds] [--accept-encoding br])
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from procfile import BIN, ROOT, app_env, gunicorn, procfile_web_command  # noqa: E402

PAGES = {"home": "/", "story list": "/stories/", "share, first turn": "/share/"}
GOAL = 0.40
ROUNDS = 3  # the median of 3 pairs


def wrk(url: str, seconds: int, headers: tuple = ()) -> float:
    result = subprocess.run(
        ["wrk", "-t2", "-c16", f"-d{seconds}s", *headers, url],
        capture_output=True,
        text=True,
        check=True,
    )
    if "Non-2xx" in result.stdout:
        raise SystemExit(f"{url} answered errors or redirects under load:\n{result.stdout}")
    return float(re.search(r"Requests/sec:\s+([\d.]+)", result.stdout).group(1))


def served_at(url: str) -> str:
    """wrk does not follow redirects: measure the page a browser ends up on."""
    with urllib.request.urlopen(url) as response:
        return response.url


def main() -> int:
    args = sys.argv[1:]
    headers: tuple = ()
    if "--accept-encoding" in args:
        at = args.index("--accept-encoding")
        headers = ("-H", f"Accept-Encoding: {args[at + 1]}")
        del args[at : at + 2]
    seconds = int(args[0]) if args else 5
    if not shutil.which("wrk"):
        raise SystemExit("wrk is missing: apt-get install wrk")
    command = procfile_web_command()
    hello = [a if a != "webapp:create_app()" else "hello:app" for a in command]
    hello += ["--chdir", str(ROOT / "bench")]
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        env = app_env(tmp)
        for step in ("load-demo", "load-demo-stories"):
            subprocess.run([str(BIN / "flask"), "--app", "webapp", step], cwd=ROOT,
                           env={**os.environ, **env}, check=True, capture_output=True)  # fmt: skip
        print(
            f"gunicorn as in the Procfile: {' '.join(command)}; wrk -t2 -c16 -d{seconds}s"
            f" {' '.join(headers)}, median of {ROUNDS}"
        )
        # Both servers stay up; each page is measured right after hello-world, ROUNDS
        # times, and the median ratio is kept, so a change in the machine's load moves
        # both figures of a pair alike.
        with (
            gunicorn(hello, tmp, env, name="hello") as hello_base,
            gunicorn(command, tmp, env) as base,
        ):
            for name, path in PAGES.items():
                url = served_at(base + path)
                pairs = [
                    (wrk(url, seconds, headers), wrk(hello_base + "/", seconds))
                    for _ in range(ROUNDS)
                ]
                rate, yardstick = sorted(pairs, key=lambda p: p[0] / p[1])[ROUNDS // 2]
                share = rate / yardstick
                mark = "" if share >= GOAL else f"  (goal {GOAL:.0%})"
                print(f"  {name:<18} {rate:>6,.0f} req/s, hello-world {yardstick:>6,.0f}:"
                      f" {share:>4.0%}{mark}  [{url.removeprefix(base)}]")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
