"""Shared set-up for the decision tests: decisions made directly, and views given through
the real conversation, as a member would."""

from __future__ import annotations

import datetime as dt

from webapp.extensions import db
from webapp.models import Community

from .facilitation_helpers import make_member

TODAY = dt.date(2026, 12, 1)


def make_decision(app, communities=("people",), opens=-1, closes=7, **fields) -> int:
    from webapp.decisions.models import Decision

    app.config["TODAY"] = app.config.get("TODAY") or TODAY
    day = app.config["TODAY"]
    with db.connection_context():
        decision = Decision.create(
            title=fields.pop("title", "Quiet rooms at meetings"),
            proposal="Every meeting has a quiet room.", proposal_easy="We want a quiet room.",
            why="Meetings are loud.", why_easy="Meetings can be loud.",
            principles="participation", opens_on=day + dt.timedelta(days=opens),
            closes_on=day + dt.timedelta(days=closes), **{"announced": True, **fields},
        )  # fmt: skip
        if communities == "all":
            decision.all_communities = True
            decision.save()
        else:
            decision.set_communities({Community.by_slug(slug).id for slug in communities})
        return decision.id


def make_voters(app, n: int, community="people", prefix="Voter") -> list[str]:
    """Members who have agreed and been welcomed, so they may give views."""
    from webapp.agreements.service import record_consent, required_agreements
    from webapp.models import Member

    names = [f"{prefix} {chr(65 + i // 26)}{chr(97 + i % 26)}" for i in range(n)]
    with app.test_request_context(), db.connection_context():
        for name in names:
            member = Member.get_by_id(make_member(name, community))
            for agreement in required_agreements(member):
                record_consent(member, agreement, [p.key for p in agreement.principles])
    return names


ANSWERS = {  # level: (front door, level turn)
    "endorse": "yes", "minor": "yes", "reservations": "doubts", "dislike": "doubts",
    "abstain": "unsure", "discuss": "unsure", "serious": "no", "block": "no",
}  # fmt: skip


def give_view(pages, decision_id: int, level: str, reason="", question="", quick=False):
    """Walk the member's conversation with plain posts (no JavaScript), as a browser would."""
    base = f"/decisions/{decision_id}/view"
    pages.submit(f"{base}/proposal", {})
    if quick:
        pages.submit(f"{base}/quick", {"level": level})
    else:
        pages.submit(f"{base}/door", {"door": ANSWERS[level]})
        pages.submit(f"{base}/level", {"level": level})
    if level in ("discuss", "unsure"):
        pages.submit(f"{base}/question", {"question": question})
    reason_turn = pages.client.get(f"{base}/").headers["Location"]
    pages.submit(reason_turn, {"reason": reason})
    return pages.submit(f"{base}/check", {})
