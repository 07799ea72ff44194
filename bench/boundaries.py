"""The story-boundaries property test at benchmark size: 10,000 random cases.

Each case is up to 8 random stories (with replies) read by 13 kinds of viewer (members in
every standing: welcomed or not, agreed or not, a move waiting or accepted) through
every read path. Prints how many cases and checks ran, and how long it took.
Run: make bench   (or .venv/bin/python bench/boundaries.py [examples])
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main() -> int:
    examples = sys.argv[1] if len(sys.argv) > 1 else "10000"
    env = {**os.environ, "BOUNDARY_EXAMPLES": examples}
    started = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
         "tests/unit/test_story_boundaries.py", "--hypothesis-show-statistics"],
        cwd=ROOT, env=env, capture_output=True, text=True,
    )  # fmt: skip
    seconds = time.perf_counter() - started
    stats = [line.strip() for line in result.stdout.splitlines() if "passing" in line]
    print(f"boundaries: {examples} random cases requested, {seconds:.1f} s")
    for line in stats:
        print(f"  {line}")
    print("  result:", "no story shown where its boundaries forbid it" if result.returncode == 0
          else "FAILED\n" + result.stdout[-3000:])  # fmt: skip
    return result.returncode


if __name__ == "__main__":
    sys.exit(main())
