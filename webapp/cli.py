"""Command-line tasks: flask --app webapp <command>."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click
from flask import Flask

from .catalogues import check_language, shipped_catalogues
from .content import EASYREAD, PageNotFound, check_record, easyread_slugs, load_page, parse_month
from .drafts import DRAFT_DAYS, Draft
from .extensions import db
from .migrations import migrate
from .receipts import SentKey


def init_app(app: Flask) -> None:
    @app.cli.command("migrate")
    def migrate_command() -> None:
        """Create or update the database schema."""
        with db.connection_context():
            applied = migrate()
        click.echo("Applied: " + ", ".join(applied) if applied else "The database is up to date.")

    @app.cli.command("purge-drafts")
    @click.option("--days", default=DRAFT_DAYS, show_default=True)
    def purge_drafts_command(days: int) -> None:
        """Remove unfinished answers that nobody has touched for DAYS days."""
        with db.connection_context():
            removed = Draft.purge_untouched(days)
            keys = SentKey.purge()
        click.echo(f"Removed {removed} unfinished drafts and {keys} sent-form keys.")

    @app.cli.command("easyread-check")
    @click.argument("slug")
    @click.option("--group", default="<the group's name>", help="The self-advocacy group.")
    @click.option("--month", default=None, help="The month of the check, like 2026-10.")
    def easyread_check_command(slug: str, group: str, month: str | None) -> None:
        """Print what to record in an easy-read page's front matter after a check."""
        try:
            page = load_page(slug, EASYREAD)
        except PageNotFound:
            raise click.BadParameter(f"there is no easy-read page {slug!r}") from None
        checked_in = parse_month(month) if month else dt.date.today()
        click.echo(f"Add this to the front matter of easyread/{slug}.md:\n")
        click.echo(check_record(page, group, checked_in), nl=False)

    @app.cli.command("easyread-checks")
    def easyread_checks_command() -> None:
        """List every easy-read page: checked, changed since its check, or never checked."""
        for slug in easyread_slugs():
            check = load_page(slug, EASYREAD).check
            if check is None:
                state = "never checked"
            else:
                when = f"{check.group}, {check.month:%Y-%m}"
                state = f"checked ({when})" if check.current else f"changed since checked ({when})"
            click.echo(f"{slug}: {state}")

    @app.cli.command("translation-report")
    @click.option("--missing", is_flag=True, help="Also list every untranslated message.")
    def translation_report_command(missing: bool) -> None:
        """How much of each catalogue is translated, and any placeholder that differs."""
        locales = Path(app.config["BABEL_TRANSLATION_DIRECTORIES"])
        for language in shipped_catalogues(locales):
            report = check_language(locales, language)
            click.echo(
                f"{language}: {report.translated} of {report.total} translated "
                f"({report.percent:.1f}%), {report.fuzzy} fuzzy, "
                f"{len(report.mismatches)} placeholder mismatches"
            )
            for mismatch in report.mismatches:
                click.echo(f"  placeholders differ: {mismatch.msgid!r}")
            if missing:
                for msgid in report.missing:
                    click.echo(f"  untranslated: {msgid!r}")
