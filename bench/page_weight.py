"""Bytes on the wire for the home page, from gunicorn started as the Procfile starts it.

curl asks with `Accept-Encoding: gzip, br`, as a phone's browser does, and counts
the bytes of each body as sent (compressed) and of the headers.
- First visit: the HTML, then every stylesheet, script, icon and picture it names.
- Repeat visit: what a browser with those files cached sends again: the HTML (it is
  no-store), plus a request for every file whose Cache-Control does not let the
  browser reuse it without asking.

Goals: first visit at most 30 KB of bodies, htmx included; repeat visit the HTML alone.
Run: make bench   (or .venv/bin/python bench/page_weight.py)
"""

from __future__ import annotations

import gzip
import re
import subprocess
import sys
import tempfile
from pathlib import Path

import brotli
from bs4 import BeautifulSoup

sys.path.insert(0, str(Path(__file__).resolve().parent))

from procfile import app_env, gunicorn, procfile_web_command  # noqa: E402

BUDGET = 30 * 1024
ACCEPT = "Accept-Encoding: gzip, br"


def fetch(url: str, tmp: Path) -> tuple[dict[str, str], bytes, int]:
    """(headers, body as sent, header bytes) for one GET, as curl sees it."""
    head, body = tmp / "head", tmp / "body"
    subprocess.run(["curl", "-s", "-H", ACCEPT, "-D", str(head), "-o", str(body), url], check=True)
    raw_head = head.read_bytes()
    headers = {}
    for line in raw_head.decode("latin-1").splitlines()[1:]:
        name, _, value = line.partition(":")
        headers[name.strip().lower()] = value.strip()
    return headers, body.read_bytes(), len(raw_head)


def decoded(headers: dict[str, str], body: bytes) -> bytes:
    encoding = headers.get("content-encoding", "")
    if encoding == "br":
        return brotli.decompress(body)
    if encoding == "gzip":
        return gzip.decompress(body)
    return body


def reusable_without_asking(headers: dict[str, str]) -> bool:
    cache = headers.get("cache-control", "")
    age = re.search(r"max-age=(\d+)", cache)
    return "immutable" in cache and bool(age) and int(age.group(1)) > 0


def assets_of(html: bytes) -> list[str]:
    soup = BeautifulSoup(html, "html.parser")
    urls = [t["href"] for t in soup.select("link[rel=stylesheet], link[rel=icon]")]
    urls += [t["src"] for t in soup.select("script[src], img[src]")]
    return list(dict.fromkeys(urls))


def visit(base: str, page: str, tmp: Path) -> None:
    headers, body, head_bytes = fetch(base + page, tmp)
    rows = [(f"HTML {page}", headers, body, head_bytes)]
    for url in assets_of(decoded(headers, body)):
        rows.append((url, *fetch(base + url, tmp)))

    print(f"First visit to {page}:")
    for name, headers, body, head_bytes in rows:
        sent = headers.get("content-encoding", "identity")
        print(f"  {name:<52} {len(body):>7,} bytes ({sent}) + {head_bytes:>4,} of headers")
    bodies = sum(len(r[2]) for r in rows)
    heads = sum(r[3] for r in rows)
    verdict = "within" if bodies <= BUDGET else "OVER"
    print(f"  {'total, ' + str(len(rows)) + ' requests':<52} {bodies:>7,} bytes"
          f" + {heads:>5,} of headers: {verdict} the {BUDGET:,}-byte budget")  # fmt: skip

    again = [r for r in rows[1:] if not reusable_without_asking(r[1])]
    repeat_body = len(body := fetch(base + page, tmp)[1])
    print(f"Repeat visit to {page}: {1 + len(again)} request(s), the HTML {repeat_body:,} bytes")
    for name, *_ in again:
        print(f"  revalidates {name}")
    print()


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        with gunicorn(procfile_web_command(), tmp, app_env(tmp)) as base:
            print(f"gunicorn as in the Procfile: {' '.join(procfile_web_command())}\n")
            for page in ("/", "/?view=easyread"):
                visit(base, page, tmp)
    return 0


if __name__ == "__main__":
    sys.exit(main())
