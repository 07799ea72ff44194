"""A realistic goal tied to action-plan activities: met when every one is done, a stopped
one is not done, tied to none it falls back to being marked met, and deleting either side
deletes the tie (on SQLite and PostgreSQL alike)."""

from __future__ import annotations

import datetime as dt

import pytest

from webapp.extensions import db
from webapp.models import Community
from webapp.plans.models import DONE, NEEDS_HELP, ON_TRACK, STOPPED, Activity
from webapp.surveys.goals import MET, NOT_YET, Progress, realistic_met, status_of
from webapp.surveys.models import Goal, GoalActivity

TODAY = dt.date(2026, 11, 25)


@pytest.fixture
def people(app):
    with db.connection_context():
        yield Community.by_slug("people")


def activity(community, title: str, status: str) -> Activity:
    return Activity.create(community=community, title=title, about="Why.", starts=TODAY,
                           due=TODAY, status=status)  # fmt: skip


def goal(community, *activities: Activity, met_on: dt.date | None = None) -> Goal:
    made = Goal.create(community=community, kind=Goal.REALISTIC, plain="Clear letters",
                       easy="Clear letters", review_on=TODAY, met_on=met_on)  # fmt: skip
    made.tie_to([a.id for a in activities])
    return made


def state(made: Goal) -> str:
    return status_of(Goal.get_by_id(made.id), survey=None, results=[]).state


def test_met_when_every_activity_is_done(people):
    letters, carers = activity(people, "Letters", DONE), activity(people, "Carers", ON_TRACK)
    made = goal(people, letters, carers)
    assert state(made) == NOT_YET
    Activity.update(status=DONE).where(Activity.id == carers.id).execute()
    assert state(made) == MET
    assert [a.title for a in made.activities()] == ["Letters", "Carers"]


def test_a_stopped_activity_does_not_count_as_done(people):
    made = goal(people, activity(people, "Letters", DONE), activity(people, "Carers", STOPPED),
                activity(people, "Evenings", DONE))  # fmt: skip
    progress = Progress(made.activities())
    assert (progress.done, progress.stopped, progress.total) == (2, 1, 3)
    assert not realistic_met(made) and state(made) == NOT_YET


def test_marking_met_by_hand_does_not_override_activities_not_done(people):
    made = goal(people, activity(people, "Letters", NEEDS_HELP), met_on=TODAY)
    assert state(made) == NOT_YET


def test_tied_to_none_it_is_met_when_marked_met(people):
    made = goal(people)
    assert made.activities() == [] and state(made) == NOT_YET
    made.mark_met(TODAY)
    assert state(made) == MET
    assert status_of(made, None, []).progress is None


def test_deleting_an_activity_deletes_the_tie_and_falls_back_to_marked_met(people):
    letters, carers = activity(people, "Letters", DONE), activity(people, "Carers", STOPPED)
    made = goal(people, letters, carers)
    assert state(made) == NOT_YET
    carers.delete_instance()  # the database's ON DELETE CASCADE, not peewee's
    assert [a.title for a in made.activities()] == ["Letters"] and state(made) == MET
    letters.delete_instance()
    assert GoalActivity.select().count() == 0
    assert state(made) == NOT_YET  # tied to nothing now, and never marked met


def test_deleting_a_goal_deletes_its_ties_not_the_activities(people):
    letters = activity(people, "Letters", DONE)
    made = goal(people, letters)
    made.delete_instance()
    assert GoalActivity.select().count() == 0 and Activity.get_by_id(letters.id)


def test_tying_again_replaces_the_ties_and_lists_the_goals_an_activity_serves(people):
    letters, carers = activity(people, "Letters", DONE), activity(people, "Carers", ON_TRACK)
    made = goal(people, letters, carers)
    made.tie_to([carers.id, carers.id])
    assert [a.title for a in made.activities()] == ["Carers"]
    assert list(Goal.serving(carers)) == [made] and list(Goal.serving(letters)) == []


def test_step_17_adds_the_table_to_a_database_that_has_goals_already(people):
    """As on a live server: goals set before this release keep working, tied to nothing."""
    from webapp.migrations import migrate
    from webapp.models import SchemaVersion

    made = goal(people, met_on=TODAY)
    db.execute_sql('DROP TABLE "goal_activity"')
    SchemaVersion.delete().where(SchemaVersion.version == 17).execute()
    assert "goal_activity" not in db.get_tables()
    assert migrate() == ["17: realistic goals tied to action-plan activities"]
    assert "goal_activity" in db.get_tables() and state(made) == MET
    letters = activity(people, "Letters", ON_TRACK)
    made.tie_to([letters.id])
    assert state(made) == NOT_YET
    letters.delete_instance()  # the new table cascades too
    assert GoalActivity.select().count() == 0
