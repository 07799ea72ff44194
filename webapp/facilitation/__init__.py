"""Facilitation: the moderation queue, decisions, members, the dashboard and the audit log."""

from flask import Blueprint, Flask

bp = Blueprint("facilitation", __name__, url_prefix="/facilitate")


def init_app(app: Flask) -> None:
    from . import audit, cli, dashboard, members, queue, review, roles, welcome  # noqa: F401
    from .forms import MEMBER_REASONS
    from .sanctions import standing

    app.register_blueprint(bp)
    app.add_template_global(standing, "member_standing")
    app.add_template_global(MEMBER_REASONS.get, "facilitation_reason")
    cli.init_app(app)
