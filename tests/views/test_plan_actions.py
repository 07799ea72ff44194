"""The action plan: volunteering in one step, the lead's answers and updates, who may do
what on every route, the monthly reminders (with a chosen day) and the CSV."""

from __future__ import annotations

import csv
import datetime as dt
import io

import pytest

from webapp.extensions import db
from webapp.facilitation.models import AuditEntry
from webapp.models import Member
from webapp.plans.models import Activity, Offer, Task, Update, add_months, month_of
from webapp.plans.reminders import month_missed, update_due

from .facilitation_helpers import make_member, setup_people, sign_in
from .plan_helpers import make_activity, make_offer, make_task, make_terms


@pytest.fixture
def plan(app):
    made = setup_people(app)
    made["lead"] = make_member("Lively Lark", "people")
    with app.test_request_context(), db.connection_context():
        from webapp.agreements.service import record_consent, required_agreements

        lark = Member.get_by_id(made["lead"])
        for agreement in required_agreements(lark):
            record_consent(lark, agreement, [p.key for p in agreement.principles])
    make_terms()
    made["activity"] = make_activity(lead_id=made["lead"])
    made["task"] = make_task(made["activity"])
    return made


def offer_of(task_id, member_id):
    with db.connection_context():
        return Offer.get_or_none(Offer.task == task_id, Offer.member == member_id)


def post(pages, url, status=302):
    token = pages.get("/account").select_one("form input[name=csrf_token]")["value"]
    response = pages.client.post(url, data={"csrf_token": token})
    assert response.status_code == status, (url, response.status_code)
    return response


def test_offer_confirm_and_the_member_sees_their_task(pages, plan):
    sign_in(pages, "Plain Pigeon")
    page = pages.get(f"/plan/activities/{plan['activity']}")
    assert page.find("button", string="I can help with this")
    sent = post(pages, f"/plan/tasks/{plan['task']}/offer")
    assert sent.headers["Location"].endswith(f"#task-{plan['task']}")
    page = pages.get(f"/plan/activities/{plan['activity']}")
    # The thanks is beside the task the page opens at, not at the top of a long page.
    note = page.select_one(f"#task-{plan['task']} .notice")
    assert note and "will answer your offer" in note["data-announce"]
    assert len(page.select(".notice[data-announce]")) == 1
    assert offer_of(plan["task"], plan["member"]).status == Offer.OFFERED
    home = pages.get("/account").select_one("#plan-home-heading").parent.get_text()
    assert "Collect three letters" in home and "waiting for the lead" in home
    pages.sign_out()
    sign_in(pages, "Lively Lark")
    offer = offer_of(plan["task"], plan["member"])
    page = pages.get(f"/plan/activities/{plan['activity']}")
    assert page.find("a", href=f"/plan/offers/{offer.id}")
    pages.submit(f"/plan/offers/{offer.id}", {"answer": "confirm", "note": "Thank you!"})
    assert offer_of(plan["task"], plan["member"]).status == Offer.CONFIRMED
    with db.connection_context():
        assert AuditEntry.select().where(AuditEntry.action == "confirmed offer").exists()
    page = pages.get(f"/plan/activities/{plan['activity']}")
    assert "Plain Pigeon" in page.select_one(f"#task-{plan['task']}").get_text()


def test_a_kind_decline_with_a_note_and_withdrawing(pages, plan):
    sign_in(pages, "Plain Pigeon")
    post(pages, f"/plan/tasks/{plan['task']}/offer")
    post(pages, f"/plan/tasks/{plan['task']}/withdraw")
    assert offer_of(plan["task"], plan["member"]).status == Offer.WITHDRAWN
    post(pages, f"/plan/tasks/{plan['task']}/offer")  # offering again renews the same offer
    assert offer_of(plan["task"], plan["member"]).status == Offer.OFFERED
    pages.sign_out()
    sign_in(pages, "Lively Lark")
    offer = offer_of(plan["task"], plan["member"])
    pages.submit(f"/plan/offers/{offer.id}", {"answer": "decline", "note": "We have enough now."})
    assert offer_of(plan["task"], plan["member"]).status == Offer.DECLINED
    pages.get(f"/plan/offers/{offer.id}")  # answered: the page says so, with no form
    pages.sign_out()
    sign_in(pages, "Plain Pigeon")
    assert "We have enough now." in pages.get("/account").get_text()
    page = pages.get(f"/plan/activities/{plan['activity']}")
    assert not page.find("button", string="I can help with this")  # no asking twice


