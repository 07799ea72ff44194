"""Migration steps 12 to 19: the tables for deciding, meeting, planning and checking how
people feel together (issues 15 to 18). Kept apart from the earlier steps only to keep
each file a readable size; `webapp/migrations.py` lists and runs every step.
"""

from __future__ import annotations

from peewee import (
    BooleanField,
    CharField,
    Database,
    DateField,
    ForeignKeyField,
    IntegerField,
    SqliteDatabase,
    TextField,
)

from .migrations_frozen import frozen as _frozen


def step_12_decisions(database: Database) -> None:
    community = _frozen("community", slug=CharField(unique=True))
    member = _frozen("member", display_name=CharField())
    decision = _frozen(
        "decision",
        title=CharField(),
        proposal=TextField(),
        proposal_easy=TextField(),
        why=TextField(),
        why_easy=TextField(),
        principles=CharField(default=""),
        all_communities=BooleanField(default=False),
        opens_on=DateField(),
        closes_on=DateField(),
        method=CharField(default="gradients"),
        reasons_required=BooleanField(default=False),
        results_live=BooleanField(default=False),
        anonymous=BooleanField(default=True),
        only_regular=BooleanField(default=False),
        platform_change=BooleanField(default=False),
        created_by=ForeignKeyField(member, null=True, on_delete="SET NULL"),
        created_on=DateField(),
        announced=BooleanField(default=False),
        outcome=CharField(null=True),
        outcome_text=TextField(default=""),
        outcome_easy=TextField(default=""),
        next_steps=TextField(default=""),
        next_steps_easy=TextField(default=""),
        objections_answer=TextField(default=""),
        review_on=DateField(null=True),
        outcome_on=DateField(null=True),
    )
    asked = _frozen(
        "decision_community",
        decision=ForeignKeyField(decision, on_delete="CASCADE"),
        community=ForeignKeyField(community, on_delete="CASCADE"),
    )
    asked._meta.indexes = ((("decision", "community"), True),)
    took_part = _frozen(
        "decision_participation",
        decision=ForeignKeyField(decision, on_delete="CASCADE"),
        member=ForeignKeyField(member, on_delete="CASCADE"),
    )
    took_part._meta.indexes = ((("decision", "member"), True),)
    # A view: keyed by an HMAC only the server can work out, sealed; no member, no time.
    view = _frozen(
        "decision_view",
        key=CharField(primary_key=True, max_length=64),
        decision=ForeignKeyField(decision, on_delete="CASCADE"),
        sealed=TextField(),
    )
    database.create_tables([decision, asked, took_part, view])


def step_13_meetings(database: Database) -> None:
    """Issue 16: meetings, their agenda, replies and access needs, attendance, and notes."""
    community = _frozen("community", slug=CharField(unique=True))
    member = _frozen("member", name_key=CharField(unique=True))
    meeting = _frozen(
        "meeting",
        community=ForeignKeyField(community, on_delete="RESTRICT"),
        joint_with=CharField(default=""), title=CharField(),
        day=DateField(index=True), starts_minute=IntegerField(), ends_minute=IntegerField(),
        regular=BooleanField(default=True), place=TextField(default=""),
        step_free=BooleanField(default=False), hearing_loop=BooleanField(default=False),
        quiet_room=BooleanField(default=False), accessible_toilet=BooleanField(default=False),
        getting_there=TextField(default=""), online_link=CharField(default=""),
        planned_on=DateField(), agenda_published_on=DateField(null=True),
        notes_status=CharField(default="none"), themes=TextField(default=""),
        decided=TextField(default=""), actions=TextField(default=""),
        easy_summary=TextField(default=""), notes_circulated_on=DateField(null=True),
        notes_final_on=DateField(null=True),
    )  # fmt: skip
    item = _frozen(
        "agenda_item",
        meeting=ForeignKeyField(meeting, on_delete="CASCADE"), position=IntegerField(default=0),
        title=CharField(), title_easy=CharField(default=""), minutes=IntegerField(null=True),
        sensitive=BooleanField(default=False), paper=TextField(default=""),
        paper_easy=TextField(default=""), decision_ref=CharField(default=""),
        scope_area=CharField(default=""),
    )  # fmt: skip
    reply = _frozen(
        "meeting_reply",
        meeting=ForeignKeyField(meeting, on_delete="CASCADE"),
        member=ForeignKeyField(member, on_delete="CASCADE"), answer=CharField(default="not sure"),
        needs=CharField(default=""), needs_other=TextField(default=""), replied_on=DateField(),
    )  # fmt: skip
    reply._meta.indexes = ((("meeting", "member"), True),)
    attendance = _frozen(
        "attendance",
        meeting=ForeignKeyField(meeting, on_delete="CASCADE"),
        member=ForeignKeyField(member, on_delete="CASCADE"), status=CharField(),
    )  # fmt: skip
    attendance._meta.indexes = ((("meeting", "member"), True),)
    quote = _frozen(
        "note_quote",
        meeting=ForeignKeyField(meeting, on_delete="CASCADE"), story_reference=CharField(),
        kind=CharField(default="quote"), position=IntegerField(default=0),
    )  # fmt: skip
    correction = _frozen(
        "meeting_correction",
        meeting=ForeignKeyField(meeting, on_delete="CASCADE"),
        member=ForeignKeyField(member, null=True, on_delete="SET NULL"),
        words=TextField(), suggested_on=DateField(),
    )  # fmt: skip
    in_touch = _frozen(
        "meeting_get_in_touch",
        meeting=ForeignKeyField(meeting, on_delete="CASCADE"),
        member=ForeignKeyField(member, on_delete="CASCADE"),
        asked_on=DateField(), done_on=DateField(null=True),
    )  # fmt: skip
    in_touch._meta.indexes = ((("meeting", "member"), True),)
    database.create_tables([meeting, item, reply, attendance, quote, correction, in_touch])


