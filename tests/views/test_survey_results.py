"""How are we doing?: who may see it, small groups hidden, words masked, goals set by
facilitators, and the email sent once."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from webapp import clock
from webapp.extensions import db
from webapp.mail import outbox_messages
from webapp.member_records import EmailWanted
from webapp.models import Community, Member
from webapp.surveys.models import Goal, SurveyAnswer, SurveyInvited
from webapp.surveys.waves import add_months

from .facilitation_helpers import setup_people, sign_in
from .test_surveys import joined

TODAY = clock.today()


@pytest.fixture(autouse=True)
def same_day(app):
    """The app's day is the test's day, even when a run crosses midnight."""
    app.config["TODAY"] = TODAY


LAST_MONTH = add_months(TODAY, -1)


def answers(community: str, wave: int, sets: list[dict], on: dt.date = LAST_MONTH) -> None:
    """Answer sets as finish() writes them (members are not needed: answers hold none),
    last month unless told: a month's answers are shown once it is over."""
    with db.connection_context():
        for one in sets:
            with db.atomic():
                SurveyAnswer.record_rows(Community.by_slug(community), wave, one, on)


def yes_sets(n: int, words: str = "") -> list[dict]:
    return [{"listened-to": "yes", "safe-to-share": "yes", "one-thing": words}] * n


def test_members_of_the_community_and_its_facilitators_may_look_nobody_else(app, pages):
    setup_people(app)
    for name, status in (("Plain Pigeon", 200), ("Fair Kestrel", 200), ("Main Admin", 200),
                         ("Other Otter", 403)):  # fmt: skip
        sign_in(pages, name)
        pages.get("/how-are-we-doing/people", status=status)
        pages.sign_out()
    assert "/sign-in" in pages.client.get("/how-are-we-doing/people").headers["Location"]


def test_fewer_than_the_threshold_shows_not_enough_answers(app, pages):
    setup_people(app)
    answers("people", 3, yes_sets(4, "Sam Patel was kind"))
    sign_in(pages, "Plain Pigeon")
    page = pages.get("/how-are-we-doing/people").find("main")
    text = page.get_text(" ", strip=True)
    assert "Not enough answers to show safely" in text
    assert "4 members" not in text and "Sam Patel" not in text and "kind" not in text
    assert not page.find("table", class_="survey-table")


def test_enough_answers_show_a_table_and_masked_words(app, pages):
    setup_people(app)
    # The 5 who did not say yes are hidden as two small groups, but together are enough.
    answers("people", 3, yes_sets(6, "Call Sam Patel on 07700 900123 please")
            + [{"listened-to": "no"}] * 2 + [{"listened-to": "sometimes"}] * 3)  # fmt: skip
    sign_in(pages, "Plain Pigeon")
    page = pages.get("/how-are-we-doing/people").find("main")
    text = page.get_text(" ", strip=True)
    assert "11 members answered." in text
    table = page.find("table", class_="survey-table")
    row = table.find("th", string="Do you feel listened to in your community?").parent
    cells = [td.get_text(" ", strip=True) for td in row.find_all("td")]
    assert cells[0] == "6" and "fewer than 5" in cells[2]
    assert "07700" not in text and "Patel" not in text and "[…]" in text
    assert page.find("svg", attrs={"role": "img"})  # the chart comes after the table


def test_a_facilitator_sets_a_mood_goal_and_sees_where_it_stands(app, pages):
    setup_people(app)
    answers(
        "people", 3, yes_sets(20) + [{"listened-to": "sometimes"}] * 3 + [{"listened-to": "no"}] * 2
    )
    sign_in(pages, "Fair Kestrel")
    app.config["TODAY"] = add_months(TODAY, -2)  # set before last month's answers
    missing = pages.submit("/how-are-we-doing/people/goals/new", {"kind": "mood",
                           "plain": "Most feel heard", "easy": "People feel heard"}, status=422)  # fmt: skip
    assert missing.find(id="error-summary")
    assert missing.find("input", {"name": "plain"})["value"] == "Most feel heard"
    pages.submit("/how-are-we-doing/people/goals/new", {
        "kind": "mood", "plain": "8 in 10 feel listened to", "easy": "People feel heard",
        "question": "listened-to", "target": "8", "review": "6",
    })  # fmt: skip
    with db.connection_context():
        goal = Goal.get()
    assert goal.target == 8 and goal.set_on == add_months(TODAY, -2)
    app.config["TODAY"] = TODAY
    text = pages.get("/how-are-we-doing/people").find("main").get_text(" ", strip=True)
    assert "1 of 1 goal is met so far." in text
    assert "At 3 months, 8 in 10 members said yes: met." in text


def test_a_mood_goal_is_met_only_by_answers_given_after_it_was_set(app, pages):
    """Last month's answers were given before a goal set today: they cannot meet it. The
    months after the goal's month count, in whole groups of at least the threshold."""
    setup_people(app)
    answers("people", 3, yes_sets(20), on=add_months(TODAY, -2))  # before the goal
    sign_in(pages, "Fair Kestrel")
    app.config["TODAY"] = add_months(TODAY, -1)
    pages.submit("/how-are-we-doing/people/goals/new", {
        "kind": "mood", "plain": "8 in 10 feel listened to", "easy": "People feel heard",
        "question": "listened-to", "target": "8", "review": "6",
    })  # fmt: skip
    app.config["TODAY"] = TODAY
    text = pages.get("/how-are-we-doing/people").find("main").get_text(" ", strip=True)
    assert "20 members answered." in text  # the page still shows every answer
    assert "0 of 1 goal is met so far." in text and "said yes: met." not in text
    answers("people", 3, [{"listened-to": "no"}] * 5, on=LAST_MONTH)  # the goal's month
    later = yes_sets(20) + [{"listened-to": "sometimes"}] * 3 + [{"listened-to": "no"}] * 2
    answers("people", 3, later, on=TODAY)  # this month: shown once it is over
    app.config["TODAY"] = add_months(TODAY, 1)
    text = pages.get("/how-are-we-doing/people").find("main").get_text(" ", strip=True)
    assert "At 3 months, 8 in 10 members said yes: met." in text  # 20 in 30 with the goal's month
    assert "1 of 1 goal is met so far." in text


