"""Story topics, from an operator-editable list in content/lists/story-topics.yml.

A translation (content/cy/lists/story-topics.yml) keeps the same keys, so a story's
topics read in whichever language the visitor chose.
"""

from __future__ import annotations

from pathlib import Path

import yaml
from flask import current_app

from ..content import localised_file
from ..wording import Wording, say

_cache: dict[Path, tuple[float, dict[str, Wording]]] = {}


def topics() -> dict[str, Wording]:
    """{key: wording}, in the file's order; re-read when the file changes."""
    path, _language = localised_file(
        Path(current_app.config["CONTENT_DIR"]), "lists/story-topics.yml"
    )
    try:
        mtime = path.stat().st_mtime
    except FileNotFoundError:
        return {}
    cached = _cache.get(path)
    if cached and cached[0] == mtime:
        return cached[1]
    rows = yaml.safe_load(path.read_text(encoding="utf-8")) or []
    found = {
        str(row["key"]): say(str(row["standard"]), str(row.get("easyread") or row["standard"]))
        for row in rows
        if isinstance(row, dict) and row.get("key") and row.get("standard")
    }
    _cache[path] = (mtime, found)
    return found


def topic_names(keys: list[str]) -> list[Wording]:
    known = topics()
    return [known[key] for key in keys if key in known]
