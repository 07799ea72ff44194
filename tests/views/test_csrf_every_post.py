"""Every POST route, without a token and with another session's token, as a visitor and as
a member: never a 500, nothing written, the member still signed in, and what was typed kept.

The routes come from app.url_map, so a new POST route is tried the day it is added.
"""

from __future__ import annotations

import re

import pytest
from bs4 import BeautifulSoup

from webapp import clock
from webapp.extensions import db
from webapp.join.demo import NEWCOMER
from webapp.meetings.suggestion_models import AgendaSuggestion
from webapp.models import Community, CommunityChange, Member
from webapp.surveys.models import Goal
from webapp.surveys.waves import add_months

from .decision_helpers import make_decision
from .facilitation_helpers import make_reply, make_story, setup_people, sign_in
from .meeting_helpers import attended, make_meeting
from .plan_helpers import make_activity, make_offer, make_task, make_terms

TYPED = "Kettle-words-7731"  # what the person typed into every text box
PEOPLE = ("visitor", "member", "facilitator")
# The quick exit needs no token: all it can do is sign this device out and forget it.
EXEMPT = {"/leave-now"}


def snapshot() -> dict[str, list]:
    """Every row of every table, so any write at all shows up."""
    with db.connection_context():
        return {
            table: sorted(map(repr, db.execute_sql(f'SELECT * FROM "{table}"').fetchall()))
            for table in sorted(db.get_tables())
        }


def post_routes(app) -> list[str]:
    return sorted(
        rule.rule
        for rule in app.url_map.iter_rules()
        if "POST" in rule.methods and rule.rule not in EXEMPT
    )


def test_only_the_quick_exit_is_exempt(app):
    from webapp.extensions import csrf

    exempt = {
        rule.rule
        for rule in app.url_map.iter_rules()
        if "POST" in rule.methods
        and f"{app.view_functions[rule.endpoint].__module__}.{rule.endpoint.split('.')[-1]}"
        in csrf._exempt_views
    }
    assert exempt == EXEMPT


def concrete_url(client, rule: str, values: dict[str, str]) -> str:
    def fill(match: re.Match) -> str:
        name = match.group(1).split(":")[-1]
        return match.group(0) if name == "turn_name" else str(values[name])

    rule = re.sub(r"<([^>]+)>", fill, rule)
    if rule.endswith("/<turn_name>"):  # the conversation's own current turn, a real one
        start = client.get(rule.removesuffix("<turn_name>"))
        return start.headers.get("Location", rule.replace("<turn_name>", "nope"))
    return rule


def typed_form(client, url: str) -> dict[str, str]:
    """What a person would have filled in on the form at this address, if it has one."""
    page = client.get(url)
    data: dict[str, str] = {}
    if page.status_code != 200:
        return data
    soup = BeautifulSoup(page.get_data(as_text=True), "html.parser")
    form = next(
        (f for f in soup.find_all("form", method="post") if f.find(["input", "textarea"])), None
    )
    if form is None:
        return data
    for box in form.find_all(["input", "textarea"]):
        name, kind = box.get("name"), box.get("type", "text")
        if not name or name == "csrf_token" or "honeypot" in (box.parent.get("class") or []):
            continue
        if box.name == "textarea" or kind in ("text", "email", "search"):
            data[name] = TYPED
        elif kind in ("radio", "checkbox") and name not in data:
            data[name] = box.get("value", "y")
        elif kind == "password":
            data[name] = "a long enough secret phrase"
    return data


