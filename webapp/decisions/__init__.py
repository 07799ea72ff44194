"""Shared decisions: the Gradients of Agreement, anonymous by default, and "You said, we did"."""

from flask import Blueprint, Flask

bp = Blueprint("decisions", __name__, url_prefix="/decisions")


def init_app(app: Flask) -> None:
    from . import change, cli, create, give, parts, views  # noqa: F401

    app.register_blueprint(bp)
    app.register_blueprint(create.bp)
    app.register_blueprint(give.bp)
    app.register_blueprint(change.bp)
    parts.register()
    cli.init_app(app)
