"""The group's plan: terms of reference (with what is in and out of scope) and a living
action plan, with volunteering and monthly progress. See models.py and access.py."""

from flask import Blueprint, Flask

bp = Blueprint("plans", __name__, url_prefix="/plan")


def init_app(app: Flask) -> None:
    from . import cli, parts, terms, views_activity, views_plan, views_terms, words  # noqa: F401 (routes)

    app.register_blueprint(bp)
    app.add_template_global(words, "plan_words")
    app.add_template_global(terms, "terms_parts")
    parts.register()
    cli.init_app(app)
