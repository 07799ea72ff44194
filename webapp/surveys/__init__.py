"""Surveys and goals: "How will we know it worked?"

Feeling surveys 3, 6 and 12 months after each member joins, answered as a conversation and
kept apart from who answered; each community's goals; and a "How are we doing?" page where
every small group is hidden."""

from flask import Blueprint, Flask

bp = Blueprint("surveys", __name__)


def init_app(app: Flask) -> None:
    from . import answer, cli, parts, views  # noqa: F401

    app.register_blueprint(bp)
    answer.init_app(app)
    parts.register()
    cli.init_app(app)
