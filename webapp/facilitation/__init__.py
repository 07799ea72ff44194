"""Facilitation: the moderation queue, decisions, members, the dashboard and the audit log."""

from flask import Blueprint, Flask

bp = Blueprint("facilitation", __name__, url_prefix="/facilitate")


def init_app(app: Flask) -> None:
    from . import audit, cli, dashboard, members, queue, review, roles, welcome  # noqa: F401

    app.register_blueprint(bp)
    cli.init_app(app)
