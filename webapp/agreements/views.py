from __future__ import annotations

from flask import abort, g

from ..content import PageNotFound
from ..members import member_required
from ..models import ConsentRecord
from ..rendering import render_page
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
    return render_page("agreements/read.html", "agreements/_read.html", agreement=find(slug))


@bp.route("/<slug>/agreed")
@member_required
def agreed(slug: str):
    return render_page(
        "agreements/agreed.html",
        "agreements/_agreed.html",
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
        "agreements/counts.html",
        "agreements/_counts.html",
        agreement=agreement,
        rows=ConsentRecord.counts_by_version(slug),
    )
