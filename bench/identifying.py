"""Speed and quality of the identifying-details check (webapp/stories/identifying.py).

Prints the time per 1,000-word story (mean of 200 runs), then recall and false alarms on two
sets of marked lines, kept apart from the unit tests:
- identifying_tuning.txt: lines the checker was tuned on. Its figures are an upper bound.
- identifying_heldout.txt: lines written for issue 14 before the checker was changed, and
  never tuned on. Its figures are the fairer ones. The same engineer wrote the lines and
  changed the checker, so even these flatter it: a truly unseen set will score lower.

Markup: [[kind:text]] marks a detail that should be found; a line without markup is clean.
Recall counts a marked detail as found when a finding of the same kind overlaps it ("any kind"
also counts a finding of another kind). A false alarm is a clean line with any finding.
Run: .venv/bin/python bench/identifying.py [--show-held-out]

Measured on 2026-11-25 (issue 14), on a 2-core machine shared with other work:
- speed: 18 to 27 ms per 1,000-word story (budget: 50 ms);
- tuning set: recall 97.4% (294/302), false alarms 3/186 clean lines (1.6%);
- held-out set: recall 94.7% (178/188; 96.8% counting a finding of another kind),
  false alarms 4/114 clean lines (3.5%). Before issue 14 the held-out set scored 29.3%
  recall: it was written to be hard, around the patterns the issue lists.
"""

from __future__ import annotations

import re
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from webapp.stories.identifying import find_details  # noqa: E402

HERE = Path(__file__).resolve().parent
TUNING = HERE / "identifying_tuning.txt"
HELD_OUT = HERE / "identifying_heldout.txt"


def read_set(path: Path) -> tuple[list[str], list[str]]:
    """(marked lines, clean lines) from a set file; # starts a comment line."""
    lines = [x.strip() for x in path.read_text(encoding="utf-8").splitlines()]
    lines = [x for x in lines if x and not x.startswith("#")]
    return [x for x in lines if "[[" in x], [x for x in lines if "[[" not in x]


MARK = re.compile(r"\[\[(\w+):(.+?)\]\]")


def parse(line: str) -> tuple[str, list[tuple[str, int, int]]]:
    text, spans, pos = "", [], 0
    for m in MARK.finditer(line):
        text += line[pos : m.start()]
        spans.append((m.group(1), len(text), len(text) + len(m.group(2))))
        text += m.group(2)
        pos = m.end()
    return text + line[pos:], spans


def overlaps(a0: int, a1: int, b0: int, b1: int) -> bool:
    return a0 < b1 and b0 < a1


def quality(title: str, marked: list[str], clean: list[str], show: bool) -> None:
    by_kind: dict[str, list[int]] = {}
    hits = any_kind = 0
    missed, alarms = [], []
    for line in marked:
        text, spans = parse(line)
        details = find_details(text)
        for kind, s, e in spans:
            near = [d for d in details if overlaps(s, e, d.start, d.end)]
            ok = any(d.kind == kind for d in near)
            by_kind.setdefault(kind, [0, 0])[0 if ok else 1] += 1
            hits += ok
            any_kind += bool(near)
            if not ok:
                found = f" (found as {near[0].kind})" if near else ""
                missed.append(f"{kind}: {text[s:e]!r}{found} in {text!r}")
        for d in details:
            if not any(overlaps(s, e, d.start, d.end) for _, s, e in spans):
                alarms.append(f"{d.kind}: {d.text!r} in {text!r}")
    alarmed = 0
    for text in clean:
        details = find_details(text)
        alarmed += bool(details)
        alarms += [f"{d.kind}: {d.text!r} in {text!r} (clean line)" for d in details]
    total = sum(a + b for a, b in by_kind.values())
    print(f"\n{title}")
    print(f"Recall, same kind  {hits}/{total} = {hits / total:.1%}")
    print(f"Recall, any kind   {any_kind}/{total} = {any_kind / total:.1%}")
    print(f"False alarms       {alarmed}/{len(clean)} clean lines = {alarmed / len(clean):.1%}")
    print(f"Findings on nothing marked, marked lines included: {len(alarms)}")
    for kind, (ok, miss) in sorted(by_kind.items()):
        print(f"  {kind:9} {ok}/{ok + miss} = {ok / (ok + miss):.0%}")
    if show:
        for line in missed:
            print("  missed", line)
        for line in alarms:
            print("  false alarm", line)


def speed() -> None:
    marked, clean = read_set(TUNING)
    words = " ".join(parse(line)[0] for line in marked + clean).split()
    story = " ".join((words * (1000 // len(words) + 1))[:1000])
    find_details(story)  # the first call loads the word lists
    runs = 200
    started = time.perf_counter()
    for _ in range(runs):
        find_details(story)
    per = (time.perf_counter() - started) / runs
    print(f"Speed: {per * 1000:.1f} ms per 1,000-word story (mean of {runs} runs)")


if __name__ == "__main__":
    speed()
    quality("Tuning set (bench/identifying_tuning.txt):", *read_set(TUNING), show=True)
    # The held-out set's misses are printed only on request, so tuning does not drift onto it.
    show = "--show-held-out" in sys.argv
    quality("Held-out set (bench/identifying_heldout.txt):", *read_set(HELD_OUT), show=show)
