"""How are we doing? Each community's goals and survey results; setting goals."""

from __future__ import annotations

from flask import flash, g, redirect, request, url_for
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm

from ..aggregates import smallest
from ..clock import today
from ..database import write_transaction
from ..errors import csrf_failed, redisplays_form
from ..forms import choices
from ..members import member_required
from ..models import Community
from ..plans.models import Activity
from ..rendering import render_form, render_page
from ..wording import say
from . import bp
from .access import for_community, may_see_results, may_set_goals
from .chart import trend_chart
from .definition import load_survey
from .forms import CHANGE_KIND, CHOOSE_KIND, GoalActivitiesForm, GoalForm
from .goals import review_on, statuses
from .models import Goal
from .results import SKIPPED, community_results


@bp.route("/how-are-we-doing")
@member_required
def own_community():
    return redirect(url_for("surveys.results", community=g.member.community.slug))


@bp.route("/how-are-we-doing/<community>")
@for_community(may_see_results)
def results(community: Community):
    survey = load_survey()
    waves = community_results(survey, community, today())
    goals = statuses(community, survey, today())
    return render_page(
        "surveys/_results.html",
        say(_l("How are we doing? %(name)s", name=community.name),
            _l("How are we doing? %(name)s", name=community.name)),
        description=_l("Goals and survey results for %(name)s, with small groups hidden.",
                       name=community.name),
        community=community,
        survey=survey,
        waves=waves,
        goals=goals,
        charts={s.goal.id: trend_chart(s.trend, s.goal.target) for s in goals if s.trend},
        question_charts={q.key: trend_chart([(w.months, w.result_for(q.key).share) for w in waves])
                         for q in survey.scale_questions},
        can_set_goals=may_set_goals(g.member, community),
        communities=[c for c in Community.in_order() if may_see_results(g.member, c)],
        skipped=SKIPPED,
        smallest=smallest(),
    )  # fmt: skip


# The page's heading at each step: a new one when the kind's fields arrive, so focus and
# the live region say where the person is now.
GOAL_TITLES = {
    None: lambda name: say(_l("Set a goal for %(name)s", name=name),
                           _l("Add a goal for %(name)s", name=name)),
    Goal.MOOD: lambda name: say(_l("Set a mood goal for %(name)s", name=name),
                                _l("Add a goal about how people feel in %(name)s", name=name)),
    Goal.REALISTIC: lambda name: say(_l("Set a realistic goal for %(name)s", name=name),
                                     _l("Add a goal about something we do in %(name)s", name=name)),
}  # fmt: skip


@bp.route("/how-are-we-doing/<community>/goals/new", methods=["GET", "POST"])
@for_community(may_set_goals)
@redisplays_form
def new_goal(community: Community):
    form = GoalForm()
    survey = load_survey()
    form.question.choices = choices({q.key: q.words for q in survey.scale_questions})
    form.offer(list(Activity.in_plan(community)))
    if form.is_submitted() and CHANGE_KIND in request.form:
        pass  # back to the kind, with everything typed kept: nothing to check or write
    elif form.is_submitted() and CHOOSE_KIND in request.form:
        form.kind_is_chosen()  # the kind's own fields next, with nothing marked wrong yet
    elif form.validate_on_submit() and not csrf_failed():
        mood = form.kind.data == Goal.MOOD
        with write_transaction():
            goal = Goal.create(
                community=community,
                kind=form.kind.data,
                plain=form.plain.data,
                easy=form.easy.data,
                question=form.question.data if mood else None,
                target=int(form.target.data) if mood else None,
                review_on=review_on(int(form.review.data), today()),
                set_on=today(),
            )
            goal.tie_to([] if mood else form.activity_ids())
        flash(str(say(_l("The goal is set."), _l("The goal is saved."))))
        return redirect(url_for("surveys.results", community=community.slug))
    heading = GOAL_TITLES[None if form.choosing_kind else form.chosen_kind]
    return render_form(
        "surveys/_goal_form.html", heading(community.name), form, community=community
    )


@bp.route("/how-are-we-doing/<community>/goals/<int:goal_id>/activities", methods=["GET", "POST"])
@for_community(may_set_goals)
@redisplays_form
def goal_activities(community: Community, goal_id: int):
    """Change which activities in the plan a realistic goal depends on."""
    goal = Goal.get_or_none(Goal.id == goal_id, Goal.community == community)
    if goal is None or goal.kind != Goal.REALISTIC:
        return redirect(url_for("surveys.results", community=community.slug))
    form = GoalActivitiesForm(data={"activities": [str(a.id) for a in goal.activities()]})
    form.offer(list(Activity.in_plan(community)))
    if form.validate_on_submit() and not csrf_failed():
        with write_transaction():
            goal.tie_to(form.activity_ids())
        flash(str(say(_l("The goal's activities are saved."), _l("Saved."))))
        return redirect(url_for("surveys.results", community=community.slug) + f"#goal-{goal.id}")
    return render_form(
        "surveys/_goal_activities.html",
        say(_l("Which activities does this goal depend on?"), _l("Which activities help this goal?")),
        form,
        community=community,
        goal=goal,
    )  # fmt: skip


@bp.route("/how-are-we-doing/<community>/goals/<int:goal_id>/met", methods=["POST"])
@for_community(may_set_goals)
def goal_met(community: Community, goal_id: int):
    goal = Goal.get_or_none(Goal.id == goal_id, Goal.community == community)
    if goal is None or goal.kind != Goal.REALISTIC:
        return redirect(url_for("surveys.results", community=community.slug))
    if FlaskForm().validate_on_submit() and not csrf_failed():
        with write_transaction():
            goal.mark_met(today())
        flash(str(say(_l("The goal is marked as met."), _l("The goal is done."))))
    return redirect(url_for("surveys.results", community=community.slug))


@bp.route("/surveys/thank-you")
@member_required
def thanks():
    return render_page(
        "surveys/_thanks.html",
        say(_l("Thank you: your answers are sent"), _l("Thank you. We have your answers.")),
    )
