"""Small helpers shared by every feature's forms."""

from __future__ import annotations

from wtforms import SelectChoice


def choices(options: dict[str, object]) -> list[SelectChoice]:
    """Radio or checkbox choices from {value: label}; labels may be say() wordings."""
    return [SelectChoice(value=value, label=label) for value, label in options.items()]
