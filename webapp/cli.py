"""Command-line tasks: flask --app webapp <command>."""

from __future__ import annotations

import click
from flask import Flask

from .drafts import DRAFT_DAYS, Draft
from .extensions import db
from .migrations import migrate
from .receipts import SentKey


def init_app(app: Flask) -> None:
    @app.cli.command("migrate")
    def migrate_command() -> None:
        """Create or update the database schema."""
        with db.connection_context():
            applied = migrate()
        click.echo("Applied: " + ", ".join(applied) if applied else "The database is up to date.")

    @app.cli.command("purge-drafts")
    @click.option("--days", default=DRAFT_DAYS, show_default=True)
    def purge_drafts_command(days: int) -> None:
        """Remove unfinished answers that nobody has touched for DAYS days."""
        with db.connection_context():
            removed = Draft.purge_untouched(days)
            keys = SentKey.purge()
        click.echo(f"Removed {removed} unfinished drafts and {keys} sent-form keys.")
