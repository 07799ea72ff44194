"""Demo decisions for `make run`: one open in People (Quiet Heron has not answered yet, so
it is on their home page; its easy read was mended after it opened, so it says "Changed
on"), one closed platform change with its outcome, with enough views from demo members that
its results show, and a closed quick check in People whose outcome is still to be recorded."""

from __future__ import annotations

import datetime as dt
import secrets

from ..accounts.passwords import hash_password
from ..agreements.service import record_consent, required_agreements
from ..database import write_transaction
from ..models import Community, Member
from .models import Decision, View, today

VOTERS = [
    "Bright Otter",
    "Calm Badger",
    "Gentle Robin",
    "Kind Hare",
    "Patient Owl",
    "Warm Vole",
    "Quick Lark",
    "Bold Heron",
    "Soft Rain",
    "Clear Brook",
    "Fair Meadow",
    "Still Pond",
]
# The closed decision's views, one per voter: enough alike that its results show.
CLOSED_VIEWS = [
    ("endorse", "Evening meetings mean I can come after work."),
    ("endorse", ""),
    ("endorse", "I have missed every meeting this year because of work."),
    ("endorse", ""),
    ("endorse", "Online in the evening suits me."),
    ("endorse", ""),
    ("reservations", "I can live with it if the room is step-free."),
    ("reservations", ""),
    ("reservations", "Please keep one daytime meeting too."),
    ("reservations", ""),
    ("reservations", "As long as there are notes for those who miss it."),
    ("serious", "Carers often cannot get out in the evening."),
]
OPEN_VIEWS = ["endorse", "reservations", "discuss"]
AWAITING_VIEWS = ["agree"] * 6 + ["disagree"]


def voters() -> list[Member]:
    people = Community.by_slug("people")
    found = []
    for name in VOTERS:
        member = Member.by_name(name)
        if member is None:
            with write_transaction():
                member = Member.create(
                    display_name=name, name_key=Member.fold(name), community=people,
                    password_hash=hash_password(secrets.token_hex()), welcomed_on=today(),
                    status=Member.ACTIVE,
                )  # fmt: skip
            for agreement in required_agreements(member):
                record_consent(member, agreement, [p.key for p in agreement.principles])
        found.append(member)
    return found


def load_decisions() -> int:
    if Decision.select().exists():
        return 0
    day = today()
    people = voters()
    with write_transaction():
        closed = Decision.create(
            title="Meeting in the evening as well as the day",
            proposal="We propose holding every other community meeting at 6pm, online, so "
            "people who work or study in the day can take part.",
            proposal_easy="We want some meetings in the evening.\nThe evening meetings are online.",
            why="Several members told us they cannot come to daytime meetings.",
            why_easy="Some people cannot come in the day.\nWe want them to take part too.",
            principles="participation non-discrimination", all_communities=True,
            opens_on=day - dt.timedelta(days=30), closes_on=day - dt.timedelta(days=10),
            platform_change=True, announced=True, outcome="agreed_with_changes",
            outcome_text="We will hold every other meeting at 6pm online, and keep the others "
            "in the day. Each meeting will be in a step-free place.",
            outcome_easy="Some meetings will be in the evening.\nOther meetings stay in the day.",
            next_steps="The first evening meeting is next month. We will ask again in 6 months.",
            next_steps_easy="The first evening meeting is next month.\nWe will ask you again later.",
            objections_answer="Carers told us evenings are hard. Daytime meetings stay, and "
            "every meeting has notes members can read afterwards.",
            review_on=day + dt.timedelta(days=180), outcome_on=day - dt.timedelta(days=8),
        )  # fmt: skip
        for member, (key, reason) in zip(people, CLOSED_VIEWS, strict=True):
            View.give(closed, member, {"level": key, "community": member.community_id,
                                       "regular": True, "reason": reason, "question": ""})  # fmt: skip
        still_open = Decision.create(
            title="A quiet space at in-person meetings",
            proposal="We propose that every in-person meeting has a quiet room people can use "
            "at any time, with no need to explain why.",
            proposal_easy="We want a quiet room at every meeting.\nYou can go there any time.",
            why="Meetings can be loud and busy. Some members told us they left early because of it.",
            why_easy="Meetings can be loud.\nSome people left early.",
            principles="participation empowerment", opens_on=day - dt.timedelta(days=2),
            scope_area="Making it easier to give feedback and complain",
            closes_on=day + dt.timedelta(days=12), announced=True,
            # Its easy read was mended the day after it opened, so its page says "Changed on".
            changed_on=day - dt.timedelta(days=1), changes=1,
        )  # fmt: skip
        still_open.set_communities({Community.by_slug("people").id})
        for member, key in zip(people, OPEN_VIEWS, strict=False):
            View.give(still_open, member, {
                "level": key, "community": member.community_id, "regular": True, "reason": "",
                "question": "Who will look after the quiet room?" if key == "discuss" else "",
            })  # fmt: skip
        # Closed, with no outcome yet: Kind Harrier (People's facilitator) can record it.
        awaiting = Decision.create(
            title="Sending the meeting notes by post",
            proposal="We propose posting printed notes of each meeting to members who ask for "
            "them, as well as putting them online.",
            proposal_easy="We want to post the meeting notes to people who ask.",
            why="Some members do not use the internet much, and miss what was said.",
            why_easy="Some people do not go online much.",
            principles="participation non-discrimination", method="quick",
            opens_on=day - dt.timedelta(days=16), closes_on=day - dt.timedelta(days=2),
            announced=True,
        )  # fmt: skip
        awaiting.set_communities({Community.by_slug("people").id})
        for member, key in zip(people, AWAITING_VIEWS, strict=False):
            View.give(awaiting, member, {"level": key, "community": member.community_id,
                                         "regular": True, "reason": "", "question": ""})  # fmt: skip
    return 3
