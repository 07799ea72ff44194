"""Decision commands: flask --app webapp <command>."""

from __future__ import annotations

import click
from flask import Flask

from ..extensions import db


def init_app(app: Flask) -> None:
    @app.cli.command("announce-decisions")
    def announce_command() -> None:
        """Email members who asked, about decisions that opened today (run daily)."""
        from .announce import announce_due

        with app.test_request_context(), db.connection_context():
            sent = announce_due()
        click.echo(f"Sent {sent} emails about decisions that opened.")

    @app.cli.command("load-demo-decisions")
    def load_demo_command() -> None:
        """Add demo decisions (only when there are none), for make run."""
        from .demo import load_decisions

        with app.test_request_context(), db.connection_context():
            added = load_decisions()
        click.echo(f"Added {added} demo decisions." if added else "There are decisions already.")