def test_a_member_who_may_not_post_reads_and_is_told_why(pages, plan):
    with db.connection_context():
        Member.update(suspended_until=dt.date.today() + dt.timedelta(days=7)).where(
            Member.id == plan["member"]
        ).execute()
    sign_in(pages, "Plain Pigeon")
    page = pages.get(f"/plan/activities/{plan['activity']}")
    assert "suspended your account until" in page.get_text()
    assert not page.find("button", string="I can help with this")
    post(pages, f"/plan/tasks/{plan['task']}/offer", status=403)
    assert offer_of(plan["task"], plan["member"]) is None


ROUTES = [  # (method, url, who may: member, lead, facilitator, other community's facilitator)
    ("GET", "/plan/people", (200, 200, 200, 403)),
    ("GET", "/plan/people/terms", (200, 200, 200, 403)),
    ("GET", "/plan/people/terms/versions", (200, 200, 200, 403)),
    ("GET", "/plan/people/terms/versions/1", (200, 200, 200, 403)),
    ("GET", "/plan/people/changes", (200, 200, 200, 403)),
    ("GET", "/plan/people/print", (200, 200, 200, 403)),
    ("GET", "/plan/people/plan.csv", (200, 200, 200, 403)),
    ("GET", "/plan/people/terms/edit", (403, 403, 200, 403)),
    ("GET", "/plan/people/review", (403, 403, 200, 403)),
    ("GET", "/plan/people/activities/new", (403, 403, 200, 403)),
    ("GET", "/plan/activities/{activity}", (200, 200, 200, 403)),
    ("GET", "/plan/activities/{activity}/edit", (403, 403, 200, 403)),
    ("GET", "/plan/activities/{activity}/status", (403, 200, 200, 403)),
    ("GET", "/plan/activities/{activity}/tasks/new", (403, 200, 200, 403)),
    ("GET", "/plan/activities/{activity}/update", (403, 200, 200, 403)),
    ("GET", "/plan/offers/{offer}", (403, 200, 200, 403)),
    ("GET", "/plan/tasks/{task}/edit", (403, 200, 200, 403)),
    ("POST", "/plan/tasks/{task}/done", (403, 302, 302, 403)),
    ("POST", "/plan/tasks/{task}/offer", (302, 302, 302, 403)),
    ("POST", "/plan/tasks/{task}/withdraw", (302, 302, 302, 403)),
]


@pytest.mark.parametrize("who", range(4))
def test_who_may_do_what_on_every_route(pages, plan, who, app):
    name = ["Plain Pigeon", "Lively Lark", "Fair Kestrel", "Other Otter"][who]
    offer = make_offer(plan["task"], plan["author"])
    sign_in(pages, name)
    plan_rules = {r.rule for r in app.url_map.iter_rules() if r.endpoint.startswith("plans.")}
    assert len(plan_rules) == len(ROUTES)  # a new route is added to this table
    for method, url, allowed in ROUTES:
        url = url.format(activity=plan["activity"], task=plan["task"], offer=offer)
        if method == "GET":
            assert pages.client.get(url).status_code == allowed[who], (name, url)
        else:
            post(pages, url, status=allowed[who])
    pages.sign_out()
    for method, url, _allowed in ROUTES:  # a visitor is asked to sign in first
        if method == "POST":
            continue
        url = url.format(activity=plan["activity"], task=plan["task"], offer=offer)
        assert pages.client.get(url).status_code == 302, url


def test_a_lead_posts_a_monthly_update_kept_as_history(pages, plan):
    sign_in(pages, "Lively Lark")
    assert "There is no update for this month yet" in pages.get("/account").get_text()
    url = f"/plan/activities/{plan['activity']}/update"
    activity_page = f"/plan/activities/{plan['activity']}"
    assert "Write this month's update" in pages.get(activity_page).get_text()
    soup = pages.submit(url, {"did": "", "next": "Read them."}, status=422)
    assert soup.find("textarea", {"name": "next"}).get_text().strip() == "Read them."
    pages.submit(url, {"did": "We found three letters.", "next": "Read them."})
    pages.submit(url, {"did": "We found four letters.", "next": "Read them."})  # same month
    with db.connection_context():
        assert [u.did for u in Update.select()] == ["We found four letters."]
    assert "There is no update for this month yet" not in pages.get("/account").get_text()
    written = pages.get(activity_page).get_text()
    assert "Change this month's update" in written and "Write this month's update" not in written
    page = pages.get("/plan/people")
    assert "We found four letters." in page.get_text()