def test_eight_of_nine_saying_yes_is_not_shown(app, pages):
    """Showing 8 beside "9 answered" would tell the group one of them said something else."""
    setup_people(app)
    answers("people", 3, yes_sets(8) + [{"listened-to": "no"}])
    sign_in(pages, "Plain Pigeon")
    page = pages.get("/how-are-we-doing/people").find("main")
    row = (
        page.find("table", class_="survey-table")
        .find("th", string="Do you feel listened to in your community?")
        .parent
    )
    assert all("8" not in td.get_text() for td in row.find_all("td"))


def test_a_realistic_goal_is_marked_met_by_a_facilitator_only(app, pages, client):
    setup_people(app)
    sign_in(pages, "Fair Kestrel")
    pages.submit("/how-are-we-doing/people/goals/new", {
        "kind": "realistic", "plain": "Meet in step-free places", "easy": "Meet where all can get in",
        "review": "3",
    })  # fmt: skip
    with db.connection_context():
        goal = Goal.get()
    url = f"/how-are-we-doing/people/goals/{goal.id}/met"
    pages.sign_out()
    sign_in(pages, "Plain Pigeon")
    page = pages.get("/how-are-we-doing/people")
    assert "Not met yet." in page.get_text() and not page.find("form", action=url)
    token = pages.get("/account").select_one("form input[name=csrf_token]")["value"]
    assert client.post(url, data={"csrf_token": token}).status_code == 403
    pages.get("/how-are-we-doing/people/goals/new", status=403)
    pages.sign_out()
    sign_in(pages, "Fair Kestrel")
    token = pages.get("/how-are-we-doing/people").find("form", action=url).find("input")["value"]
    assert client.post(url, data={"csrf_token": token}).status_code == 302
    with db.connection_context():
        assert Goal.get_by_id(goal.id).met_on == TODAY


def test_the_email_goes_once_to_those_who_chose_it(app, tmp_path):
    app.config["MAIL_OUTBOX_DIR"] = tmp_path / "outbox"
    due = joined("Due Dipper", 3)
    quiet = joined("Quiet Quail", 3)
    with db.connection_context():
        for member_id in (due, quiet):
            Member.update(email=f"{member_id}@example.org").where(Member.id == member_id).execute()
        EmailWanted.create(member=due, kind="survey-ready")
    runner = app.test_cli_runner()
    assert "Sent 1 survey emails." in runner.invoke(args=["survey-emails"]).output
    assert "Sent 0 survey emails." in runner.invoke(args=["survey-emails"]).output
    messages = outbox_messages(tmp_path / "outbox")
    assert [m["To"] for m in messages] == [f"{due}@example.org"]
    assert "/survey/" in messages[0].get_content()
    with db.connection_context():
        assert SurveyInvited.select().count() == 1


def test_the_demo_shows_figures_in_people_and_not_enough_in_advocates(app, pages):
    setup_people(app)
    assert "loaded" in app.test_cli_runner().invoke(args=["load-demo-surveys"]).output
    pages.sign_in()  # the demo member, in People: their 3-month survey is ready
    assert "A short survey is ready" in pages.get("/account").get_text()
    people = pages.get("/how-are-we-doing/people").find("main").get_text(" ", strip=True)
    assert "15 members answered." in people and "16 members answered." in people
    assert "At 6 months, 7 in 10 members said yes: not met yet." in people  # figures show
    assert "goals are met so far" in people and "07700" not in people
    pages.sign_out()
    sign_in(pages, "Main Admin")
    advocates = pages.get("/how-are-we-doing/advocates").find("main").get_text(" ", strip=True)
    assert not re.search(r"\d+ members answered", advocates)
    assert advocates.count("Not enough answers to show safely") == 3
    nav = pages.get("/how-are-we-doing/people").find(
        "nav", attrs={"aria-labelledby": "other-communities"}
    )
    assert [a.get_text() for a in nav.find_all("a")] == [
        c.name for c in Community.in_order() if c.slug != "people"
    ]  # an admin may look at every community's
    dashboard = pages.get("/facilitate/people/dashboard").find("main").get_text(" ", strip=True)
    assert "Goals to review" in dashboard and "step-free" in dashboard


def test_answers_are_added_a_month_at_a_time_and_never_fewer_than_the_threshold(app, pages):
    """Comparing the page before and after one person answered must not show their answer."""
    setup_people(app)
    answers("people", 3, yes_sets(6), on=add_months(TODAY, -3))
    answers("people", 3, yes_sets(2), on=add_months(TODAY, -2))  # too few: waits
    answers("people", 3, yes_sets(1), on=TODAY)  # this month: not over yet
    sign_in(pages, "Plain Pigeon")
    text = pages.get("/how-are-we-doing/people").find("main").get_text(" ", strip=True)
    assert "6 members answered." in text
    answers("people", 3, yes_sets(3), on=LAST_MONTH)  # 2 + 3 reach the threshold together
    text = pages.get("/how-are-we-doing/people").find("main").get_text(" ", strip=True)
    assert "11 members answered." in text
