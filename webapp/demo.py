"""Demo content for `make run`. Running it twice changes nothing."""

from __future__ import annotations

from .database import write_transaction
from .models import Community

COMMUNITIES = [
    (
        "people",
        "People",
        "People who use public services, their families and carers, and self-led support groups.",
    ),
    (
        "advocates",
        "Advocates and Campaigners",
        "Advocates and self-advocates, and campaigning and advocacy groups.",
    ),
    (
        "staff",
        "Staff",
        "People who work in public services, or for organisations that deliver them.",
    ),
]


def load() -> None:
    with write_transaction():
        for position, (slug, name, summary) in enumerate(COMMUNITIES):
            community = Community.by_slug(slug) or Community(slug=slug)
            community.name, community.summary, community.position = name, summary, position
            community.save()
