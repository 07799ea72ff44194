"""Meetings: planning, the agenda, replies and access needs, attendance, notes under the
Chatham House Rule, the wellbeing check-in, and membership by attendance (issue 16)."""

from flask import Blueprint, Flask

bp = Blueprint("meetings", __name__, url_prefix="/meetings")


def init_app(app: Flask) -> None:
    from . import after, agenda, change, cli, notes, parts, plan, suggestions, views  # noqa: F401

    app.register_blueprint(plan.bp)  # before /meetings/<id>, so /meetings/plan is planning
    app.register_blueprint(bp)
    app.register_blueprint(notes.bp)
    parts.init_app(app)
    cli.init_app(app)
    from .forms import ACCESS, NEED_CHOICES, REPLY_CHOICES
    from .when import day_in_words, time_in_words, when_in_words

    app.add_template_global(notes.names_check, "meeting_names_check")
    app.add_template_global(when_in_words)
    app.add_template_global(day_in_words)
    app.add_template_global(time_in_words)
    app.add_template_global(
        {"access": ACCESS, "needs": NEED_CHOICES, "replies": REPLY_CHOICES}, "meeting_words"
    )
