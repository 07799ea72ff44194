"""The decision pages: the list, one decision (with its results and outcome), recording the
outcome, the results as a file, "You said, we did" and the platform's change log."""

from __future__ import annotations

import csv
import io

from flask import Response, abort, g, redirect, request, url_for
from flask_babel import lazy_gettext as _l

from .. import contributions
from ..aggregates import smallest
from ..database import write_transaction
from ..errors import csrf_failed, redisplays_form
from ..facilitation.access import sign_in_first
from ..facilitation.models import AuditEntry
from ..forms import parse_day
from ..models import Community
from ..rendering import render_form, render_page
from ..wording import say
from . import bp
from .access import (
    may_manage,
    may_see,
    sees_questions,
    shows_results,
    viewer_for,
    why_no_view,
)
from .forms import OUTCOMES, PRINCIPLES, OutcomeForm
from .gradients import level, opposed_wording
from .models import Decision, View, today
from .results import count_views, participants, summary


@bp.before_request
def members_only():
    return sign_in_first()


def visible(query):
    viewer = viewer_for(g.member)
    return [d for d in query if may_see(d, viewer)]


@bp.route("/")
def index():
    viewer = viewer_for(g.member)
    ids = {viewer.community_id} | set(viewer.moderates)
    decisions = visible(Decision.newest_first(Decision.asking(ids)))
    day = today()
    return render_page(
        "decisions/_index.html",
        say(_l("Decisions"), _l("Questions for you")),
        description=_l("Decisions the community makes together, and how to give your view."),
        open_now=[d for d in decisions if d.is_open(day)],
        coming=[d for d in decisions if not d.has_opened(day)],
        closed=[d for d in decisions if d.is_closed(day)],
        may_open=bool(viewer.moderates),
        day=day,
    )


def found_decision(decision_id: int) -> Decision:
    decision = Decision.get_or_none(Decision.id == decision_id)
    if decision is None or not may_see(decision, viewer_for(g.member)):
        abort(404)  # the same answer whether it does not exist or is not for you
    return decision


@bp.route("/<int:decision_id>")
def decision(decision_id: int):
    found = found_decision(decision_id)
    viewer = viewer_for(g.member)
    day = today()
    own = View.of(found, g.member)  # only ever this member's own view
    results = count_views(found) if shows_results(found, viewer, day) else None
    return render_page(
        "decisions/_decision.html",
        found.title,
        decision=found,
        own_level=level(found.method, own["level"]) if own else None,
        own=own,
        cannot=why_no_view(found, viewer, day),
        manages=may_manage(found, viewer),
        so_far=participants(found),
        results=results,
        sentences=summary(results) if results else [],
        questions=count_views(found).questions if sees_questions(found, viewer) else [],
        principles=PRINCIPLES,
        outcomes=OUTCOMES,
        answer_heading=opposed_wording(found.method).heading,
        about=contributions.about_parts("decision", found),
        day=day,
    )


@bp.route("/<int:decision_id>/results.csv")
def export(decision_id: int):
    """The results as a spreadsheet: the same safe numbers as the page, nothing more."""
    found = found_decision(decision_id)
    if not shows_results(found, viewer_for(g.member)):
        abort(404)
    results = count_views(found)
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["group", "number", "answer", "people"])
    for table in [results.overall, *results.groups]:
        for row in table.rows:
            shown = row.count if row.count is not None else (
                f"fewer than {smallest()}" if row.small else "hidden")  # fmt: skip
            writer.writerow(
                [str(table.name), row.level.number, str(row.level.label.standard), shown]
            )
        writer.writerow(
            [
                str(table.name),
                "",
                "total",
                table.total if table.total is not None else "not enough to show safely",
            ]
        )
    response = Response(out.getvalue(), mimetype="text/csv")
    response.headers["Content-Disposition"] = (
        f'attachment; filename="decision-{found.id}-results.csv"'
    )
    return response


@bp.route("/<int:decision_id>/outcome", methods=["GET", "POST"])
@redisplays_form
def outcome(decision_id: int):
    found = found_decision(decision_id)
    if not may_manage(found, viewer_for(g.member)):
        abort(403)
    if not found.is_closed():
        return redirect(url_for("decisions.decision", decision_id=found.id))
    form = OutcomeForm(obj=found if request.method == "GET" and found.outcome else None)
    if request.method == "GET" and found.review_on:
        form.review_on.data = found.review_on.isoformat()
    opposed = [r for r in count_views(found).overall.rows if r.level.opposes]
    anyone_opposed = bool(_opposed_count(found))
    wording = opposed_wording(found.method)
    form.objections_answer.label.text = wording.label
    form.objections_answer.description = wording.hint
    if form.is_submitted() and not csrf_failed():
        valid = form.validate()
        if anyone_opposed and not (form.objections_answer.data or "").strip():
            # Said with the form's other mistakes, so they are all put right in one go.
            form.objections_answer.errors = [wording.missing]
            valid = False
        if valid:
            with write_transaction():
                form.populate_obj(found)
                found.review_on = parse_day(form.review_on.data)
                found.outcome_on = today()
                found.save()
                for community in found.communities():
                    AuditEntry.record(g.member, "recorded a decision's outcome",
                                      f"decision {found.id}", community)  # fmt: skip
            return redirect(url_for("decisions.decision", decision_id=found.id))
    return render_form(
        "decisions/_outcome.html",
        say(_l("Record the outcome: %(title)s", title=found.title), _l("What did we decide?")),
        form,
        decision=found,
        anyone_opposed=anyone_opposed,
        opposed=opposed,
        opposed_notice=wording.notice,
    )


def _opposed_count(decision: Decision) -> int:
    return sum(
        1
        for v in View.all_for(decision)
        if (lv := level(decision.method, v["level"])) and lv.opposes
    )


def you_said_page(decisions: list, title, description, community: Community | None):
    """Decisions with an outcome, what came from each (the plan's activities, where that
    feature adds them) and the safe counts of who gave a view."""
    return render_page(
        "decisions/_you_said.html", title, description=description, decisions=decisions,
        community=community, principles=PRINCIPLES, outcomes=OUTCOMES,
        tables={d.id: count_views(d) for d in decisions},
        about=lambda decision: contributions.about_parts("decision", decision),
    )  # fmt: skip


@bp.route("/you-said-we-did")
def you_said():
    return you_said_page(
        visible(Decision.with_outcomes(everyone_only=True)),
        say(_l("You said, we did: the whole platform"), _l("You said, we did")),
        _l("Decisions put to every community, and what was done."),
        None,
    )


@bp.route("/you-said-we-did/<community>")
def you_said_community(community: str):
    found = Community.by_slug(community)
    viewer = viewer_for(g.member)
    if found is None or (viewer.community_id != found.id and found.id not in viewer.moderates):
        abort(404)
    return you_said_page(
        visible(Decision.with_outcomes([found.id])),
        say(_l("You said, we did: %(name)s", name=found.name), _l("You said, we did: %(name)s", name=found.name)),
        _l("Decisions in this community, and what was done."),
        found,
    )  # fmt: skip


@bp.route("/changes")
def changes():
    return render_page(
        "decisions/_changes.html",
        say(_l("Changes to the platform"), _l("Changes to the website")),
        description=_l("Every change to how the platform works that members were asked about."),
        decisions=list(Decision.platform_changes()),
        outcomes=OUTCOMES,
        day=today(),
    )
