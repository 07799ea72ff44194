"""Story commands: flask --app webapp <command>."""

from __future__ import annotations

import datetime as dt

import click
from flask import Flask

from ..database import forget_deleted, write_transaction
from ..extensions import db
from .models import APPROVED, PENDING, Reply, Story
from .service import delete_expired


def init_app(app: Flask) -> None:
    @app.cli.command("delete-expired-stories")
    def delete_expired_command() -> None:
        """Delete, for good, stories past their end date (run daily from cron).

        Then make everything deleted since the last run (withdrawn stories, people who left)
        leave the database's files, as far as the database allows."""
        with db.connection_context():
            removed = delete_expired()
            note = forget_deleted()
        click.echo(f"Deleted {removed} stories that reached their end date.")
        if note:
            click.echo(note, err=True)

    @app.cli.command("load-demo-stories")
    def load_demo_stories_command() -> None:
        """Add demo stories (only when there are none), for make run."""
        from .demo import load_stories

        with db.connection_context():
            added = load_stories()
        click.echo(f"Added {added} demo stories." if added else "There are stories already.")

    @app.cli.command("approve-story")
    @click.argument("references", nargs=-1)
    @click.option("--all-pending", is_flag=True, help="Approve every pending story and reply.")
    def approve_command(references: tuple[str, ...], all_pending: bool) -> None:
        """Approve stories by reference (or all pending ones), until moderation is in use."""
        today = dt.date.today()
        with db.connection_context(), write_transaction():
            stories = Story.update(status=APPROVED, decided_on=today).where(Story.status == PENDING)
            if not all_pending:
                stories = stories.where(Story.reference.in_(references))
            count = stories.execute()
            replies = 0
            if all_pending:
                replies = (
                    Reply.update(status=APPROVED, decided_on=today)
                    .where(Reply.status == PENDING)
                    .execute()
                )
        click.echo(f"Approved {count} stories and {replies} replies.")
