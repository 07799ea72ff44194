"""Shared set-up for the plan's tests: terms of reference, and an activity with tasks."""

from __future__ import annotations

import datetime as dt

from webapp.extensions import db
from webapp.models import Community, Member
from webapp.plans.models import Activity, Offer, Task, TermsVersion, month_of

PARTS = {
    "aim": {"plain": "Make letters clear for everyone.", "easy": "Clear letters."},
    "meets": {"plain": "Once a month.", "easy": ""},
    "membership": {"plain": "After more than one meeting.", "easy": ""},
    "decisions": {"plain": "Consensus first, then a vote of members.", "easy": ""},
    "confidentiality": {"plain": "The Chatham House Rule.", "easy": ""},
    "behaviour": {"plain": "We listen to each other.", "easy": ""},
    "in_scope": [{"plain": "Letters", "easy": ""}, {"plain": "Carers", "easy": ""}],
    "out_of_scope": [
        {"plain": "Pay", "easy": "", "instead": "the unions", "instead_easy": ""},
    ],
}


def make_terms(community="people", parts=None, by_name="Fair Kestrel", review_on=None) -> int:
    with db.connection_context():
        version = TermsVersion.add(
            Community.by_slug(community), parts or PARTS,
            review_on or dt.date.today() + dt.timedelta(days=300), Member.by_name(by_name),
        )  # fmt: skip
        return version.version


def make_activity(lead_id=None, community="people", title="Clear letters", **fields) -> int:
    month = month_of(dt.date.today())
    with db.connection_context():
        values = {"starts": month, "due": month, "about": "Why we do it.", **fields}
        return Activity.create(community=Community.by_slug(community), title=title,
                               lead=lead_id, **values).id  # fmt: skip


def make_task(activity_id: int, description="Collect three letters") -> int:
    with db.connection_context():
        return Task.create(activity=activity_id, description=description).id


def make_offer(task_id: int, member_id: int, status=Offer.OFFERED) -> int:
    with db.connection_context():
        return Offer.create(task=task_id, member=member_id, status=status).id
