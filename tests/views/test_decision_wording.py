"""Wording in the decision conversations that must fit the decision: the reasons question
names the scale the decision uses, check answers shows what is proposed and why under
their own labels, and easy read puts the in-scope area in easy-read words."""

from __future__ import annotations

import pytest

from webapp.extensions import db

from .decision_helpers import TODAY, make_decision
from .facilitation_helpers import setup_people, sign_in
from .meeting_helpers import make_meeting

GRADIENT_NAMES = ("serious", "block")


@pytest.fixture
def people(app):
    app.config["TODAY"] = TODAY
    return setup_people(app)


def reasons_turn(pages, method: str, variant: str = "standard") -> str:
    base = "/decisions/new"
    pages.submit(f"{base}/title", {"title": "A quiet room"})
    pages.submit(f"{base}/proposal", {"proposal": "A quiet room at meetings.", "why": "Loud."})
    pages.submit(f"{base}/easy", {"proposal_easy": "A quiet room.", "why_easy": "It is loud."})
    pages.submit(f"{base}/principles", {"principles": ["participation"]})
    pages.submit(f"{base}/who", {"communities": ["people"]})
    pages.submit(f"{base}/dates", {"opens_on": "2026-12-01", "closes_on": "12/12/2026"})
    pages.submit(f"{base}/method", {"method": method})
    page = pages.get(f"{base}/reasons?view={variant}")
    return page.select_one("#conversation form").get_text(" ", strip=True).lower()


def test_the_reasons_question_names_the_quick_checks_answer(app, pages, people):
    sign_in(pages, "Fair Kestrel")
    asked = reasons_turn(pages, "quick")
    assert not any(name in asked for name in GRADIENT_NAMES), asked
    assert "i disagree" in asked
    pages.submit("/decisions/new/reasons", {"reasons": "required"})
    for turn, answer in [("results", "after"), ("naming", "anonymous"), ("counts", "everyone")]:
        pages.submit(f"/decisions/new/{turn}", {turn: answer})
    check = pages.get("/decisions/new/check").select_one("dl.check-answers").text.lower()
    assert "i disagree" in check and not any(name in check for name in GRADIENT_NAMES)


def test_the_reasons_question_names_the_gradients_when_they_are_used(app, pages, people):
    sign_in(pages, "Fair Kestrel")
    asked = reasons_turn(pages, "gradients")
    assert "serious disagreement" in asked and "block" in asked


def test_a_member_asked_for_a_reason_is_told_of_their_own_scale(app, pages, people):
    quick = make_decision(app, method="quick", reasons_required=True)
    sign_in(pages, "Plain Pigeon")
    base = f"/decisions/{quick}/view"
    pages.submit(f"{base}/proposal", {})
    pages.submit(f"{base}/quick", {"level": "disagree"})
    asked = pages.get(f"{base}/reason_required").select_one("#reason-hint").text.lower()
    assert not any(name in asked for name in GRADIENT_NAMES), asked
    assert "when someone disagrees" in asked

    gradients = make_decision(app, title="Evening meetings", reasons_required=True)
    base = f"/decisions/{gradients}/view"
    pages.submit(f"{base}/proposal", {})
    pages.submit(f"{base}/door", {"door": "no"})
    pages.submit(f"{base}/level", {"level": "block"})
    asked = pages.get(f"{base}/reason_required").select_one("#reason-hint").text.lower()
    assert "seriously" in asked and "block" in asked


def check_rows(page) -> dict[str, str]:
    rows = page.select("dl.check-answers .check-answers__row")
    return {
        row.select_one("dt").get_text(" ", strip=True): row.select_one(
            "dd.check-answers__answer"
        ).get_text(" ", strip=True)
        for row in rows
    }


@pytest.mark.parametrize(
    ("variant", "labels"),
    [
        ("standard", ("What is proposed?", "Why are we asking?",
                      "What is proposed, in easy read", "Why we are asking, in easy read")),
        ("easyread", ("What is the idea?", "Why do we ask?",
                      "The idea, in easy read", "Why we ask, in easy read")),
    ],
)  # fmt: skip
def test_check_answers_shows_what_and_why_under_their_own_labels(app, pages, people, variant,
                                                                 labels):  # fmt: skip
    sign_in(pages, "Fair Kestrel")
    reasons_turn(pages, "gradients")
    for turn, answer in [("reasons", "optional"), ("results", "after"), ("naming", "anonymous"),
                         ("counts", "everyone")]:  # fmt: skip
        pages.submit(f"/decisions/new/{turn}", {turn: answer})
    page = pages.get(f"/decisions/new/check?view={variant}")
    rows = check_rows(page)
    what, why, what_easy, why_easy = labels
    assert rows[what] == "A quiet room at meetings."
    assert rows[why] == "Loud."
    assert rows[what_easy] == "A quiet room."
    assert rows[why_easy] == "It is loud."
    # Each answer is the person's words, and each row's Change link says what it changes.
    for row in page.select("dl.check-answers .check-answers__row"):
        answer = row.select_one("dd.check-answers__answer")
        assert answer.has_attr("hx-disable") and answer["dir"] == "auto"
    hidden = [
        s.get_text(strip=True) for s in page.select(".check-answers__change .visually-hidden")
    ]
    assert len(hidden) == len(set(hidden)), hidden


def scope_sentence(page, selector: str):
    area = page.select_one(f"{selector} [hx-disable][dir=auto].scope-area__words")
    return area, area.parent.get_text(" ", strip=True)


def test_easy_read_names_a_decisions_area_in_easy_read_words(app, pages, people):
    decision = make_decision(app, scope_area="Letters <b>& forms</b>")
    sign_in(pages, "Plain Pigeon")
    area, sentence = scope_sentence(pages.get(f"/decisions/{decision}?view=easyread"), ".decision")
    assert area.text == "Letters <b>& forms</b>"  # the group's words, as they are, escaped
    assert sentence == "This question is about our work on: Letters <b>& forms</b>"
    _area, plain = scope_sentence(pages.get(f"/decisions/{decision}?view=standard"), ".decision")
    assert plain == "Part of the group's work on: Letters <b>& forms</b>"


def test_easy_read_names_an_agenda_items_area_in_easy_read_words(app, pages, people):
    from webapp.meetings.models import AgendaItem, Meeting

    meeting_id = make_meeting()
    with db.connection_context():
        AgendaItem.create(meeting=Meeting.get_by_id(meeting_id), position=1, title="Letters",
                          scope_area="Clear letters")  # fmt: skip
    sign_in(pages, "Plain Pigeon")
    page = pages.get(f"/meetings/{meeting_id}?view=easyread")
    area, sentence = scope_sentence(page, "#agenda-items")
    assert area.text == "Clear letters"
    assert sentence == "We talk about this as part of our work on: Clear letters"
