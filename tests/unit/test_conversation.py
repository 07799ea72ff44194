"""The conversation engine, through the join conversation: branching, resume, change, expiry."""

from __future__ import annotations

import datetime as dt

from webapp.drafts import Draft
from webapp.extensions import db
from webapp.join.views import JOIN, suggested_community


def names(turns):
    return [t.name for t in turns]


def test_branching_adds_the_guiding_questions_only_when_unsure():
    sure = {"welcome": {}, "community": {"community": "staff"}}
    unsure = {"welcome": {}, "community": {"community": "unsure"}}
    assert names(JOIN.active_turns(sure)) == ["welcome", "community", "name", "sign_in"]
    assert names(JOIN.active_turns(unsure)) == [
        "welcome", "community", "uses_services", "speaks_up", "works", "suggestion", "name", "sign_in",
    ]  # fmt: skip
    # The unsure branch is counted from the start, so the total never grows after "I'm not sure".
    assert JOIN.progress(JOIN._turns_by_name["community"], {"welcome": {}}) == (1, 7)
    assert JOIN.progress(JOIN._turns_by_name["name"], sure) == (2, 7)
    assert JOIN.progress(JOIN._turns_by_name["uses_services"], unsure) == (2, 7)
    assert JOIN.progress(JOIN._turns_by_name["name"], unsure) == (6, 7)


def test_the_suggestion_follows_the_first_yes():
    assert suggested_community({"uses_services": {"answer": "no"}, "speaks_up": {"answer": "yes"},
                                "works": {"answer": "yes"}}) == "advocates"  # fmt: skip
    assert suggested_community({"works": {"answer": "yes"}}) == "staff"
    assert suggested_community({}) is None


def test_next_and_first_unanswered():
    answers = {"welcome": {}, "community": {"community": "people"}}
    assert JOIN.next_after("community", answers).name == "name"
    assert JOIN.first_unanswered(answers).name == "name"
    answers |= {"name": {"name_choice": "Kind Otter"}, "sign_in": {"password": "hash"}}
    assert JOIN.first_unanswered(answers) is None
    assert JOIN.next_after("sign_in", answers) is None
    assert JOIN.previous_before("check", answers).name == "sign_in"


def test_a_change_returns_to_check_answers_unless_a_new_branch_needs_answers():
    done = {
        "welcome": {}, "community": {"community": "people"},
        "name": {"name_choice": "Kind Otter"}, "sign_in": {"password": "hash"},
    }  # fmt: skip
    community = JOIN._turns_by_name["community"]
    assert JOIN._after(community, done, changing=True) == "check"
    assert JOIN._after(community, done, changing=False) == "name"
    branched = done | {"community": {"community": "unsure"}}
    assert JOIN._after(community, branched, changing=True) == "uses_services"


def test_a_turn_is_reachable_only_after_the_turns_before_it():
    answers = {"welcome": {}}
    assert JOIN._reachable(JOIN._turns_by_name["community"], answers)
    assert not JOIN._reachable(JOIN._turns_by_name["sign_in"], answers)


def test_untouched_drafts_are_removed_after_30_days(app):
    with db.connection_context():
        old = Draft.create(owner="visitor:a", conversation="join", updated_on=dt.date(2026, 1, 1))
        recent = Draft.create(
            owner="visitor:b", conversation="join", updated_on=dt.date(2026, 1, 25)
        )
        assert Draft.purge_untouched(today=dt.date(2026, 2, 1)) == 1
        assert not Draft.select().where(Draft.id == old.id).exists()
        assert Draft.select().where(Draft.id == recent.id).exists()


def test_purge_drafts_command(app):
    with db.connection_context():
        Draft.create(owner="visitor:a", conversation="join", updated_on=dt.date(2000, 1, 1))
    result = app.test_cli_runner().invoke(args=["purge-drafts"])
    assert "Removed 1 unfinished drafts" in result.output
