"""Changing a decision a facilitator opened: the opening conversation's own turns and forms,
filled in from the decision, ending in check answers with "Save the changes".

What may change is decided here and nowhere else (who may change it is access.may_manage):

- Before anyone has given a view, everything set when opening, with the same checks. The
  one exception: anonymous or named, once it has opened, as its hint promised members.
- Once a view is given (or an outcome written), people gave their views to these words and
  settings, so they stay. Only two things may still change, because neither changes what
  was asked:
  - the closing day, moved later and never before today: more time takes no chance away
    from anyone, while an earlier day would cut short those who meant to answer. Never once
    results were shown at the close: people who then answered late would have seen them;
  - the easy read, added to or mended: easier words for the same proposal help people
    understand what was asked. The plain English, which views were given to, stays.
"""

from __future__ import annotations

import dataclasses

from flask import Blueprint, abort, flash, g, redirect, request, url_for
from flask_babel import format_date
from flask_babel import lazy_gettext as _l

from ..conversation import Conversation, Turn
from ..database import write_transaction
from ..drafts import Draft
from ..facilitation.access import sign_in_first
from ..facilitation.models import AuditEntry
from ..forms import parse_day
from ..models import Community
from ..wording import say
from . import forms
from .access import decision_from_address, may_manage, may_see, viewer_for
from .announce import announce_due, tell_closing_moved
from .create import OPEN_DECISION, asked_ids, decision_values, hints_for_templates
from .models import Decision, today

bp = Blueprint("change_decision", __name__, url_prefix="/decisions/<int:decision_id>/change")

LATER = ("easy", "hints")  # the turns still open once views are given (with "closes")
EASY_FIELDS = ("proposal_easy", "why_easy")


def settled(decision: Decision) -> bool:
    """Views were given, or an outcome written, on these words and settings."""
    return decision.outcome is not None or decision.has_views()


def closing_may_move(decision: Decision, day) -> bool:
    """Once views are given: while it is open, or after it closed only when results showed
    as views arrived and no outcome is written (the close showed nobody anything new)."""
    if decision.outcome is not None:
        return False
    return not decision.is_closed(day) or decision.results_live


def may_change(turn_name: str, decision: Decision, day, is_settled: bool) -> bool:
    if is_settled:
        return turn_name in LATER or (turn_name == "closes" and closing_may_move(decision, day))
    if turn_name == "closes":  # before views the dates turn asks both days
        return False
    return turn_name != "naming" or not decision.has_opened(day)


def answers_of(decision: Decision) -> dict:
    """The decision as answers to the opening turns: each turn starts as it is."""
    easy = {name: getattr(decision, name) for name in EASY_FIELDS}
    closes = decision.closes_on.isoformat()
    return {
        "title": {"title": decision.title},
        "proposal": {"proposal": decision.proposal, "why": decision.why},
        "easy": dict(easy),
        "hints": dict(easy),
        "principles": {"principles": decision.principle_keys()},
        "who": {
            "communities": [c.slug for c in decision.communities()],
            "platform_change": "yes" if decision.platform_change else "no",
        },
        "scope": {"scope_area": decision.scope_area},
        "dates": {"opens_on": decision.opens_on.isoformat(), "closes_on": closes},
        "closes": {"closes_on": closes},
        "method": {"method": decision.method},
        "reasons": {"reasons": "required" if decision.reasons_required else "optional"},
        "results": {"results": "live" if decision.results_live else "after"},
        "naming": {"naming": "anonymous" if decision.anonymous else "named"},
        "counts": {"counts": "regular" if decision.only_regular else "everyone"},
    }


AS_OF = "as_of"  # the decision as it was when the draft began, to see changes made since


def start_from(draft: Draft) -> None:
    now = answers_of(g.decision)
    draft.answers.update({**now, AS_OF: now})
    draft.turn = "check"


