"""Versioned database migrations.

Each step is numbered and runs once. A step declares the tables as they were at
that point (frozen copies), never the live models, so old steps keep working
when models change later. `flask --app webapp migrate` applies what is pending.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from peewee import (
    BooleanField,
    CharField,
    Database,
    DateField,
    ForeignKeyField,
    IntegerField,
    TextField,
)

from .database import write_transaction
from .extensions import db
from .migrations_frozen import frozen as _frozen
from .migrations_participation import (
    step_12_decisions,
    step_13_meetings,
    step_14_the_plan,
    step_15_surveys_and_goals,
    step_16_decision_scope_area,
    step_17_goals_tied_to_activities,
    step_18_meetings_changed_or_cancelled,
    step_19_agenda_suggestions,
    step_20_decisions_changed,
)
from .models import COMMUNITIES, SchemaVersion


def step_1_communities(database: Database) -> None:
    community = _frozen(
        "community",
        slug=CharField(unique=True),
        name=CharField(),
        summary=TextField(),
        position=IntegerField(default=0),
    )
    database.create_tables([community])


def step_2_members_and_drafts(database: Database) -> None:
    community = _frozen("community", slug=CharField(unique=True))
    member = _frozen(
        "member",
        display_name=CharField(),
        name_key=CharField(unique=True),
        community=ForeignKeyField(community, on_delete="RESTRICT"),
        password_hash=CharField(),
        email=CharField(null=True, unique=True),
        recovery_hash=CharField(null=True),
        status=CharField(default="waiting for agreement"),
        role=CharField(default="member"),
        joined_on=DateField(),
    )
    draft = _frozen(
        "draft",
        owner=CharField(index=True),
        conversation=CharField(),
        turn=CharField(default=""),
        answers_json=TextField(default="{}"),
        typed_json=TextField(default="{}"),
        updated_on=DateField(),
    )
    draft._meta.indexes = ((("owner", "conversation"), True),)
    database.create_tables([member, draft])


def step_3_the_three_communities(database: Database) -> None:
    community = _frozen(
        "community", slug=CharField(unique=True), name=CharField(), summary=TextField(),
        position=IntegerField(default=0),
    )  # fmt: skip
    for position, (slug, name, summary) in enumerate(COMMUNITIES):
        if not community.select().where(community.slug == slug).exists():
            community.create(slug=slug, name=name, summary=summary, position=position)


def step_4_community_changes(database: Database) -> None:
    community = _frozen("community", slug=CharField(unique=True))
    member = _frozen("member", name_key=CharField(unique=True))
    change = _frozen(
        "community_change",
        member=ForeignKeyField(member, on_delete="CASCADE"),
        from_community=ForeignKeyField(community, on_delete="RESTRICT"),
        to_community=ForeignKeyField(community, on_delete="RESTRICT"),
        reason=TextField(default=""),
        changed_on=DateField(),
    )
    database.create_tables([change])


def step_5_consent_records(database: Database) -> None:
    member = _frozen("member", name_key=CharField(unique=True))
    consent = _frozen(
        "consent_record",
        member=ForeignKeyField(member, on_delete="CASCADE"),
        agreement=CharField(),
        version=IntegerField(),
        accepted_on=DateField(),
        principles=TextField(),
        withdrawn_on=DateField(null=True),
    )
    database.create_tables([consent])


def step_6_stories_replies_and_facilitators(database: Database) -> None:
    community = _frozen("community", slug=CharField(unique=True))
    member = _frozen("member", name_key=CharField(unique=True))
    story = _frozen(
        "story",
        reference=CharField(unique=True),
        author=ForeignKeyField(member, null=True, on_delete="SET NULL"),
        code_hash=CharField(null=True, unique=True),
        community=ForeignKeyField(community, on_delete="RESTRICT"),
        topics=CharField(default=""),
        body=TextField(),
        content_note=CharField(default=""),
        audience=CharField(),
        quoting=CharField(),
        show_name=BooleanField(default=False),
        replies_allowed=BooleanField(default=False),
        keep_for=CharField(),
        shared_on=DateField(),
        expires_on=DateField(null=True, index=True),
        status=CharField(index=True),
        decided_on=DateField(null=True),
        reason=CharField(default=""),
        reason_note=TextField(default=""),
        flags=CharField(default=""),
    )
    reply = _frozen(
        "reply",
        story=ForeignKeyField(story, on_delete="CASCADE"),
        author=ForeignKeyField(member, null=True, on_delete="SET NULL"),
        body=TextField(),
        shared_on=DateField(),
        status=CharField(index=True),
        decided_on=DateField(null=True),
        reason=CharField(default=""),
        reason_note=TextField(default=""),
        flags=CharField(default=""),
    )
    wellbeing = _frozen(
        "wellbeing_count", answer=CharField(unique=True), count=IntegerField(default=0)
    )
    facilitation = _frozen(
        "facilitation",
        member=ForeignKeyField(member, on_delete="CASCADE"),
        community=ForeignKeyField(community, on_delete="CASCADE"),
    )
    facilitation._meta.indexes = ((("member", "community"), True),)
    database.create_tables([story, reply, wellbeing, facilitation])


def step_7_facilitation(database: Database) -> None:
    from playhouse.migrate import SchemaMigrator
    from playhouse.migrate import migrate as run_migration

    community = _frozen("community", slug=CharField(unique=True))
    member = _frozen("member", name_key=CharField(unique=True))
    story = _frozen("story", reference=CharField(unique=True))
    reply = _frozen("reply", body=TextField())
    migrator = SchemaMigrator.from_database(database)
    run_migration(
        migrator.add_column("member", "suspended_until", DateField(null=True)),
        migrator.add_column("member", "removed_on", DateField(null=True)),
    )
    audit = _frozen(
        "audit_entry",
        actor=ForeignKeyField(member, null=True, on_delete="SET NULL"),
        actor_name=CharField(),
        action=CharField(),
        item=CharField(default=""),
        community=ForeignKeyField(community, null=True, on_delete="SET NULL"),
        reason=CharField(default=""),
        note=TextField(default=""),
        done_on=DateField(),
    )
    report = _frozen(
        "report",
        story=ForeignKeyField(story, on_delete="CASCADE"),
        reply=ForeignKeyField(reply, null=True, on_delete="CASCADE"),
        community=ForeignKeyField(community, on_delete="CASCADE"),
        reason=CharField(),
        words=TextField(default=""),
        reported_on=DateField(),
        closed_on=DateField(null=True),
    )
    sanction = _frozen(
        "sanction",
        member=ForeignKeyField(member, on_delete="CASCADE"),
        kind=CharField(),
        reason=CharField(),
        note=TextField(default=""),
        given_on=DateField(),
        ends_on=DateField(null=True),
    )
    database.create_tables([audit, report, sanction])


def step_8_welcoming_members(database: Database) -> None:
    from playhouse.migrate import SchemaMigrator
    from playhouse.migrate import migrate as run

    migrator = SchemaMigrator.from_database(database)
    run(
        migrator.add_column("community", "open_membership", BooleanField(default=False)),
        migrator.add_column("member", "welcomed_on", DateField(null=True)),
        migrator.add_column("community_change", "status", CharField(default="accepted")),
        migrator.add_column("community_change", "decided_on", DateField(null=True)),
    )
    # Everyone already here was in their community before welcoming began: they keep it.
    database.execute_sql("UPDATE member SET welcomed_on = joined_on")


def step_9_sent_keys(database: Database) -> None:
    sent_key = _frozen("sent_key", key_hash=CharField(unique=True), sent_on=DateField())
    database.create_tables([sent_key])


def step_10_names_that_cannot_mislead(database: Database) -> None:
    """Issue 10: look-alike keys for every name, and names tidied of invisible characters.

    Uses display_names as it is today: if its rules or data change, a later step reruns it.
    A name whose tidy form would clash with an earlier member's keeps its old key.
    """
    from playhouse.migrate import SchemaMigrator
    from playhouse.migrate import migrate as run

    from .display_names import fold, look_alike_keys, tidy

    migrator = SchemaMigrator.from_database(database)
    run(
        migrator.add_column("member", "name_skeleton", CharField(default="")),
        migrator.add_column("member", "name_shape", CharField(default="")),
        migrator.add_index("member", ("name_skeleton",), False),
        migrator.add_index("member", ("name_shape",), False),
    )
    member = _frozen(
        "member", display_name=CharField(), name_key=CharField(unique=True),
        name_skeleton=CharField(default=""), name_shape=CharField(default=""),
    )  # fmt: skip
    rows = list(member.select().order_by(member.id))
    keys = {row.name_key for row in rows}
    for row in rows:
        if fold(row.display_name) not in keys - {row.name_key}:
            keys.discard(row.name_key)
            row.display_name, row.name_key = tidy(row.display_name), fold(row.display_name)
            keys.add(row.name_key)
        row.name_skeleton, row.name_shape = look_alike_keys(row.display_name)
        row.save()


def step_11_email_choices(database: Database) -> None:
    member = _frozen("member", display_name=CharField())
    email_wanted = _frozen(
        "email_wanted",
        member=ForeignKeyField(member, on_delete="CASCADE"),
        kind=CharField(),
    )
    email_wanted._meta.indexes = ((("member", "kind"), True),)
    database.create_tables([email_wanted])


Step = tuple[int, str, Callable[[Database], None]]

STEPS: list[Step] = [
    (1, "communities", step_1_communities),
    (2, "members and drafts", step_2_members_and_drafts),
    (3, "the three communities", step_3_the_three_communities),
    (4, "community changes", step_4_community_changes),
    (5, "consent records", step_5_consent_records),
    (6, "stories, replies and facilitators", step_6_stories_replies_and_facilitators),
    (7, "facilitation: audit log, reports, sanctions", step_7_facilitation),
    (8, "welcoming members into communities", step_8_welcoming_members),
    (9, "keys that make sending twice safe", step_9_sent_keys),
    (10, "names that cannot mislead: look-alike keys", step_10_names_that_cannot_mislead),
    (11, "emails a member chose to get", step_11_email_choices),
    (12, "decisions, who took part, and sealed views", step_12_decisions),
    (13, "meetings", step_13_meetings),
    (14, "the plan: terms of reference, activities, tasks, offers, updates", step_14_the_plan),
    (15, "feeling surveys and goals", step_15_surveys_and_goals),
    (16, "the in-scope area of a decision", step_16_decision_scope_area),
    (17, "realistic goals tied to action-plan activities", step_17_goals_tied_to_activities),
    (18, "a meeting changed or called off", step_18_meetings_changed_or_cancelled),
    (19, "members' suggestions for a meeting's agenda", step_19_agenda_suggestions),
    (20, "a decision changed after it opened", step_20_decisions_changed),
]


def applied_versions() -> set[int]:
    if not db.table_exists(SchemaVersion._meta.table_name):
        return set()
    return {row.version for row in SchemaVersion.select(SchemaVersion.version)}


def _version_table() -> None:
    """Made under the write lock: two machines releasing at once must not both create it."""
    with write_transaction():
        if not db.table_exists(SchemaVersion._meta.table_name):
            db.create_tables([SchemaVersion])


def pending_steps() -> list[Step]:
    done = applied_versions()
    return [step for step in STEPS if step[0] not in done]


def migrate() -> list[str]:
    """Apply every pending step in order; return the names of those applied."""
    applied = []
    _version_table()
    for version, name, run in pending_steps():
        with write_transaction():
            if version in applied_versions():  # another machine applied it while we waited
                continue
            run(db.obj)
            SchemaVersion.create(version=version, name=name, applied_on=dt.date.today())
        applied.append(f"{version}: {name}")
    return applied


def current_version() -> int:
    return max(applied_versions(), default=0)
