"""Setting a realistic goal tied to activities in the community's plan, changing them
later, where it stands on "How are we doing?", and the goals an activity serves."""

from __future__ import annotations

from webapp.extensions import db
from webapp.plans.models import DONE, ON_TRACK, STOPPED, Activity
from webapp.surveys.models import Goal, GoalActivity

from .facilitation_helpers import setup_people, sign_in
from .plan_helpers import make_activity

NEW = "/how-are-we-doing/people/goals/new"
GOAL = {"kind": "realistic", "plain": "Clear letters from services",
        "easy": "Letters are easy to read", "review": "6"}  # fmt: skip


def kind_chosen(pages, kind: str = "realistic"):
    """The form's second step: the fields for a kind of goal, after "Continue"."""
    return pages.submit(NEW, {"kind": kind, "choose-kind": "choose-kind"}, status=200)


def the_goal() -> Goal:
    with db.connection_context():
        return Goal.get()


def tied_titles(goal: Goal) -> list[str]:
    with db.connection_context():
        return [a.title for a in Goal.get_by_id(goal.id).activities()]


def set_status(activity_id: int, status: str) -> None:
    with db.connection_context():
        Activity.update(status=status).where(Activity.id == activity_id).execute()


def words(page) -> str:
    return " ".join(page.find("main").get_text(" ", strip=True).split())


def results_text(pages) -> str:
    return words(pages.get("/how-are-we-doing/people"))


def test_a_facilitator_ticks_the_activities_a_goal_depends_on(app, pages):
    setup_people(app)
    letters = make_activity(title="Clear letters", status=ON_TRACK)
    carers = make_activity(title="A carers' guide", status=DONE)
    make_activity(community="staff", title="Staff rota")  # another community's plan
    sign_in(pages, "Fair Kestrel")
    form = kind_chosen(pages).find("main")
    boxes = form.find_all("input", {"name": "activities"})
    assert [b["value"] for b in boxes] == [str(letters), str(carers)]
    assert "Staff rota" not in form.get_text() and "(On track)" in form.get_text()
    pages.submit(NEW, {**GOAL, "activities": [str(letters), str(carers)]})
    goal = the_goal()
    assert tied_titles(goal) == ["Clear letters", "A carers' guide"]
    text = results_text(pages)
    assert "0 of 1 goal is met so far." in text
    assert "Not met yet. 1 of 2 activities done." in text
    page = pages.get("/how-are-we-doing/people")
    links = page.find("ul", class_="goal-activities").find_all("a")
    assert [a["href"] for a in links] == [
        f"/plan/activities/{letters}",
        f"/plan/activities/{carers}",
    ]
    assert not page.find("form", action=f"/how-are-we-doing/people/goals/{goal.id}/met")
    set_status(letters, STOPPED)
    assert "1 of 2 activities done; 1 stopped. A stopped activity does not count as done." in (
        results_text(pages)
    )
    set_status(letters, DONE)
    assert "Met: every activity it depends on is done." in results_text(pages)
    assert "1 of 1 goal is met so far." in results_text(pages)


def test_the_easy_read_page_says_where_it_stands_in_words(app, pages):
    setup_people(app)
    letters = make_activity(title="Clear letters", title_easy="Easy letters", status=STOPPED)
    done = make_activity(title="Carers", status=DONE)
    sign_in(pages, "Plain Pigeon")
    with db.connection_context():
        Goal.create(community=1, kind=Goal.REALISTIC, plain="Plain", easy="Letters are easy",
                    review_on=Activity.get_by_id(done).due).tie_to([letters, done])  # fmt: skip
    text = words(pages.get("/how-are-we-doing/people?view=easyread"))
    assert "Not done yet. 1 of 2 activities are finished." in text
    assert "1 activity has stopped. It does not count." in text and "Easy letters" in text


def test_a_bad_activity_is_a_clear_error_and_everything_typed_is_kept(app, pages):
    setup_people(app)
    letters = make_activity(title="Clear letters")
    other = make_activity(community="staff", title="Staff rota")
    sign_in(pages, "Fair Kestrel")
    for bad in (str(other), "not-a-number", "999999"):
        page = pages.submit(NEW, {**GOAL, "activities": [str(letters), bad]}, status=422)
        summary = page.find(id="error-summary").get_text(" ", strip=True)
        assert "Choose only from the activities listed in the action plan" in summary
        assert page.find("a", href="#activities-0")
        assert page.find("input", {"name": "plain"})["value"] == GOAL["plain"]
        assert page.find("input", {"name": "easy"})["value"] == GOAL["easy"]
        kind = page.find("input", {"name": "kind"})  # chosen in the first step, kept
        assert (kind["type"], kind["value"]) == ("hidden", "realistic")
        assert page.find("input", {"name": "activities", "value": str(letters)}).has_attr("checked")
    with db.connection_context():
        assert Goal.select().count() == 0


def test_a_mood_goal_is_tied_to_nothing(app, pages):
    setup_people(app)
    letters = make_activity(title="Clear letters")
    sign_in(pages, "Fair Kestrel")
    pages.submit(NEW, {**GOAL, "kind": "mood", "question": "listened-to", "target": "8",
                       "activities": [str(letters)]})  # fmt: skip
    assert tied_titles(the_goal()) == []