def check_later(form, draft: Draft) -> bool:
    """After views: the closing day moves later, never before today (see the top)."""
    closes, decision = parse_day(form.closes_on.data), g.decision
    if closes and closes < max(decision.closes_on, today()):
        form.closes_on.errors.append(say(
            _l("The closing day can only move later: %(day)s or after",
               day=format_date(max(decision.closes_on, today()), "d MMMM y")),
            _l("You can only make the last day later."),
        ))  # fmt: skip
        return False
    return True


def proposed(decision: Decision, answers: dict, is_settled: bool) -> dict:
    """Every field as the answers would set it, beside what cannot be set here."""
    values = decision_values(answers)
    if not g.member.is_admin:  # only admins mark a platform change: a facilitator keeps it
        values["platform_change"] = decision.platform_change
    if is_settled:
        values["closes_on"] = parse_day(answers["closes"]["closes_on"])
    ids, everyone = asked_ids(answers)
    if not ids:
        abort(403)
    # Asking the whole platform is an admin's choice: a facilitator of every community
    # who leaves them all ticked keeps it so.
    every_id = {c.id for c in Community.select(Community.id)}
    values["all_communities"] = everyone or (decision.all_communities and ids == every_id)
    values["asked"] = frozenset(ids)
    return values


def as_it_is(decision: Decision, keys) -> dict:
    return {
        key: frozenset(decision.community_ids()) if key == "asked" else getattr(decision, key)
        for key in keys
    }


def may_set(field: str, value, decision: Decision, day, is_settled: bool) -> bool:
    """The same rule as may_change, for each field as it is saved (a view may have come
    since the turn was answered, or the day moved on)."""
    if not is_settled:
        return field != "anonymous" or not decision.has_opened(day)
    if field == "closes_on":
        return closing_may_move(decision, day) and value >= max(decision.closes_on, day)
    return field in EASY_FIELDS


def finish(draft: Draft):
    day, answers = today(), draft.answers
    with write_transaction():
        decision = Decision.get_by_id(g.decision.id)
        if answers.get(AS_OF, answers_of(decision)) != answers_of(decision):
            return changed_meanwhile(draft, decision)
        is_settled = settled(decision)  # again now: a view may have come meanwhile
        wanted = proposed(decision, answers, is_settled)
        before = as_it_is(decision, wanted)
        changed = {key: value for key, value in wanted.items() if value != before[key]}
        if not all(may_set(k, v, decision, day, is_settled) for k, v in changed.items()):
            return views_came_first(draft, decision, day)
        if changed:
            old_ids = decision.community_ids()
            for key, value in changed.items():
                if key != "asked":
                    setattr(decision, key, value)
            decision.changes += 1
            if decision.has_opened(day):  # members may have read it: its page says so
                decision.changed_on = day
            decision.save()
            if "asked" in changed or "all_communities" in changed:
                decision.set_communities(set() if decision.all_communities else wanted["asked"])
            for community_id in sorted(old_ids | decision.community_ids()):
                AuditEntry.record(g.member, "changed a decision", f"decision {decision.id}",
                                  community_id, note=", ".join(sorted(changed)))  # fmt: skip
        draft.keep_as_receipt(decision=decision.id)
    if "closes_on" in changed and decision.announced:
        tell_closing_moved(decision)
    announce_due()
    flash(str(say(_l("The changes are saved."), _l("We saved the changes."))) if changed
          else str(say(_l("Nothing was changed."), _l("You did not change anything."))))  # fmt: skip
    return redirect(url_for("decisions.decision", decision_id=decision.id))


def changed_meanwhile(draft: Draft, decision: Decision):
    """Another facilitator saved changes since this draft began: theirs are not undone.
    Each answer this person changed is kept on top of the decision as it is now."""
    answers, now = draft.answers, answers_of(decision)
    began = answers.get(AS_OF) or {}
    mine = {
        turn: value for turn, value in answers.items() if turn in now and value != began.get(turn)
    }
    answers.clear()
    answers.update({**now, **mine, AS_OF: now})
    draft.turn = "check"
    draft.save_now()
    flash(str(say(
        _l("Someone else changed this decision since you started. Their changes are here, "
           "with yours on top: check them and save again."),
        _l("Someone else changed this question too. Check the changes. Then save again."),
    )))  # fmt: skip
    return redirect(CHANGE_DECISION.check_url())


