"""Decisions: giving a view, changing it, closing, results, the outcome, and what each
person may see and do."""

from __future__ import annotations

import datetime as dt

import pytest

from webapp.extensions import db

from .decision_helpers import TODAY, give_view, make_decision, make_voters
from .facilitation_helpers import setup_people, sign_in


@pytest.fixture
def people(app):
    app.config["TODAY"] = TODAY
    return setup_people(app)


def test_every_page_renders_for_the_demo(app, pages, people):
    from webapp.decisions.demo import load_decisions

    with app.test_request_context(), db.connection_context():
        assert load_decisions() == 2
    sign_in(pages, "Fair Kestrel")
    for url in ["/decisions/", "/decisions/1", "/decisions/2", "/decisions/you-said-we-did",
                "/decisions/you-said-we-did/people", "/decisions/changes",
                "/facilitate/people/dashboard", "/account"]:  # fmt: skip
        pages.get(url)
    assert pages.client.get("/decisions/1/results.csv").status_code == 200


def test_a_member_gives_a_view_and_sees_only_their_own(app, pages, people):
    decision = make_decision(app)
    sign_in(pages, "Plain Pigeon")
    home = pages.get("/account")
    assert "Your views are wanted" in home.text
    give_view(pages, decision, "reservations", reason="The room must be step-free.")
    page = pages.get(f"/decisions/{decision}")
    assert "3. Support with reservations" in page.text
    assert "Only you can see this" in page.text
    assert "Your views are wanted" not in pages.get("/account").text
    pages.sign_out()
    sign_in(pages, "Fair Kestrel")
    page = pages.get(f"/decisions/{decision}")
    assert "Support with reservations" not in page.text
    assert "step-free" not in page.text  # results are shown after it closes