def test_monthly_reminders_follow_the_day_given(app, plan):
    today = dt.date(2026, 11, 25)
    with db.connection_context():
        activity = Activity.get_by_id(plan["activity"])
        activity.starts = dt.date(2026, 8, 1)
        activity.save()
        assert update_due(activity, today) and month_missed(activity, today)
        Update.create(activity=activity, month=dt.date(2026, 10, 1), did="x")
        assert update_due(activity, today) and not month_missed(activity, today)
        assert not month_missed(activity, dt.date(2026, 11, 30))
        assert month_missed(activity, dt.date(2026, 12, 1))  # November went by with none
        Update.create(activity=activity, month=month_of(today), did="y")
        assert not update_due(activity, today)
        assert update_due(activity, add_months(month_of(today), 1))
        activity.status = "done"
        assert not update_due(activity, dt.date(2027, 5, 1))
        assert not month_missed(activity, dt.date(2027, 5, 1))


def test_the_dashboard_reminds_of_reviews_and_quiet_activities(pages, plan):
    with db.connection_context():
        Activity.update(starts=add_months(month_of(dt.date.today()), -3)).execute()
        from webapp.plans.models import TermsVersion

        TermsVersion.update(review_on=dt.date.today()).execute()
    sign_in(pages, "Fair Kestrel")
    text = pages.get("/facilitate/people/dashboard").select_one(".reminders").get_text()
    assert "The terms of reference were due for review" in text
    assert "A month has gone by without an update for:" in text and "Clear letters" in text


def test_filters_and_the_csv_in_the_members_variant(pages, plan):
    make_activity(lead_id=plan["lead"], title="=cmd|' /C calc'!A0", status="needs-help",
                  panel="participation", title_easy="Easy words")  # fmt: skip
    sign_in(pages, "Plain Pigeon")
    names = [
        a.get_text()
        for a in pages.get("/plan/people?status=needs-help").select(".activity-card h3 a")
    ]
    assert names == ["=cmd|' /C calc'!A0"]
    names = [
        a.get_text()
        for a in pages.get("/plan/people?principle=legality").select(".activity-card h3")
    ]
    assert names == []
    body = pages.client.get("/plan/people/plan.csv").get_data(as_text=True).lstrip("\ufeff")
    table = list(csv.reader(io.StringIO(body)))
    assert table[0][:3] == ["Activity", "What it is and why", "Status"]
    assert [row[0] for row in table[1:]] == ["Clear letters", "'=cmd|' /C calc'!A0"]
    assert table[2][2] == "Needs help"
    body = pages.client.get("/plan/people/plan.csv?view=easyread").get_data(as_text=True)
    assert "Easy words" in body and "Not started yet" in body


def test_data_download_has_their_offers_and_updates(pages, plan):
    make_offer(plan["task"], plan["member"], status=Offer.CONFIRMED)
    with db.connection_context():
        Task.update(description="Collect three letters").execute()
    sign_in(pages, "Plain Pigeon")
    found = pages.client.get("/account/data.json").get_json()
    assert found.get("plans", {}).get("tasks_doing") == ["Collect three letters"]


def test_you_said_we_did_links_a_decision_and_its_activities_both_ways(pages, plan, app):
    from .decision_helpers import make_decision

    decision = make_decision(app, title="Clearer letters for everyone")
    elsewhere = make_activity(lead_id=plan["other"], community="staff", title="Staff letters",
                              decision_id=decision)  # fmt: skip
    sign_in(pages, "Fair Kestrel")
    url = f"/plan/activities/{plan['activity']}/edit"
    form = pages.get(url)
    choices = [o.get_text() for o in form.select("#decision option")]
    assert choices == ["None", "Clearer letters for everyone"]
    values = {"title": "Clear letters", "about": "Why we do it.", "lead": str(plan["lead"]),
              "decision": str(decision)}  # fmt: skip
    month = dt.date.today().strftime("%Y-%m")
    pages.submit(url, {**values, "starts": month, "due": month})
    page = pages.get(f"/plan/activities/{plan['activity']}")
    assert (
        page.find("a", href=f"/decisions/{decision}").get_text() == "Clearer letters for everyone"
    )
    pages.sign_out()
    sign_in(pages, "Plain Pigeon")
    came_from = pages.get(f"/decisions/{decision}").select_one("#came-from").parent
    links = [a["href"] for a in came_from.select("a")]
    assert f"/plan/activities/{plan['activity']}" in links
    assert f"/plan/activities/{elsewhere}" not in links  # another community's plan: not theirs