def test_with_no_activities_the_form_says_so_and_links_to_the_plan(app, pages):
    setup_people(app)
    sign_in(pages, "Fair Kestrel")
    form = kind_chosen(pages).find("main")
    assert "has no activities yet" in form.get_text()
    assert form.find("a", href="/plan/people")
    assert not form.find("input", {"name": "activities"})
    pages.submit(NEW, GOAL)
    page = pages.get("/how-are-we-doing/people")
    goal = the_goal()
    assert page.find("form", action=f"/how-are-we-doing/people/goals/{goal.id}/met")


def test_changing_the_activities_later(app, pages, client):
    setup_people(app)
    letters = make_activity(title="Clear letters")
    carers = make_activity(title="Carers", status=DONE)
    sign_in(pages, "Fair Kestrel")
    pages.submit(NEW, GOAL)
    goal = the_goal()
    change = f"/how-are-we-doing/people/goals/{goal.id}/activities"
    assert pages.get("/how-are-we-doing/people").find("a", href=change)
    pages.submit(change, {"activities": [str(letters)]})
    assert tied_titles(goal) == ["Clear letters"]
    page = pages.get(change)
    assert page.find("input", {"value": str(letters)}).has_attr("checked")
    assert not page.find("input", {"value": str(carers)}).has_attr("checked")
    wrong = pages.submit(change, {"activities": [str(carers), "12345"]}, status=422)
    assert wrong.find(id="error-summary")
    assert wrong.find("input", {"value": str(carers)}).has_attr("checked")
    assert tied_titles(goal) == ["Clear letters"]
    pages.submit(change, {})  # untick all: back to being marked met by hand
    assert tied_titles(goal) == []
    pages.sign_out()
    sign_in(pages, "Plain Pigeon")
    pages.get(change, status=403)
    assert not pages.get("/how-are-we-doing/people").find("a", href=change)


def test_an_activity_page_lists_the_goals_it_serves_to_those_who_may_see_them(app, pages):
    setup_people(app)
    letters = make_activity(title="Clear letters")
    with db.connection_context():
        goal = Goal.create(community=1, kind=Goal.REALISTIC, plain="Clear letters from services",
                           easy="Letters are easy", review_on=Activity.get_by_id(letters).due)  # fmt: skip
        goal.tie_to([letters])
    for name in ("Plain Pigeon", "Fair Kestrel"):
        sign_in(pages, name)
        section = pages.get(f"/plan/activities/{letters}").find("section", class_="activity-goals")
        link = section.find("a")
        assert link.get_text() == "Clear letters from services"
        assert link["href"] == f"/how-are-we-doing/people#goal-{goal.id}"
        pages.sign_out()
    sign_in(pages, "Plain Pigeon")
    with db.connection_context():
        Goal.delete().execute()
    assert not pages.get(f"/plan/activities/{letters}").find("section", class_="activity-goals")


def test_the_demo_ties_a_goal_to_the_demo_plan_once_the_plan_is_there(app, pages):
    setup_people(app)
    runner = app.test_cli_runner()
    runner.invoke(args=["load-demo-surveys"])  # before the plan: nothing to tie to yet
    with db.connection_context():
        assert not Goal.select().join_from(Goal, GoalActivity).exists()
    runner.invoke(args=["load-demo-plans"])
    assert "tied" in runner.invoke(args=["load-demo-surveys"]).output
    runner.invoke(args=["load-demo-surveys"])  # a second time changes nothing
    with db.connection_context():
        tied = Goal.select().join_from(Goal, GoalActivity).distinct()
        assert tied.count() == 1
        assert [a.title for a in tied.get().activities()] == [
            "Clear letters and leaflets", "A carers' guide to feedback",
        ]  # fmt: skip
    sign_in(pages, "Fair Kestrel")
    assert "0 of 2 activities done." in results_text(pages)


def test_a_goal_met_through_its_activities_is_not_due_for_review(app, pages):
    setup_people(app)
    letters = make_activity(title="Clear letters", status=ON_TRACK)
    with db.connection_context():
        soon = Activity.get_by_id(letters).due
        Goal.create(community=1, kind=Goal.REALISTIC, plain="Clear letters from services",
                    easy="Letters are easy", review_on=soon).tie_to([letters])  # fmt: skip
    sign_in(pages, "Fair Kestrel")
    assert "Clear letters from services" in words(pages.get("/facilitate/people/dashboard"))
    set_status(letters, DONE)
    assert "Clear letters from services" not in words(pages.get("/facilitate/people/dashboard"))


def test_where_it_stands_reads_in_welsh_and_arabic(app, pages):
    setup_people(app)
    letters = make_activity(title="Clear letters", status=STOPPED)
    carers = make_activity(title="Carers", status=DONE)
    with db.connection_context():
        Goal.create(community=1, kind=Goal.REALISTIC, plain="Clear letters from services",
                    easy="Letters are easy", review_on=Activity.get_by_id(letters).due,
                    ).tie_to([letters, carers])  # fmt: skip
    sign_in(pages, "Plain Pigeon")
    for lang, said in (("cy", "Gweithgareddau wedi'u gwneud: 1 o 2; wedi dod i ben: 1."),
                       ("ar", "الأنشطة المنجزة: 1 من 2؛ المتوقّفة: 1.")):  # fmt: skip
        pages.client.set_cookie("lang", lang)
        assert said in results_text(pages)