def step_14_the_plan(database: Database) -> None:
    """Issue 17: terms of reference (every version), the action plan, volunteering, updates."""
    community = _frozen("community", slug=CharField(unique=True))
    member = _frozen("member", name_key=CharField(unique=True))
    terms = _frozen(
        "terms_version",
        community=ForeignKeyField(community, on_delete="CASCADE"),
        version=IntegerField(),
        parts_json=TextField(),
        review_on=DateField(),
        made_on=DateField(),
        made_by=ForeignKeyField(member, null=True, on_delete="SET NULL"),
        made_by_name=CharField(default=""),
    )
    terms._meta.indexes = ((("community", "version"), True),)
    terms_read = _frozen(
        "terms_read",
        member=ForeignKeyField(member, on_delete="CASCADE"),
        community=ForeignKeyField(community, on_delete="CASCADE"),
        version=IntegerField(),
    )
    terms_read._meta.indexes = ((("member", "community"), True),)
    plan = _frozen(
        "plan",
        community=ForeignKeyField(community, unique=True, on_delete="CASCADE"),
        review_on=DateField(),
        reviewed_on=DateField(null=True),
    )
    activity = _frozen(
        "activity",
        community=ForeignKeyField(community, on_delete="CASCADE"),
        title=CharField(), title_easy=CharField(default=""),
        about=TextField(), about_easy=TextField(default=""),
        panel=CharField(default=""), scope_area=CharField(default=""),
        lead=ForeignKeyField(member, null=True, on_delete="SET NULL"),
        starts=DateField(), due=DateField(),
        status=CharField(default="not-started"), stopped_why=TextField(default=""),
        decision_id=IntegerField(null=True), made_on=DateField(),
    )  # fmt: skip
    status_change = _frozen(
        "status_change",
        activity=ForeignKeyField(activity, on_delete="CASCADE"),
        status=CharField(),
        changed_on=DateField(),
    )
    task = _frozen(
        "task",
        activity=ForeignKeyField(activity, on_delete="CASCADE"),
        description=CharField(), due=DateField(null=True),
        done=BooleanField(default=False), done_on=DateField(null=True),
        position=IntegerField(default=0),
    )  # fmt: skip
    offer = _frozen(
        "offer",
        task=ForeignKeyField(task, on_delete="CASCADE"),
        member=ForeignKeyField(member, on_delete="CASCADE"),
        status=CharField(default="offered"), note=TextField(default=""),
        offered_on=DateField(), decided_on=DateField(null=True),
    )  # fmt: skip
    offer._meta.indexes = ((("task", "member"), True),)
    update = _frozen(
        "plan_update",
        activity=ForeignKeyField(activity, on_delete="CASCADE"),
        month=DateField(),
        did=TextField(default=""), next=TextField(default=""),
        in_the_way=TextField(default=""), help_needed=TextField(default=""),
        easy_summary=TextField(default=""),
        written_by=ForeignKeyField(member, null=True, on_delete="SET NULL"),
        written_on=DateField(),
    )  # fmt: skip
    update._meta.indexes = ((("activity", "month"), True),)
    database.create_tables([terms, terms_read, plan, activity, status_change, task, offer, update])


