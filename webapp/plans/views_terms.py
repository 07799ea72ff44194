"""Terms of reference: read them (with what changed since you last read them), their
versions, and, for facilitators, write a new version."""

from __future__ import annotations

from flask import abort, flash, g, redirect, url_for
from flask_babel import lazy_gettext as _l

from ..content import is_easyread
from ..database import write_transaction
from ..errors import csrf_failed, redisplays_form
from ..models import Community
from ..receipts import SentKey
from ..rendering import render_form, render_page
from ..wording import say
from . import bp
from .access import Rights, community_page, facilitators_only
from .forms import TermsForm
from .models import TermsRead, TermsVersion
from .service import save_terms
from .terms import changes, form_data, parts_from_form


@bp.route("/<community>/terms")
@community_page
def terms(community: Community, allowed: Rights):
    latest = TermsVersion.latest(community)
    last_read = TermsRead.last_read(g.member, community) if latest else None
    changed = []
    if latest and last_read and last_read < latest.version:
        earlier = TermsVersion.numbered(community, last_read)
        if earlier is not None:
            changed = changes(earlier.parts, latest.parts, is_easyread())
    if latest and last_read != latest.version:
        with write_transaction():  # read now: next time, only what changes after this
            TermsRead.mark(g.member, community, latest.version)
    return render_page(
        "plans/_terms.html",
        say(_l("Terms of reference: %(name)s", name=community.name), _l("What our group is for")),
        description=say(_l("What the group works towards, what is in and out of scope, and how it works."),
                        _l("What our group does and does not do.")),  # fmt: skip
        community=community, allowed=allowed, terms=latest, changed=changed, last_read=last_read,
    )  # fmt: skip


@bp.route("/<community>/terms/versions")
@community_page
def versions(community: Community, allowed: Rights):
    return render_page(
        "plans/_versions.html",
        say(_l("Every version of the terms of reference"), _l("Old versions of what our group is for")),
        community=community, allowed=allowed, history=list(TermsVersion.history(community)),
    )  # fmt: skip


@bp.route("/<community>/terms/versions/<int:version>")
@community_page
def version(community: Community, allowed: Rights, version: int):
    found = TermsVersion.numbered(community, version)
    if found is None:
        abort(404)
    earlier = TermsVersion.numbered(community, version - 1)
    return render_page(
        "plans/_version.html",
        say(_l("Version %(n)s of the terms of reference", n=version), _l("Version %(n)s", n=version)),
        community=community, allowed=allowed, terms=found,
        changed=changes(earlier.parts, found.parts, is_easyread()) if earlier else [],
    )  # fmt: skip


@bp.route("/<community>/terms/edit", methods=["GET", "POST"])
@community_page
@facilitators_only
@redisplays_form
def edit_terms(community: Community, allowed: Rights):
    latest = TermsVersion.latest(community)
    if latest is None:
        form = TermsForm()
    else:
        form = TermsForm(data={**form_data(latest.parts), "review_on": latest.review_on})
    if form.validate_on_submit() and not csrf_failed():
        if not SentKey.claim(form.once.data):  # sent twice: the first made the version
            return redirect(url_for("plans.terms", community=community.slug))
        version = save_terms(g.member, community, parts_from_form(form.data), form.review_on.data)
        flash(str(say(_l("Saved as version %(n)s. Members will see what changed.", n=version.version),
                      _l("Saved. Members will see what is new."))))  # fmt: skip
        return redirect(url_for("plans.terms", community=community.slug))
    return render_form(
        "plans/_terms_form.html",
        say(_l("Write the terms of reference"), _l("Write what our group is for")),
        form, community=community, allowed=allowed,
    )  # fmt: skip
