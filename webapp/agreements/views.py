from __future__ import annotations

from flask import abort, g
from flask_babel import lazy_gettext as _l

from ..content import PageNotFound
from ..member_records import ConsentRecord
from ..members import member_required
from ..rendering import render_page
from ..wording import say
from . import bp
from .documents import agreement_slugs, load_agreement
from .service import accepted_version, next_step_url


def find(slug: str):
    if slug not in agreement_slugs():
        abort(404)
    try:
        return load_agreement(slug)
    except PageNotFound:
        abort(404)


@bp.app_template_global("agreement")
def agreement_for_template(slug: str):
    return load_agreement(slug)


@bp.app_template_global("accepted_version")
def accepted_version_for_template(slug: str) -> int | None:
    return accepted_version(g.member, slug) if g.get("member") else None


@bp.route("/<slug>")
def read(slug: str):
    """The whole agreement, to read again at any time."""
    agreement = find(slug)
    return render_page("agreements/_read.html", agreement.title, agreement=agreement)


@bp.route("/<slug>/agreed")
@member_required
def agreed(slug: str):
    return render_page(
        "agreements/_agreed.html",
        say(_l("Thank you for agreeing"), _l("Thank you")),
        agreement=find(slug),
        next_url=next_step_url(g.member),
    )


@bp.route("/<slug>/counts")
@member_required
def counts(slug: str):
    """For facilitators: how many members accepted each version (groups under 5 hidden)."""
    if g.member.role not in ("facilitator", "admin"):
        abort(403)
    agreement = find(slug)
    return render_page(
        "agreements/_counts.html",
        say(_l("Who has agreed to %(title)s", title=agreement.title), _l("Who has agreed")),
        agreement=agreement,
        rows=ConsentRecord.counts_by_version(slug),
    )