def test_what_changed_since_last_month(pages, plan):
    long_ago = add_months(month_of(dt.date.today()), -3)
    with db.connection_context():
        from webapp.plans.models import StatusChange

        old = Activity.create(community=1, title="Old activity", about="x", starts=long_ago,
                              due=long_ago, made_on=long_ago, status="on-track")  # fmt: skip
        StatusChange.create(activity=old, status="not-started", changed_on=long_ago)
        StatusChange.create(activity=old, status="on-track", changed_on=dt.date.today())
        Task.create(activity=old, description="Book a room", done=True, done_on=dt.date.today())
        quiet = Activity.create(community=1, title="Quiet activity", about="x", starts=long_ago,
                                due=long_ago, made_on=long_ago)  # fmt: skip
        StatusChange.create(activity=quiet, status="not-started", changed_on=long_ago)
    sign_in(pages, "Plain Pigeon")
    items = [
        li.get_text(" ", strip=True)
        for li in pages.get("/plan/people/changes").select(".change-list li")
    ]
    text = " | ".join(items)
    assert "Old activity is now: On track" in text
    assert "Old activity has a task done: Book a room" in text
    assert "Clear letters was added to the plan." in text
    assert "Quiet activity" not in text  # nothing happened to it since last month


def test_the_lead_changes_a_task_and_it_is_audited(pages, plan):
    sign_in(pages, "Lively Lark")
    url = f"/plan/tasks/{plan['task']}/edit"
    assert pages.get(url).find("input", {"name": "description"})["value"] == "Collect three letters"
    soup = pages.submit(url, {"description": "", "due": ""}, status=422)
    assert soup.title.get_text().startswith("Error: ")
    pages.submit(url, {"description": "Collect four letters", "due": ""})
    with db.connection_context():
        assert Task.get_by_id(plan["task"]).description == "Collect four letters"
        assert AuditEntry.select().where(AuditEntry.action == "changed task").exists()


@pytest.mark.parametrize("view", ["standard", "easyread"])
def test_the_print_page_has_a_print_button_and_says_how_to_print_without_it(pages, plan, view):
    """The button works only with JavaScript (a11y.js shows it and hides the sentence), so
    it starts hidden and the sentence saying how to print is there for everyone else. Both
    sit in .plan-actions, which the print CSS leaves out of the printed copy."""
    sign_in(pages, "Plain Pigeon")
    main = pages.get(f"/plan/people/print?view={view}").find("main")
    button = main.find("button", attrs={"data-print": True})
    assert button is not None and button["type"] == "button"
    assert button.get_text(strip=True) == ("Print" if view == "easyread" else "Print this page")
    row = button.find_parent(attrs={"data-print-row": True})
    assert row is not None and row.has_attr("hidden")
    hint = main.find(attrs={"data-print-hint": True})
    assert "Print" in hint.get_text() and not hint.has_attr("hidden")
    for part in (row, hint):
        assert "plan-actions" in part.find_parent("div")["class"]
    assert not main.find("script")  # the CSP allows no inline script


def test_marking_a_task_done_comes_back_to_the_task_with_htmx_too(pages, plan):
    """htmx follows a redirect inside its request and would lose '#task-N': a boosted
    request gets HX-Location to the same place instead, asked for as boosted again."""
    import json

    sign_in(pages, "Lively Lark")
    token = pages.get("/account").select_one("form input[name=csrf_token]")["value"]
    url, place = f"/plan/tasks/{plan['task']}/done", f"#task-{plan['task']}"
    plain = pages.client.post(url, data={"csrf_token": token})
    assert plain.status_code == 302 and plain.headers["Location"].endswith(place)
    boosted = {"HX-Request": "true", "HX-Boosted": "true"}
    swapped = pages.client.post(url, data={"csrf_token": token}, headers=boosted)
    assert swapped.status_code == 200 and "Location" not in swapped.headers
    asked = json.loads(swapped.headers["HX-Location"])
    assert asked["path"].endswith(f"/plan/activities/{plan['activity']}{place}")
    assert asked["target"] == "body" and asked["headers"] == {"HX-Boosted": "true"}
    followed = pages.client.get(asked["path"].split("#")[0], headers=boosted)
    assert f'id="{place[1:]}"' in followed.get_data(as_text=True)
    with db.connection_context():
        assert Task.get_by_id(plan["task"]).done is False  # done, then not done again
    # A fragment request (not boosted) keeps the redirect: its target holds the page part.
    fragment = pages.client.post(url, data={"csrf_token": token}, headers={"HX-Request": "true"})
    assert fragment.status_code == 302
