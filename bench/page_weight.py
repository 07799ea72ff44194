"""Bytes of a first visit to the home page: the HTML plus every CSS and JS file it loads.

Prints raw and gzipped sizes. The budget is 30 KB gzipped, htmx included.
Run: make bench   (or .venv/bin/python bench/page_weight.py)
"""

from __future__ import annotations

import gzip
import sys
import tempfile
from pathlib import Path

from bs4 import BeautifulSoup

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from webapp import create_app  # noqa: E402
from webapp.config import TestConfig  # noqa: E402

BUDGET_GZIP = 30 * 1024


def gz(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=9))


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        app = create_app(TestConfig(), DATABASE_URL=f"sqlite:///{tmp}/bench.db")
        app.test_cli_runner().invoke(args=["migrate"])
        client = app.test_client()
        rows = []
        for view in ("standard", "easyread"):
            client.delete_cookie("view")
            html = client.get(f"/?view={view}").get_data()
            soup = BeautifulSoup(html, "html.parser")
            assets = [t["href"] for t in soup.select("link[rel=stylesheet]")]
            assets += [t["src"] for t in soup.select("script[src]")]
            files = [(f"home page HTML ({view})", html)]
            files += [(url, client.get(url).get_data()) for url in assets]
            rows.append((view, files))

    for view, files in rows:
        print(f"First visit to the home page, {view}:")
        for name, data in files:
            print(f"  {name:<40} {len(data):>8,} bytes raw {gz(data):>8,} bytes gzipped")
        raw = sum(len(d) for _, d in files)
        packed = sum(gz(d) for _, d in files)
        verdict = "within" if packed <= BUDGET_GZIP else "OVER"
        print(f"  {'total':<40} {raw:>8,} bytes raw {packed:>8,} bytes gzipped")
        print(f"  budget {BUDGET_GZIP:,} bytes gzipped: {verdict} budget\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
