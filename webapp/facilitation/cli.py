"""`flask --app webapp create-admin`: make the first admin (or promote a member)."""

from __future__ import annotations

import datetime as dt

import click
from flask import Flask

from ..accounts.passwords import hash_password
from ..database import write_transaction
from ..display_names import tidy
from ..extensions import db
from ..models import Community, Member
from ..stories.models import Reply, Story
from .decisions import decide
from .forms import APPROVE
from .items import Item
from .roles import make_admin


def init_app(app: Flask) -> None:
    @app.cli.command("approve-story")
    @click.argument("references", nargs=-1)
    @click.option("--all-pending", is_flag=True, help="Approve every pending story and reply.")
    def approve_command(references: tuple[str, ...], all_pending: bool) -> None:
        """Approve stories by reference (or every pending story and reply), as a facilitator
        would: each is a decision in the audit log, made from the "command line"."""
        with db.connection_context():
            stories = Story.all_pending()
            if not all_pending:
                stories = stories.where(Story.reference.in_(references))
            items = [Item("story", story, None, []) for story in stories]
            if all_pending:
                items += [Item("reply", r.story, r, []) for r in Reply.all_pending()]
            for item in items:
                decide(None, item, APPROVE)
        stories_done = sum(1 for item in items if item.kind == "story")
        click.echo(f"Approved {stories_done} stories and {len(items) - stories_done} replies.")

    @app.cli.command("create-admin")
    @click.option("--name", prompt="Display name", help="The name the admin signs in with.")
    @click.option(
        "--password",
        default=None,
        help="Leave out to be asked (not echoed, twice). Not needed to promote a member.",
    )
    @click.option("--community", default="staff", show_default=True,
                  help="The community the admin belongs to as a member.")  # fmt: skip
    def create_admin_command(name: str, password: str | None, community: str) -> None:
        """Make an admin: a new member, or an existing one promoted.

        Admins facilitate every community and read the audit log. Like every member,
        they agree to the Community Agreement at their first sign-in before they post.
        """
        name = tidy(name)  # as every name is kept: no invisible characters
        with db.connection_context():
            member = Member.by_name(name)
            if member is None and Member.name_clash(name) == Member.LOOKS_SAME:
                raise click.ClickException(
                    f"Someone already uses a name that looks the same as {name}. "
                    "Choose a name that looks different."
                )
            if member is not None:
                if member.is_removed:
                    raise click.ClickException(f"{name} was removed and cannot be an admin.")
                make_admin(None, member)
                click.echo(f"{member.display_name} is now an admin.")
                return
            home = Community.by_slug(community)
            if home is None:
                raise click.ClickException(f"There is no community called {community!r}.")
            if password is None:
                password = click.prompt("Password", hide_input=True, confirmation_prompt=True)
            if len(password) < 8:
                raise click.ClickException("Use a password of at least 8 characters.")
            with write_transaction():
                member = Member.create(
                    display_name=name,  # its keys follow in Member.save
                    community=home,
                    password_hash=hash_password(password),
                    welcomed_on=dt.date.today(),
                )
            make_admin(None, member)
        click.echo(f"{name} is an admin. Sign in at /sign-in, then go to /facilitate/.")
