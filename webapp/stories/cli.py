"""Story commands: flask --app webapp <command>."""

from __future__ import annotations

import click
from flask import Flask

from ..database import forget_deleted
from ..extensions import db
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
