"""The scope reminder where something new is started (issue 17): a decision and an agenda
item show the terms of reference's in-scope and out-of-scope lists and may name an
in-scope area. It is a reminder, never a gate. And "You said, we did" lists the activities
that came from each decision."""

from __future__ import annotations

import pytest

from webapp.extensions import db

from .decision_helpers import TODAY, make_decision
from .facilitation_helpers import setup_people, sign_in
from .meeting_helpers import make_meeting
from .plan_helpers import make_activity, make_terms


@pytest.fixture
def people(app):
    app.config["TODAY"] = TODAY
    return setup_people(app)


def start_decision(pages, who=("people",)) -> str:
    base = "/decisions/new"
    pages.submit(f"{base}/title", {"title": "Clearer letters"})
    pages.submit(f"{base}/proposal", {"proposal": "Letters in plain words.", "why": "Confusing."})
    pages.submit(
        f"{base}/easy", {"proposal_easy": "Clear letters.", "why_easy": "Letters are hard."}
    )
    pages.submit(f"{base}/principles", {"principles": ["participation"]})
    return pages.submit(f"{base}/who", {"communities": list(who)}).headers["Location"]


def finish_decision(pages) -> str:
    """Answer the rest, then send it; gives what check answers showed."""
    base = "/decisions/new"
    pages.submit(f"{base}/dates", {"opens_on": "2026-12-01", "closes_on": "12/12/2026"})
    for turn, answer in [("method", "gradients"), ("reasons", "optional"), ("results", "after"),
                         ("naming", "anonymous"), ("counts", "everyone")]:  # fmt: skip
        pages.submit(f"{base}/{turn}", {turn: answer})
    shown = pages.get(f"{base}/check").select_one("#conversation").get_text(" ", strip=True)
    pages.submit(f"{base}/check", {})
    return shown


def test_opening_a_decision_shows_the_scope_and_keeps_the_area_chosen(app, pages, people):
    from webapp.decisions.models import Decision

    make_terms()
    sign_in(pages, "Fair Kestrel")
    assert start_decision(pages).endswith("/decisions/new/scope")
    page = pages.get("/decisions/new/scope")
    reminder = page.select_one("aside.scope-reminder").get_text(" ", strip=True)
    assert "Letters" in reminder and "Carers" in reminder  # in scope
    assert "Pay: the unions" in reminder  # out of scope, with where to take it instead
    areas = [i["value"] for i in page.select("input[name=scope_area]")]
    assert areas == ["Letters", "Carers", ""]  # "not sure" is always a choice: not a gate
    # An area that is not in the terms is refused with a plain message.
    refused = pages.submit("/decisions/new/scope", {"scope_area": "Pensions"}, status=422)
    assert refused.select_one(".error-summary")
    pages.submit("/decisions/new/scope", {"scope_area": "Carers"})
    assert "Where does it fit in the group's work? Carers" in finish_decision(pages)
    with db.connection_context():
        decision = Decision.get()
    assert decision.scope_area == "Carers"
    shown = pages.get(f"/decisions/{decision.id}").text
    assert "Part of the group's work on:" in shown and "Carers" in shown


def test_without_terms_of_reference_the_scope_question_is_not_asked(app, pages, people):
    from webapp.decisions.models import Decision

    sign_in(pages, "Fair Kestrel")
    assert start_decision(pages).endswith("/decisions/new/dates")
    finish_decision(pages)
    with db.connection_context():
        assert Decision.get().scope_area == ""


def test_several_communities_name_each_area_with_its_community(app, pages, people):
    make_terms()
    make_terms("staff", by_name="Main Admin", parts={
        "in_scope": [{"plain": "Training", "easy": ""}], "out_of_scope": [],
    })  # fmt: skip
    sign_in(pages, "Main Admin")
    start_decision(pages, who=("people", "staff"))
    page = pages.get("/decisions/new/scope")
    labels = [label.get_text(" ", strip=True) for label in page.select("label")]
    assert "Letters (People)" in labels and "Training (Staff)" in labels
    assert len(page.select("aside.scope-reminder")) == 2


def test_an_agenda_item_names_its_area_beside_the_reminder(app, pages, people):
    from webapp.meetings.models import AgendaItem

    make_terms()
    meeting_id = make_meeting(published=False)
    sign_in(pages, "Fair Kestrel")
    agenda = f"/meetings/{meeting_id}/agenda"
    page = pages.get(agenda)
    form = page.select_one("form[aria-labelledby=add-heading]")
    assert "Pay: the unions" in form.select_one("aside.scope-reminder").get_text(" ", strip=True)
    assert [i["value"] for i in form.select("input[name=scope_area]")] == ["Letters", "Carers", ""]
    kept = pages.submit(agenda, {"title": "Letters from the council", "scope_area": "Pay"}, 422)
    assert kept.select_one("input[name=title]")["value"] == "Letters from the council"
    pages.submit(agenda, {"title": "Letters from the council", "scope_area": "Letters"})
    with db.connection_context():
        assert AgendaItem.get().scope_area == "Letters"
    shown = pages.get(agenda).select_one("#agenda-items").get_text(" ", strip=True)
    assert "Part of the group's work on: Letters" in shown


def test_an_agenda_without_terms_says_so_and_asks_no_area(app, pages, people):
    meeting_id = make_meeting(published=False)
    sign_in(pages, "Fair Kestrel")
    page = pages.get(f"/meetings/{meeting_id}/agenda")
    assert "no terms of reference yet" in page.select_one("aside.scope-reminder").text
    assert not page.select("input[name=scope_area]")
    pages.submit(f"/meetings/{meeting_id}/agenda", {"title": "Hello"})


def test_you_said_we_did_lists_what_came_from_each_decision(app, pages, people):
    decision_id = make_decision(app, closes=-1, opens=-9, outcome="agreed",
                                outcome_text="We will do it.", outcome_on=TODAY)  # fmt: skip
    sign_in(pages, "Plain Pigeon")
    listed = pages.get("/decisions/you-said-we-did/people").select_one(".story-card")
    assert "Nothing in the plan has come from it yet." in listed.text
    make_activity(title="Quiet rooms booked", decision_id=decision_id, status="on-track")
    make_activity(title="In the staff plan", community="staff", decision_id=decision_id)
    listed = pages.get("/decisions/you-said-we-did/people").select_one(".story-card")
    links = [a.get_text(strip=True) for a in listed.select(".decision-activities a")]
    assert links == ["Quiet rooms booked"]  # only plans this member may read
    assert "On track" in listed.text
