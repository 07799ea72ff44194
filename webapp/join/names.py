"""Friendly display names, so nobody has to use their real name."""

from __future__ import annotations

import secrets

ADJECTIVES = [
    "Amber",
    "Brave",
    "Bright",
    "Calm",
    "Clear",
    "Cosy",
    "Gentle",
    "Golden",
    "Green",
    "Happy",
    "Hopeful",
    "Kind",
    "Lively",
    "Mellow",
    "Misty",
    "Patient",
    "Quiet",
    "Rosy",
    "Silver",
    "Steady",
    "Sunny",
    "Swift",
    "Warm",
    "Wise",
    "Bold",
    "Cheerful",
    "Friendly",
    "Honest",
    "Merry",
    "Peaceful",
]
NOUNS = [
    "Acorn",
    "Badger",
    "Birch",
    "Bluebell",
    "Brook",
    "Cloud",
    "Daisy",
    "Dove",
    "Fern",
    "Finch",
    "Fox",
    "Hazel",
    "Heron",
    "Kestrel",
    "Lark",
    "Maple",
    "Meadow",
    "Moss",
    "Otter",
    "Owl",
    "Pebble",
    "Puffin",
    "Robin",
    "Rowan",
    "Sparrow",
    "Swan",
    "Thistle",
    "Willow",
    "Wren",
    "Oak",
]


def suggest(count: int, taken) -> list[str]:
    """`count` different names that `taken(name)` says are free."""
    names: list[str] = []
    for _ in range(count * 20):
        name = f"{secrets.choice(ADJECTIVES)} {secrets.choice(NOUNS)}"
        if name not in names and not taken(name):
            names.append(name)
        if len(names) == count:
            break
    return names