def step_15_surveys_and_goals(database: Database) -> None:
    """Issue 18: who answered which wave, the answers kept apart from them, and goals.

    Answers and "who answered" have random keys; on SQLite they are stored in key order
    (WITHOUT ROWID), so a copy of the file does not keep the order they were written in."""
    community = _frozen("community", slug=CharField(unique=True))
    member = _frozen("member", display_name=CharField())
    random_order = isinstance(database, SqliteDatabase)
    tables = []
    for table in ("survey_answered", "survey_invited"):
        done = _frozen(table, id=CharField(primary_key=True), wave=IntegerField(),
                       member=ForeignKeyField(member, on_delete="CASCADE"))  # fmt: skip
        done._meta.indexes = ((("member", "wave"), True),)
        tables.append(done)
    tables.append(_frozen(
        "survey_answer",
        id=CharField(primary_key=True),
        community=ForeignKeyField(community, on_delete="CASCADE"),
        wave=IntegerField(),
        month=CharField(max_length=7),
        question=CharField(),
        value=TextField(),
    ))  # fmt: skip
    for table in tables:
        table._meta.without_rowid = random_order
    goal = _frozen(
        "goal",
        community=ForeignKeyField(community, on_delete="CASCADE"),
        kind=CharField(),
        plain=TextField(),
        easy=TextField(),
        question=CharField(null=True),
        target=IntegerField(null=True),
        review_on=DateField(),
        met_on=DateField(null=True),
        set_on=DateField(),
    )
    database.create_tables([*tables, goal])


def step_16_decision_scope_area(database: Database) -> None:
    """Issue 17: the in-scope area a decision belongs to, as the facilitator chose it."""
    from playhouse.migrate import SchemaMigrator
    from playhouse.migrate import migrate as run

    run(SchemaMigrator.from_database(database).add_column(
        "decision", "scope_area", CharField(default="")
    ))  # fmt: skip


def step_17_goals_tied_to_activities(database: Database) -> None:
    """Issue 18: a realistic goal is tied to the action-plan activities it depends on."""
    goal = _frozen("goal", kind=CharField())
    activity = _frozen("activity", title=CharField())
    goal_activity = _frozen(
        "goal_activity",
        goal=ForeignKeyField(goal, on_delete="CASCADE"),
        activity=ForeignKeyField(activity, on_delete="CASCADE"),
    )
    goal_activity._meta.indexes = ((("goal", "activity"), True),)
    database.create_tables([goal_activity])


def step_18_meetings_changed_or_cancelled(database: Database) -> None:
    """A meeting's time or place changed after it was planned, or the meeting called off."""
    from playhouse.migrate import SchemaMigrator
    from playhouse.migrate import migrate as run

    migrator = SchemaMigrator.from_database(database)
    run(
        migrator.add_column("meeting", "changes", IntegerField(default=0)),
        migrator.add_column("meeting", "changed_on", DateField(null=True)),
        migrator.add_column("meeting", "cancelled_on", DateField(null=True)),
        migrator.add_column("meeting", "cancelled_why", TextField(default="")),
    )


def step_19_agenda_suggestions(database: Database) -> None:
    """Members suggest something for a meeting's agenda; the facilitators add it or not."""
    member = _frozen("member", name_key=CharField(unique=True))
    meeting = _frozen("meeting", title=CharField())
    suggestion = _frozen(
        "agenda_suggestion",
        meeting=ForeignKeyField(meeting, on_delete="CASCADE"),
        member=ForeignKeyField(member, on_delete="CASCADE"),
        words=CharField(), why=TextField(default=""), made_on=DateField(),
        status=CharField(default="waiting"), note=TextField(default=""),
        decided_on=DateField(null=True),
    )  # fmt: skip
    database.create_tables([suggestion])


def step_20_decisions_changed(database: Database) -> None:
    """A decision put right after it opened: the day it changed, and how many times."""
    from playhouse.migrate import SchemaMigrator
    from playhouse.migrate import migrate as run

    migrator = SchemaMigrator.from_database(database)
    run(
        migrator.add_column("decision", "changed_on", DateField(null=True)),
        migrator.add_column("decision", "changes", IntegerField(default=0)),
    )
