"""Giving a view: the proposal, "Do you support this?", the exact level, a question or a
reason, then check answers and "Send my view". The same conversation changes a view until
the decision closes; nothing in it, its receipt or its messages says what the view was.
"""

from __future__ import annotations

from flask import Blueprint, abort, flash, g, redirect, request, url_for
from flask_babel import format_date
from flask_babel import lazy_gettext as _l
from markupsafe import Markup

from .. import contributions
from ..conversation import Conversation, Turn
from ..database import write_transaction
from ..drafts import Draft, seal_drafts_of
from ..facilitation.access import sign_in_first
from ..forms import choices
from ..wording import Computed, say
from . import forms
from .access import decision_from_address, may_see, viewer_for, why_no_view
from .gradients import DOORS, GRADIENTS, QUICK, level, levels_for
from .models import View, today

bp = Blueprint("give_view", __name__, url_prefix="/decisions/<int:decision_id>/view")


decision_from_address(bp)


@bp.before_request
def only_who_may_answer():
    if (signed_out := sign_in_first()) is not None:
        return signed_out
    decision = g.decision
    if decision is None or not may_see(decision, viewer_for(g.member)):
        abort(404)
    if why_no_view(decision, viewer_for(g.member)) is not None:  # the page says why, plainly
        return redirect(url_for("decisions.decision", decision_id=decision.id))
    return None


def uses(method: str):
    return lambda _answers: g.decision.method == method


def chosen_level(answers):
    key = answers.get("level", {}).get("level") or answers.get("quick", {}).get("level")
    return level(g.decision.method, key) if key else None


def level_text(answers) -> str:
    found = chosen_level(answers)
    return f"{found.number}. {found.label}" if found else ""


def asks_question(answers) -> bool:
    found = chosen_level(answers)
    return bool(found and found.asks_question)


def reason_needed(answers) -> bool:
    found = chosen_level(answers)
    return bool(g.decision.reasons_required and found and found.opposes)


def level_label(lv) -> Markup:
    """The number and short label, then what it means on a line of its own (both escaped)."""
    return Markup(
        '<span class="level-choice"><strong>{}. {}</strong> <span>{}</span></span>'
    ).format(lv.number, str(lv.label), str(lv.meaning))


def prepare_level(form, draft: Draft) -> None:
    door = draft.answers.get("door", {}).get("door")
    keys = DOORS[door][1] if door in DOORS else ()
    options = [lv for lv in levels_for(GRADIENTS) if lv.key in keys]
    form.level.choices = choices({lv.key: level_label(lv) for lv in options})
    form.level.render_kw = {"pictures": {lv.key: lv.picture for lv in options}}


def prepare_quick(form, draft: Draft) -> None:
    options = levels_for(QUICK)
    form.level.choices = choices({lv.key: level_label(lv) for lv in options})
    form.level.render_kw = {"pictures": {lv.key: lv.picture for lv in options}}


def prepare_reason_needed(form, draft: Draft) -> None:
    """Say which answers need a reason on this decision's own scale."""
    form.reason.description = forms.REASON_NEEDED_HINT[g.decision.method]


def door_changed(form, draft: Draft) -> bool:
    """A new front door means choosing the exact level again."""
    if form.door.data != draft.answers.get("door", {}).get("door"):
        draft.answers.pop("level", None)
    return True


def question_text(answers) -> str:
    return answers.get("question", {}).get("question") or str(
        say(_l("No question"), _l("No question"))
    )


def reason_of(answers) -> str:
    turn = "reason_required" if reason_needed(answers) else "reason"
    return (answers.get(turn, {}).get("reason") or "").strip()


def reason_text(answers) -> str:
    return reason_of(answers) or str(say(_l("No reason given"), _l("No reason")))


def finish(draft: Draft):
    decision, member = g.decision, g.member
    if why_no_view(decision, viewer_for(member)) is not None:  # closed while they answered
        return redirect(url_for("decisions.decision", decision_id=decision.id))
    found = chosen_level(draft.answers)
    if found is None:
        abort(400)
    regular = contributions.is_regular(member, member.community)
    content = {
        "level": found.key,
        "community": member.community_id,
        "regular": regular is not False,  # None: no rule yet, so everyone counts
        "reason": reason_of(draft.answers),
        "question": (draft.answers.get("question", {}).get("question") or "").strip()
        if found.asks_question else "",
    }  # fmt: skip
    if not decision.anonymous:
        content["member"] = member.id
    with write_transaction():
        View.give(decision, member, content)
        draft.keep_as_receipt(sent=True)  # never the view itself
    return saved()


def saved():
    flash(str(say(
        _l("Your view is saved. You can change it until the end of %(day)s.",
           day=format_date(g.decision.closes_on, "EEEE d MMMM")),
        _l("Thank you. We have your answer."),
    )))  # fmt: skip
    return redirect(url_for("decisions.decision", decision_id=g.decision.id))


def after_sending(draft: Draft):
    """ "Send my view" again after the answer was lost: the same confirmation, one view. Any
    other visit starts afresh, to change the view."""
    return saved() if request.method == "POST" and request.endpoint == "give_view.check" else None


GIVE_VIEW = Conversation(
    name="give_view",
    draft_name=lambda: f"give_view:{g.decision.id}",
    check_question=say(_l("Check your view before you send it"), _l("Check your answer")),
    finish_button=say(_l("Send my view"), _l("Send my answer")),
    finish=finish,
    retry=after_sending,
    turns=[
        Turn("proposal", Computed(lambda: g.decision.title), body="decisions/_proposal_turn.html",
             button=say(_l("Give my view"), _l("Give my answer"))),
        Turn("door", forms.DoorForm.door.args[0], forms.DoorForm, applies=uses(GRADIENTS),
             check=door_changed, picture="level-3.svg",
             answer_text=lambda a: str(DOORS[a["door"]["door"]][0]) if a.get("door", {}).get("door") in DOORS else "",
             change_text=say(_l("whether you support it"), _l("yes or no"))),
        Turn("level", forms.LevelForm.level.args[0], forms.LevelForm, applies=uses(GRADIENTS),
             prepare=prepare_level, answer_text=level_text,
             change_text=say(_l("your exact answer"), _l("your answer"))),
        Turn("quick", forms.QuickForm.level.args[0], forms.QuickForm, applies=uses(QUICK),
             prepare=prepare_quick, answer_text=level_text,
             change_text=say(_l("your answer"), _l("your answer"))),
        Turn("question", forms.QuestionForm.question.args[0], forms.QuestionForm,
             applies=asks_question, counted_from_start=True, picture="level-5.svg",
             answer_text=question_text, change_text=say(_l("your question"), _l("your question"))),
        Turn("reason", forms.ReasonForm.reason.args[0], forms.ReasonForm,
             applies=lambda a: not reason_needed(a), answer_text=reason_text,
             change_text=say(_l("your reason"), _l("your reason"))),
        Turn("reason_required", forms.RequiredReasonForm.reason.args[0], forms.RequiredReasonForm,
             applies=reason_needed, prepare=prepare_reason_needed, answer_text=reason_text,
             change_text=say(_l("your reason"), _l("your reason"))),
    ],
)  # fmt: skip

GIVE_VIEW.register(bp)
seal_drafts_of("give_view:")  # unsent answers are as private as sent ones


@bp.context_processor
def for_the_proposal_turn() -> dict:
    def own_view():
        own = View.of(g.decision, g.member) if g.get("decision") and g.get("member") else None
        return level(g.decision.method, own["level"]) if own else None

    return {
        "decision_today": today,
        "decision_principles": lambda: forms.PRINCIPLES,
        "decision_own_view": own_view,
    }
