"""`flask --app webapp load-demo`: a member to sign in as, and people waiting to be welcomed."""

from __future__ import annotations

import click
from flask import Flask

from ..extensions import db
from .demo import load


def init_app(app: Flask) -> None:
    @app.cli.command("load-demo")
    def load_demo_command() -> None:
        """Load demo content (safe to run more than once)."""
        with db.connection_context():
            load()
        click.echo("Demo content is loaded.")
