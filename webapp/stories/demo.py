"""Demo stories for `make run`, so the story pages have something to show.

Written for the demo; any likeness to a real person is chance. Running it twice
changes nothing.
"""

from __future__ import annotations

import datetime as dt

from ..database import write_transaction
from ..models import Community, Member
from .models import APPROVED, PENDING, Reply, Story, ends_on

DEMO_STORIES = [
    ("people", "public", "quote", "health carers", "",
     "When my dad went into hospital, nobody asked me what he liked to eat or how he "
     "communicates. I am his carer and I know him best.\n\nOn the third day a nurse sat "
     "down with me and wrote it all on his board. After that, everything changed. It "
     "would have helped to be asked on the first day."),
    ("people", "members", "summarise", "housing", "",
     "We waited eight months for a ramp to be fitted. Every phone call was to someone new "
     "and I had to explain everything again. I would like one person to know our case."),
    ("advocates", "public", "quote", "being-heard", "",
     "I supported a self-advocate at a review meeting. The staff spoke to me, not to him. "
     "I kept turning to him and in the end they did too. Small things like that matter."),
    ("staff", "community", "none", "social-care", "",
     "Our team has lost three people this year and not replaced them. We are doing our "
     "best but visits are shorter. I worry about what we are missing."),
    ("people", "public", "none", "mental-health", "mentions self-harm",
     "A while ago I was in a bad place and hurt myself. The crisis team were kind, but the "
     "follow-up letter came weeks later. What helped most was a peer support group where "
     "people just listened."),
]  # fmt: skip


def load_stories() -> int:
    with write_transaction():
        if Story.select().exists():
            return 0
        today = dt.date.today()
        for n, (slug, audience, quoting, topics, note, body) in enumerate(DEMO_STORIES):
            shared = today - dt.timedelta(days=30 - n * 5)
            Story.create(
                community=Community.by_slug(slug), audience=audience, quoting=quoting,
                topics=topics, content_note=note, body=body, status=APPROVED,
                replies_allowed=n == 0, keep_for="1y", shared_on=shared,
                expires_on=ends_on(shared, "1y"), decided_on=shared + dt.timedelta(days=1),
            )  # fmt: skip
        first = Story.select().order_by(Story.id).first()
        heron = Member.by_name("Quiet Heron")
        Reply.create(
            story=first, status=APPROVED, author=None,
            body="This happened to us too. Now I bring a one-page profile with me.",
        )  # fmt: skip
        Story.create(
            community=Community.by_slug("people"), audience="community", quoting="none",
            body="My own story, still waiting for a facilitator to read it.", status=PENDING,
            author=heron, keep_for="3m", expires_on=ends_on(today, "3m"),
        )  # fmt: skip
    return len(DEMO_STORIES) + 1
