"""Stories: sharing, reading, and the author's own controls."""

from flask import Blueprint, Flask, current_app

bp = Blueprint("stories", __name__, url_prefix="/stories")


def has_endpoint(name: str) -> bool:
    return name in current_app.view_functions


def init_app(app: Flask) -> None:
    from . import author, cli, share, views  # noqa: F401 (registers the routes)
    from .details import identifying_details
    from .display import boundary_rows, link_text
    from .reasons import reason_text
    from .topics import topic_names

    app.register_blueprint(bp)
    app.register_blueprint(share.bp)
    cli.init_app(app)
    app.add_template_global(has_endpoint)
    app.add_template_global(topic_names)
    app.add_template_global(reason_text)
    app.add_template_global(boundary_rows)
    app.add_template_global(link_text)
    app.add_template_global(identifying_details)