@pytest.fixture
def world(app):
    made = setup_people(app)
    own = make_story(author_id=made["member"], status="approved", audience="public",
                     replies_allowed=True)  # fmt: skip
    reply = make_reply(own, author_id=made["member"], status="approved")
    # A meeting already held, with a sensitive item, that the member came to.
    meeting = make_meeting(days=-1, items=[("Hospital stays", True)])
    attended(meeting, made["member"])
    # A decision that has closed: its outcome form is there to post to.
    decision = make_decision(app, opens=-10, closes=-1)
    with db.connection_context():  # the demo's newcomer and the move waiting to be accepted
        newcomer = Member.by_name(NEWCOMER)
        move = CommunityChange.get(CommunityChange.status == CommunityChange.REQUESTED)
        # Plain Pigeon's 3-month survey is open, so its conversation's posts are tried too.
        Member.update(joined_on=add_months(clock.today(), -3)).where(
            Member.id == made["member"]
        ).execute()
        # A member's suggestion for that meeting's agenda, still waiting for the facilitators.
        suggestion = AgendaSuggestion.create(meeting=meeting, member=made["member"], words="Buses")
        goal = Goal.create(community=Community.by_slug("people"), kind=Goal.REALISTIC,
                           plain="Meet in step-free places", easy="Meet where all can get in",
                           review_on=clock.today())  # fmt: skip
    version = make_terms()  # the plan: terms, an activity the member leads, a task, an offer
    activity = make_activity(lead_id=made["member"])
    task = make_task(activity)
    offer = make_offer(task, made["author"])
    return {
        "version": version,
        "activity_id": activity,
        "task_id": task,
        "offer_id": offer,
        "change_id": move.id,
        "decision_id": decision,
        "reference": own,
        "reply_id": reply,
        "community": "people",
        "member_id": newcomer.id,
        "goal_id": goal.id,
        "token": "not-a-real-reset-token",
        "meeting_id": meeting,
        "item_id": 1,
        "suggestion_id": suggestion.id,
        "ids": made,
    }


def foreign_token(app) -> str:
    """A real token, but from somebody else's session."""
    other = app.test_client()
    page = other.get("/sign-in")
    return BeautifulSoup(page.get_data(as_text=True), "html.parser").find(
        "input", {"name": "csrf_token"}
    )["value"]


@pytest.mark.parametrize("who", PEOPLE)
@pytest.mark.parametrize("token", ["none", "foreign"])
def test_every_post_without_a_good_token_changes_nothing_and_loses_nothing(
    app, client, pages, world, who, token
):
    if who != "visitor":
        name = {"member": "Plain Pigeon", "facilitator": "Fair Kestrel"}[who]
        sign_in(pages, name)
    routes = post_routes(app)
    assert len(routes) >= 40, routes  # the map really was read
    bad_token = {"none": {}, "foreign": {"csrf_token": foreign_token(app)}}[token]
    kept_somewhere = 0
    for rule in routes:
        url = concrete_url(client, rule, world)
        typed = typed_form(client, url)
        before = snapshot()
        response = client.post(url, data={**typed, **bad_token})
        after = snapshot()
        assert response.status_code < 500, (rule, response.status_code)
        changed = [table for table in before if before[table] != after[table]]
        assert not changed, (rule, changed)
        body = response.get_data(as_text=True)
        if who != "visitor":  # still signed in: never sent to sign in, never treated as a visitor
            assert "/sign-in" not in response.headers.get("Location", ""), rule
            if response.status_code in (200, 400, 422):
                assert ">Your account</a>" in body, rule
        if response.status_code == 422:
            soup = BeautifulSoup(body, "html.parser")
            assert soup.select_one("[data-error-summary]"), rule
            assert soup.find("input", {"name": "csrf_token"})["value"], rule
            if TYPED in str(typed.values()):
                assert TYPED in body, (rule, "typed words lost")
                kept_somewhere += 1
    assert kept_somewhere >= 5  # the forms with text boxes really were redisplayed


def test_a_member_whose_token_expired_keeps_their_new_name_and_stays_signed_in(
    pages, client, world
):
    sign_in(pages, "Plain Pigeon")
    response = client.post("/account/name", data={"name": "Brave Badger"})
    assert response.status_code == 422
    body = response.get_data(as_text=True)
    assert 'value="Brave Badger"' in body
    assert ">Your account</a>" in body  # the page still knows who is signed in
    with db.connection_context():
        assert Member.get_by_id(world["ids"]["member"]).display_name == "Plain Pigeon"


def test_a_forged_post_to_a_conversation_turn_saves_nothing(client, world):
    from webapp.drafts import Draft

    client.get("/share/")
    before = snapshot()
    client.post("/share/story", data={"body": "Words a forger wants saved"})
    assert snapshot() == before
    with db.connection_context():
        assert not Draft.select().where(Draft.typed_json.contains("forger")).exists()
