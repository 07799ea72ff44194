"""Daily: `flask --app webapp survey-emails` emails each member who chose it, once per wave.
Once: `flask --app webapp load-demo-surveys` loads demo answers and goals."""

from __future__ import annotations

import datetime as dt

import click
from flask import Flask, current_app, url_for
from peewee import PostgresqlDatabase

from .. import mail
from ..aggregates import smallest
from ..database import write_transaction
from ..extensions import db
from ..member_records import EmailWanted
from .answer import wave_for
from .definition import load_survey
from .demo import load_demo
from .models import SurveyAnswer, SurveyAnswered, SurveyInvited
from .parts import EMAIL_KIND

SUBJECT = "A short survey is ready for you"
BODY = """Hello {name},

You joined Common Ground {months} months ago. A short survey about how taking part is
going for you is ready. It has {questions} questions, and you can skip any of them.

Your answers are kept apart from your name, and nobody sees a result from fewer than
{smallest} people.

Answer it here, until {closes}:
{link}

You chose to get this email. To stop, change your choices on "Your account".
"""


def survey_link() -> str:
    """The survey's full address, from PUBLIC_URL (there is no request in a daily job)."""
    base = current_app.config.get("PUBLIC_URL") or "http://127.0.0.1:5000"
    with current_app.test_request_context(base_url=base):
        return url_for("survey.resume", _external=True)


def send_invitations(today: dt.date, link: str) -> int:
    sent = 0
    questions = len(load_survey().questions)
    for member in EmailWanted.members_wanting(EMAIL_KIND):
        wave = wave_for(member, today)
        if wave is None or SurveyInvited.get_or_none(member=member, wave=wave.months):
            continue
        with write_transaction():
            SurveyInvited.create(member=member, wave=wave.months)
        mail.send(member.email, SUBJECT, BODY.format(
            name=member.display_name, months=wave.months, questions=questions,
            smallest=smallest(), closes=wave.closes_on.strftime("%-d %B %Y"), link=link,
        ))  # fmt: skip
        sent += 1
    return sent


def reorder_on_postgresql() -> bool:
    """PostgreSQL keeps rows in the order they were written until a table is rewritten:
    rewrite the survey tables in the order of their random keys."""
    if not isinstance(db.obj, PostgresqlDatabase):
        return False
    for table in (SurveyAnswer, SurveyAnswered, SurveyInvited):
        name = table._meta.table_name
        db.execute_sql(f'CLUSTER "{name}" USING "{name}_pkey"')
    return True


def init_app(app: Flask) -> None:
    @app.cli.command("survey-emails")
    @click.option("--today", type=click.DateTime(["%Y-%m-%d"]), default=None,
                  help="The day to work from (for trying it out).")  # fmt: skip
    def survey_emails_command(today) -> None:
        """Email members who chose it when a survey wave is ready (once a wave). Run daily."""
        day = today.date() if today else dt.date.today()
        link = survey_link()
        with db.connection_context():
            sent = send_invitations(day, link)
            reordered = reorder_on_postgresql()
        click.echo(
            f"Sent {sent} survey emails." + (" Reordered the survey tables." if reordered else "")
        )

    @app.cli.command("load-demo-surveys")
    def load_demo_surveys_command() -> None:
        """Demo survey answers and goals (only when there are none)."""
        with db.connection_context():
            click.echo(load_demo())
