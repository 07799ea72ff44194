"""Anonymity that holds everywhere (issue 15 §3).

A property test: random decisions × members × views × viewers. Every page, export and
download each viewer can reach is rendered for real, and none may hold another member's
name together with that member's view (each view carries a reason no one else wrote). A
member's own view is shown to that member only. Then the database alone: every row, and
every byte of its files, holds no reason and no level in the clear.
"""

from __future__ import annotations

import datetime as dt
import random
import re

import pytest

from tests.databases import files_on_disk
from webapp.extensions import db
from webapp.models import Member

from .decision_helpers import TODAY, give_view, make_decision, make_voters
from .facilitation_helpers import setup_people, sign_in
from .test_csrf_every_post import snapshot

GRADIENT_KEYS = ["endorse", "minor", "reservations", "abstain", "discuss", "dislike", "serious",
                 "block"]  # fmt: skip
QUICK_KEYS = ["agree", "unsure", "disagree"]


def token_for(name: str) -> str:
    return "Marker" + re.sub(r"\W", "", name) + "Zq"


def pages_for(client, decisions: list[int], who: Member | None) -> dict[str, str]:
    urls = ["/decisions/", "/decisions/you-said-we-did", "/decisions/changes", "/account",
            "/account/data.json", "/decisions/you-said-we-did/people",
            "/decisions/you-said-we-did/staff", "/facilitate/people/dashboard",
            "/facilitate/staff/dashboard", "/facilitate/audit"]  # fmt: skip
    for decision in decisions:
        urls += [f"/decisions/{decision}", f"/decisions/{decision}/results.csv",
                 f"/decisions/{decision}/outcome"]  # fmt: skip
    found = {}
    for url in urls:
        response = client.get(url)
        if response.status_code == 200:
            found[url] = response.get_data(as_text=True)
    return found


@pytest.mark.parametrize("seed", range(4))
def test_no_page_export_or_download_links_a_member_to_their_view(app, client, pages, seed):
    rng = random.Random(seed)
    app.config["TODAY"] = TODAY
    setup_people(app)
    voters = make_voters(app, rng.randint(3, 9), "people", prefix="Pv") + make_voters(
        app, rng.randint(0, 6), "staff", prefix="Sv"
    )
    decisions, given = [], {}  # given[(decision, name)] = level
    for _ in range(rng.randint(1, 3)):
        method = rng.choice(["gradients", "quick"])
        asked = rng.choice([("people",), ("people", "staff"), "all"])
        decision = make_decision(app, asked, method=method, results_live=rng.random() < 0.5,
                                 only_regular=rng.random() < 0.3)  # fmt: skip
        decisions.append(decision)
        for name in voters:
            if name.startswith("Sv") and asked == ("people",) or rng.random() < 0.2:
                continue
            sign_in(pages, name)
            key = rng.choice(QUICK_KEYS if method == "quick" else GRADIENT_KEYS)
            give_view(pages, decision, key, reason=token_for(name), quick=method == "quick",
                      question="Ask" + token_for(name))  # fmt: skip
            given[(decision, name)] = key
            pages.sign_out()
    # Close some, and write an outcome as their facilitator would.
    if rng.random() < 0.7:
        app.config["TODAY"] = TODAY + dt.timedelta(days=30)
    viewers = [None, "Fair Kestrel", "Other Otter", "Main Admin", "Plain Pigeon", *voters]
    for viewer in viewers:
        if viewer:
            sign_in(pages, viewer)
        seen = pages_for(client, decisions, viewer)
        assert seen or viewer is None
        for url, text in seen.items():
            for name in voters:
                if name == viewer:
                    continue
                assert not (name in text and token_for(name) in text), (viewer, url, name)
                own_marker = "Only you can see this"
            if url.rstrip("0123456789").endswith("/decisions/") and url[-1].isdigit():
                decision = int(url.rsplit("/", 1)[1])
                assert (own_marker in text) == ((decision, viewer) in given), (viewer, url)
        if viewer:
            pages.sign_out()
    # The database alone: no reason, question or level in any row, nor in its files.
    rows = repr(snapshot())
    raw = files_on_disk(app)
    for name in voters:
        assert token_for(name) not in rows
        assert token_for(name).encode() not in raw, name
    with db.connection_context():
        assert not db.execute_sql(
            "SELECT * FROM decision_view WHERE sealed LIKE '%level%'"
        ).fetchall()
