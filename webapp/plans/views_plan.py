"""The action plan: the page with its filters, what changed since last month, the
print-friendly page, the CSV, the annual review, and adding or editing an activity."""

from __future__ import annotations

import datetime as dt

from flask import Response, abort, flash, g, redirect, request, url_for
from flask_babel import lazy_gettext as _l

from ..content import is_easyread
from ..decisions.models import Decision
from ..errors import csrf_failed, redisplays_form
from ..models import Community, Member
from ..receipts import SentKey
from ..rendering import render_form, render_page
from ..wording import say
from . import bp
from .access import Rights, activity_page, community_page, facilitators_only
from .export import as_csv, rows
from .forms import ActivityForm, ReviewForm, parse_month
from .models import STATUSES, Activity, Plan, TermsVersion
from .reminders import changes_since, since_last_month
from .service import review_plan, save_activity
from .terms import scope_areas
from .words import PANEL


def today() -> dt.date:
    return dt.date.today()


@bp.route("/<community>")
@community_page
def plan(community: Community, allowed: Rights):
    status = request.args.get("status", "")
    principle = request.args.get("principle", "")
    status = status if status in STATUSES else ""
    principle = principle if principle in PANEL else ""
    return render_page(
        "plans/_plan.html",
        say(_l("Action plan: %(name)s", name=community.name), _l("Our plan")),
        description=say(_l("What the group is doing, who leads each activity, and how it is going."),
                        _l("What our group is doing and how it is going.")),  # fmt: skip
        community=community, allowed=allowed, plan=Plan.of(community),
        activities=list(Activity.in_plan(community, status, principle)),
        shown_status=status, principle=principle, changed=changes_since(community, since_last_month(today())),
    )  # fmt: skip


@bp.route("/<community>/changes")
@community_page
def changes(community: Community, allowed: Rights):
    since = since_last_month(today())
    return render_page(
        "plans/_changes.html",
        say(_l("What changed in the plan since last month"), _l("What is new in our plan")),
        community=community, allowed=allowed, since=since, events=changes_since(community, since),
    )  # fmt: skip


@bp.route("/<community>/print")
@community_page
def printable(community: Community, allowed: Rights):
    return render_page(
        "plans/_print.html",
        say(_l("Action plan to print: %(name)s", name=community.name), _l("Our plan to print")),
        community=community, allowed=allowed, plan=Plan.of(community),
        activities=list(Activity.in_plan(community)), printed_on=today(),
    )  # fmt: skip


@bp.route("/<community>/plan.csv")
@community_page
def csv_export(community: Community, allowed: Rights):
    body = as_csv(rows(community, is_easyread()))
    response = Response(body, mimetype="text/csv")
    name = f"plan-{community.slug}-{today().isoformat()}.csv"
    response.headers["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@bp.route("/<community>/review", methods=["GET", "POST"])
@community_page
@facilitators_only
@redisplays_form
def review(community: Community, allowed: Rights):
    plan = Plan.of(community)
    form = ReviewForm(data={"review_on": plan.review_on.replace(year=plan.review_on.year + 1)})
    if form.validate_on_submit() and not csrf_failed():
        review_plan(g.member, plan, form.review_on.data)
        flash(str(say(_l("The plan is marked as reviewed. The change is in the audit log."),
                      _l("Saved."))))  # fmt: skip
        return redirect(url_for("plans.plan", community=community.slug))
    return render_form(
        "plans/_review_form.html",
        say(_l("Review the plan"), _l("Look at the plan again")),
        form, community=community, allowed=allowed, plan=plan,
    )  # fmt: skip


def activity_form(community: Community, activity: Activity | None) -> ActivityForm:
    data = {}
    if activity is not None:
        data = {
            "title": activity.title, "title_easy": activity.title_easy, "about": activity.about,
            "about_easy": activity.about_easy, "panel": activity.principles,
            "scope_area": activity.scope_area, "lead": str(activity.lead_id or ""),
            "starts": activity.starts.strftime("%Y-%m"), "due": activity.due.strftime("%Y-%m"),
            "decision": str(activity.decision_id or ""),
        }  # fmt: skip
    else:
        data = {"starts": today().strftime("%Y-%m"), "due": today().strftime("%Y-%m")}
    form = ActivityForm(data=data)
    terms = TermsVersion.latest(community)
    areas = scope_areas(terms.parts, is_easyread()) if terms else []
    if activity is not None and activity.scope_area and activity.scope_area not in dict(areas):
        areas.append((activity.scope_area, activity.scope_area))  # an area since reworded
    members = Member.welcomed_in(community).order_by(Member.display_name)
    form.set_choices(
        today(), areas, members, Decision.newest_first(Decision.asking([community.id]))
    )
    return form


def form_values(form: ActivityForm, community: Community) -> dict:
    lead = None
    if form.lead.data:
        lead = Member.welcomed_in(community).where(Member.id == int(form.lead.data)).first()
    return {
        "title": form.title.data, "title_easy": form.title_easy.data or "",
        "about": form.about.data, "about_easy": form.about_easy.data or "",
        "panel": " ".join(k for k in PANEL if k in (form.panel.data or [])),
        "scope_area": form.scope_area.data or "", "lead": lead,
        "starts": parse_month(form.starts.data), "due": parse_month(form.due.data),
        "decision_id": int(form.decision.data) if form.decision.data else None,
    }  # fmt: skip


@bp.route("/<community>/activities/new", methods=["GET", "POST"])
@community_page
@facilitators_only
@redisplays_form
def new_activity(community: Community, allowed: Rights):
    form = activity_form(community, None)
    if form.validate_on_submit() and not csrf_failed():
        if not SentKey.claim(form.once.data):
            return redirect(url_for("plans.plan", community=community.slug))
        activity = save_activity(g.member, community, form_values(form, community))
        flash(str(say(_l("Activity added. Next, add its tasks."), _l("Added. Now add the jobs."))))
        return redirect(url_for("plans.activity", activity_id=activity.id))
    return render_form(
        "plans/_activity_form.html", say(_l("Add an activity to the plan"), _l("Add an activity")),
        form, community=community, allowed=allowed, terms=TermsVersion.latest(community), activity=None,
    )  # fmt: skip


@bp.route("/activities/<int:activity_id>/edit", methods=["GET", "POST"])
@activity_page
@redisplays_form
def edit_activity(activity: Activity, allowed: Rights):
    if not allowed.edit:
        abort(403)
    community = activity.community
    form = activity_form(community, activity)
    if form.validate_on_submit() and not csrf_failed():
        save_activity(g.member, community, form_values(form, community), activity)
        flash(str(say(_l("Saved. The change is in the audit log."), _l("Saved."))))
        return redirect(url_for("plans.activity", activity_id=activity.id))
    return render_form(
        "plans/_activity_form.html", say(_l("Change the activity"), _l("Change the activity")),
        form, community=community, allowed=allowed, terms=TermsVersion.latest(community),
        activity=activity,
    )  # fmt: skip