def views_came_first(draft: Draft, decision: Decision, day):
    """Someone gave a view while this was being changed: the words and settings are theirs
    now. The easy read, and a closing day moved later, are kept; the rest goes back to how
    it is, and the page says so."""
    answers = draft.answers
    kept = {name: answers[name] for name in LATER if name in answers}
    closes = parse_day(answers.get("dates", {}).get("closes_on"))
    if closes and closes > max(decision.closes_on, day) and closing_may_move(decision, day):
        kept["closes"] = {"closes_on": closes.isoformat()}
    answers.clear()
    answers.update({**answers_of(decision), **kept, AS_OF: answers_of(decision)})
    draft.turn = "check"
    draft.save_now()
    flash(str(say(
        _l("People gave their views while you were making changes, so the proposal and the "
           "settings stay as they are. Your easy read is kept: check it and save again."),
        _l("People answered while you made changes. So the idea stays the same. "
           "You can still save the easy read."),
    )))  # fmt: skip
    return redirect(CHANGE_DECISION.check_url())


def after_saving(draft: Draft):
    """ "Save the changes" again after the answer was lost: back to the decision, once."""
    if request.method == "POST" and request.endpoint == "change_decision.check":
        return redirect(url_for("decisions.decision", decision_id=g.decision.id))
    return None  # any other visit starts afresh from the decision as it is now


def applies_here(turn: Turn):
    def applies(answers) -> bool:
        return may_change(turn.name, g.decision, today(), g.decision_settled) and turn.applies(
            answers
        )

    return applies


def day_words(value: str | None) -> str:
    day = parse_day(value)
    return format_date(day, "EEEE d MMMM y") if day else ""


CLOSES = Turn(
    "closes", forms.ClosingDayForm.closes_on.args[0], forms.ClosingDayForm, check=check_later,
    answer_text=lambda a: day_words(a.get("closes", {}).get("closes_on")),
    change_text=say(_l("the closing day"), _l("the last day")),
)  # fmt: skip


def change_turns() -> list[Turn]:
    turns = []
    for turn in OPEN_DECISION.turns:
        turns.append(dataclasses.replace(turn, applies=applies_here(turn)))
        if turn.name == "dates":
            turns.append(dataclasses.replace(CLOSES, applies=applies_here(CLOSES)))
    return turns


CHANGE_DECISION = Conversation(
    name="change_decision",
    draft_name=lambda: f"change_decision:{g.decision.id}",
    check_question=say(_l("Check the changes"), _l("Check the changes")),
    finish_button=say(_l("Save the changes"), _l("Save the changes")),
    finish=finish,
    retry=after_saving,
    start_from=start_from,
    check_body="decisions/_change_note.html",
    check_back=lambda: url_for("decisions.decision", decision_id=g.decision.id),
    turns=change_turns(),
)


decision_from_address(bp)


@bp.before_request
def only_who_may_manage():
    if (signed_out := sign_in_first()) is not None:
        return signed_out
    decision, viewer = g.decision, viewer_for(g.member)
    if decision is None or not may_see(decision, viewer):
        abort(404)  # the same answer whether it does not exist or is not for you
    if not may_manage(decision, viewer):
        abort(403)
    g.decision_settled = settled(decision)
    name = (request.view_args or {}).get("turn_name")
    if name in CHANGE_DECISION._turns_by_name and not may_change(
        name, decision, today(), g.decision_settled
    ):
        flash(str(say(_l("That can no longer change. This page says what still can."),
                      _l("You cannot change that now. This page says what you can change."))))  # fmt: skip
        return redirect(CHANGE_DECISION.check_url())
    return None


CHANGE_DECISION.register(bp)
bp.context_processor(hints_for_templates)


@bp.context_processor
def for_the_note() -> dict:
    decision = g.get("decision")
    return {
        "changing": decision,
        "changing_settled": g.get("decision_settled", False),
        "closing_may_move": decision is not None and closing_may_move(decision, today()),
    }
