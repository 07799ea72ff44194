"""Answering a survey wave: offered on the home page while it is open, one question per turn,
every question skippable, answers kept when leaving, sent once, and stored apart from who
answered."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from webapp import clock
from webapp.drafts import Draft
from webapp.extensions import db
from webapp.models import Member
from webapp.surveys.models import TOOK_PART, SurveyAnswer, SurveyAnswered
from webapp.surveys.waves import add_months

from .facilitation_helpers import make_member, setup_people, sign_in

TODAY = clock.today()


@pytest.fixture(autouse=True)
def same_day(app):
    """The app's day is the test's day, even when a run crosses midnight."""
    app.config["TODAY"] = TODAY


def joined(name: str, months_ago: int, community: str = "people", days_more: int = 0) -> int:
    member_id = make_member(name, community)
    with db.connection_context():
        Member.update(
            joined_on=add_months(TODAY, -months_ago) - dt.timedelta(days=days_more)
        ).where(Member.id == member_id).execute()
    return member_id


def answer_all(pages, choices: dict[str, str | None]) -> None:
    """Answer every turn: a value, or the skip button when None."""
    pages.submit("/survey/welcome", {})
    for key, value in choices.items():
        data = {"answer": value} if value else {"skip": "skip"}
        pages.submit(f"/survey/{key}", data)


ANSWERS = {
    "listened-to": "yes",
    "safe-to-share": "sometimes",
    "influence": None,
    "worth-it": "no",
    "one-thing": "A quiet room at meetings.",
}


def test_the_home_page_offers_the_survey_while_its_wave_is_open(app, pages):
    joined("Due Dipper", 3)
    joined("Late Lark", 3, days_more=30)  # 30 days after it fell due: closed
    joined("New Newt", 2)
    sign_in(pages, "Due Dipper")
    home = pages.get("/account").find("main")
    assert "A short survey is ready" in home.get_text()
    assert home.find("a", href="/survey/")
    for name in ("Late Lark", "New Newt"):
        pages.sign_out()
        sign_in(pages, name)
        assert "A short survey is ready" not in pages.get("/account").get_text()
        assert "no survey for you" in pages.get("/survey/").get_text()


def test_answering_one_question_a_turn_with_skips_then_check_and_send(app, pages, client):
    member_id = joined("Due Dipper", 3)
    sign_in(pages, "Due Dipper")
    first = pages.get("/survey/")
    assert first.find("h1").get_text(strip=True) == "How is taking part going for you?"
    answer_all(pages, ANSWERS)
    check = pages.get("/survey/check")
    text = check.find("main").get_text(" ", strip=True)
    assert "Yes, mostly" in text and "Skipped" in text and "A quiet room" in text
    assert check.find("button", string=lambda s: s and "Send my answers" in s)
    response = pages.submit("/survey/check", {})
    assert response.headers["Location"] == "/surveys/thank-you"
    with db.connection_context():
        assert SurveyAnswered.waves_of(Member.get_by_id(member_id)) == {3}
        rows = list(SurveyAnswer.select())
    assert sorted(r.question for r in rows) == sorted(
        [TOOK_PART, "listened-to", "safe-to-share", "worth-it", "one-thing"]
    )  # the skipped question wrote nothing
    assert {r.month for r in rows} == {f"{TODAY:%Y-%m}"} and {r.wave for r in rows} == {3}
    # The home page no longer offers it, and the data download says only that they answered.
    assert "A short survey is ready" not in pages.get("/account").get_text()
    data = json.loads(client.get("/account/data.json").data)
    assert data["surveys_answered"] == ["You answered the 3-month survey"]
    assert "quiet room" not in json.dumps(data) and "sometimes" not in json.dumps(data)


def test_sending_twice_makes_one_set_of_answers(app, pages, client):
    joined("Due Dipper", 3)
    sign_in(pages, "Due Dipper")
    answer_all(pages, ANSWERS)
    token = pages.get("/survey/check").find("input", {"name": "csrf_token"})["value"]
    first = client.post("/survey/check", data={"csrf_token": token})
    again = client.post("/survey/check", data={"csrf_token": token})  # the first answer was lost
    assert first.headers["Location"] == again.headers["Location"] == "/surveys/thank-you"
    with db.connection_context():  # the draft is now a receipt, with no answers in it
        draft = Draft.get(Draft.conversation == "survey")
        assert "quiet room" not in draft.answers_json + draft.typed_json
        assert "sometimes" not in draft.answers_json
        assert SurveyAnswer.select().where(SurveyAnswer.question == TOOK_PART).count() == 1
        assert SurveyAnswered.select().count() == 1


def test_leaving_and_coming_back_keeps_the_answers(app, pages):
    joined("Due Dipper", 3)
    sign_in(pages, "Due Dipper")
    pages.submit("/survey/welcome", {})
    pages.submit("/survey/listened-to", {"answer": "sometimes"})
    with db.connection_context():  # kept sealed: a copy of the database cannot read it
        saved = Draft.get(Draft.conversation == "survey").answers_json
    assert saved.startswith("sealed:") and "sometimes" not in saved
    pages.sign_out()
    sign_in(pages, "Due Dipper")
    resumed = pages.client.get("/survey/")
    assert resumed.headers["Location"] == "/survey/safe-to-share"
    back = pages.get("/survey/listened-to")
    assert back.find("input", {"value": "sometimes"}).has_attr("checked")


def test_easy_read_answers_have_faces_with_words(app, pages):
    joined("Due Dipper", 3)
    sign_in(pages, "Due Dipper")
    pages.submit("/survey/welcome", {})
    plain = pages.get("/survey/listened-to")
    assert not plain.select("label.choice__label img")
    easy = pages.get("/survey/listened-to?view=easyread")
    labels = easy.select("label.choice__label")
    assert [lab.get_text(strip=True) for lab in labels] == ["Yes", "Sometimes", "No"]
    assert all(lab.find("img", src=lambda s: "faces/" in s) for lab in labels)
    assert easy.find("img", class_="turn-picture")  # the question's own picture comes first


def test_an_answer_row_holds_nothing_that_points_to_a_person(app, pages):
    for name in ("Due Dipper", "Due Dunlin"):
        joined(name, 3)
        sign_in(pages, name)
        answer_all(pages, ANSWERS)
        pages.submit("/survey/check", {})
        pages.sign_out()
    with db.connection_context():
        columns = {c.name for c in db.get_columns("survey_answer")}
        answered = {c.name for c in db.get_columns("survey_answered")}
        keys = [r.id for r in SurveyAnswer.select()]
    assert columns == {"id", "community_id", "wave", "month", "question", "value"}
    assert answered == {"id", "member_id", "wave"}  # no month, no day: only which wave
    assert all(len(k) == 32 for k in keys) and len(set(keys)) == len(keys)  # random keys
    if db.obj.__class__.__name__.startswith("Sqlite"):
        with db.connection_context():  # stored in key order: no hidden order of writing
            sql = db.execute_sql(
                "SELECT sql FROM sqlite_master WHERE name = 'survey_answer'"
            ).fetchone()[0]
        assert "WITHOUT ROWID" in sql


def test_the_survey_needs_a_member(client):
    response = client.get("/survey/")
    assert "/sign-in" in response.headers["Location"]


def test_facilitators_and_members_answer_the_same_way(app, pages):
    setup_people(app)
    sign_in(pages, "Fair Kestrel")  # joined today: nothing to answer yet
    assert "no survey for you" in pages.get("/survey/").get_text()


def test_skip_always_skips_even_with_too_many_words_in_the_box(app, pages):
    joined("Due Dipper", 3)
    sign_in(pages, "Due Dipper")
    pages.submit("/survey/welcome", {})
    for key in ("listened-to", "safe-to-share", "influence", "worth-it"):
        pages.submit(f"/survey/{key}", {"skip": "skip", "answer": "yes"})
    too_long = pages.submit("/survey/one-thing", {"answer": "word " * 400}, status=422)
    assert too_long.find(id="error-summary")
    assert "word word" in too_long.find("textarea").get_text()  # what was typed is kept
    pages.submit("/survey/one-thing", {"answer": "word " * 400, "skip": "skip"})
    text = pages.get("/survey/check").find("main").get_text(" ", strip=True)
    assert text.count("Skipped") == 5


def test_easy_read_words_on_the_survey_pages_follow_the_rules(app, pages):
    from tests.unit.test_easyread_lint import (
        BLOCK_CAPITALS,
        MAX_WORDS,
        NUMBER_WORDS,
        sentences,
        word_count,
    )

    joined("Due Dipper", 3)
    sign_in(pages, "Due Dipper")
    problems = []
    for path in ("/survey/", "/how-are-we-doing/people"):
        sections = pages.get(f"{path}?view=easyread").select(".easyread__section")
        assert sections, path
        for section in sections:
            assert section.find("img"), "every section has a picture"
            text = section.select_one(".easyread__words").get_text("\n")
            problems += [s for s in sentences(text) if word_count(s) > MAX_WORDS]
            problems += NUMBER_WORDS.findall(text) + BLOCK_CAPITALS.findall(text)
    assert not problems, problems
