"""What surveys add to pages below them: the member's home page, the facilitator's
dashboard, the data download, the email choices, and, on an action-plan activity's page,
the goals it serves (through core contributions)."""

from __future__ import annotations

from flask import g
from flask_babel import lazy_gettext as _l
from markupsafe import Markup

from .. import contributions
from ..clock import today
from ..models import Community
from .access import may_see_results
from .answer import wave_for
from .goals import realistic_met
from .models import Goal, SurveyAnswered

EMAIL_KIND = "survey-ready"


def home(member):
    wave = wave_for(member)
    if wave is None and not member.is_welcomed:
        return None
    return contributions.render_part("surveys/_home_part.html", wave=wave, member=member)


def dashboard(member, community: Community):
    due = [goal for goal in Goal.due_for_review(community, today())
           if not (goal.kind == Goal.REALISTIC and realistic_met(goal))]  # fmt: skip
    if not due:
        return None
    return contributions.render_part(
        "surveys/_dashboard_part.html", community=community, due=due,
        may_see=may_see_results(member, community),
    )  # fmt: skip


def data(member) -> list[str]:
    """Only that they answered: never the answers, which are not linked to them."""
    return [f"You answered the {months}-month survey" for months in
            sorted(SurveyAnswered.waves_of(member))]  # fmt: skip


def activity_goals(activity) -> Markup | None:
    """On an activity's page: the goals that depend on it, for those who may see goals."""
    if not may_see_results(g.get("member"), activity.community):
        return None
    goals = list(Goal.serving(activity))
    if not goals:
        return None
    return contributions.render_part(
        "surveys/_activity_goals.html", goals=goals, community=activity.community
    )


def register() -> None:
    contributions.home("surveys", home)
    contributions.dashboard("surveys", dashboard)
    contributions.data("surveys_answered", data)
    contributions.about("activity", "goals", activity_goals)
    contributions.email_choice(
        EMAIL_KIND,
        _l(
            "When a short survey about taking part is ready for me (3, 6 and 12 months after joining)"
        ),
        _l("When there is a short survey for me"),
    )
