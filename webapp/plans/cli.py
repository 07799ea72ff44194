"""`flask --app webapp load-demo-plans`: terms of reference for the three communities and
an action plan with a lead, volunteers and monthly updates, for make run."""

from __future__ import annotations

import click
from flask import Flask

from ..extensions import db


def init_app(app: Flask) -> None:
    @app.cli.command("load-demo-plans")
    def load_demo_plans_command() -> None:
        """Add demo terms of reference and plans (only where there are none)."""
        from .demo import load

        with db.connection_context():
            added = load()
        click.echo(
            f"Added demo plans for {added} communities." if added else "There are plans already."
        )
