"""The one conversation (wizard) component used by every flow.

A conversation is declared in one place: its turns, each with a question, a form
and an easy-read wording (through say()). A turn can be skipped or branched on
earlier answers. The last turn checks the answers.

- Each turn has its own URL. Without JavaScript it is a full page reached by
  POST-redirect-GET; with htmx the next turn is swapped into #conversation and
  its URL pushed, and a11y.js moves focus to the question and announces it.
- Answers are saved on the server after every turn, keyed to the visitor's
  session (or the member, once signed in). Back, Change, a failed submit and
  coming back next week never lose anything. Passwords are hashed before saving.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from flask import Blueprint, Response, abort, redirect, request, session, url_for
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from werkzeug.datastructures import MultiDict

from .drafts import SENT_TURN, VISITOR_KEY, Draft, draft_owner
from .errors import csrf_failed, redisplays_form
from .rendering import render_form, render_page
from .wording import Wording, say

Answers = dict[str, Any]


def always(_answers: Answers) -> bool:
    return True


@dataclass(frozen=True)
class Turn:
    name: str
    question: Wording
    form: type[FlaskForm] | None = None
    # A template shown above the form, e.g. an explanation or the welcome text.
    body: str | None = None
    applies: Callable[[Answers], bool] = always
    # What "You said" shows for this turn; None keeps it out of the list.
    answer_text: Callable[[Answers], str | None] | None = None
    # What check answers shows, when it should be fuller than "You said" (a whole story).
    check_text: Callable[[Answers], str | None] | None = None
    # Hidden text after "Change", naming what the link changes.
    change_text: Wording | None = None
    button: Wording = field(default_factory=lambda: say(_l("Continue"), _l("Next")))
    # Fields whose values are turned into something safe before saving (a hash).
    secret_fields: dict[str, Callable[[str], str]] = field(default_factory=dict)
    # Sets choices that depend on the draft, such as suggested names.
    prepare: Callable[[FlaskForm, Draft], None] | None = None
    # A picture beside the question in easy read (a file in static/pictures).
    picture: str | None = None
    # Extra checks that need the database, run after the form validates.
    check: Callable[[FlaskForm, Draft], bool] | None = None
    # False for a turn that only sometimes appears and is a check, not a question: it is
    # not numbered, so "Question 3 of 8" does not become "of 9" halfway through.
    numbered: bool = True
    # A question that only some answers lead to ("I'm not sure"), counted in the total from
    # the start, so the total never grows: "Question 1 of 3" never becomes "2 of 7".
    counted_from_start: bool = False
    # Several submit buttons instead of one, as (name, wording); the first is the main one.
    buttons: tuple[tuple[str, Wording], ...] = ()

    @property
    def is_question(self) -> bool:
        return self.form is not None


@dataclass
class Conversation:
    name: str
    turns: list[Turn]
    check_question: Wording
    finish_button: Wording
    finish: Callable[[Draft], Response]
    # After finish has kept a receipt (Draft.keep_as_receipt): what sending again shows,
    # so a lost answer to the last step never makes a second thing or loses the first.
    retry: Callable[[Draft], Response] | None = None
    # Reading an agreement is in parts, not questions: "Part 2 of 5".
    steps_are_parts: bool = False
    # Serve the first turn at the conversation's own address, with no redirect first
    # (a slow connection pays for every redirect). For the journeys people start cold.
    start_in_place: bool = False
    _turns_by_name: dict[str, Turn] = field(init=False, default_factory=dict)

    def __post_init__(self) -> None:
        self._turns_by_name = {turn.name: turn for turn in self.turns}
        assert "check" not in self._turns_by_name, "'check' is the check-answers turn"

    # Which turns apply, and where to go next --------------------------------

    def active_turns(self, answers: Answers) -> list[Turn]:
        return [turn for turn in self.turns if turn.applies(answers)]

    def first_unanswered(self, answers: Answers) -> Turn | None:
        return next((t for t in self.active_turns(answers) if t.name not in answers), None)

    def next_after(self, name: str, answers: Answers) -> Turn | None:
        active = self.active_turns(answers)
        names = [t.name for t in active]
        if name not in names:
            return self.first_unanswered(answers)
        later = active[names.index(name) + 1 :]
        return later[0] if later else None

    def previous_before(self, name: str, answers: Answers) -> Turn | None:
        active = self.active_turns(answers)
        names = [t.name for t in active]
        if name == "check":
            return active[-1] if active else None
        if name not in names or names.index(name) == 0:
            return None
        return active[names.index(name) - 1]

    def progress(self, turn: Turn, answers: Answers) -> tuple[int, int]:
        """(this question's number, the total). The total counts every branch that may still
        come, so it never moves; a person who needs fewer questions just finishes sooner."""
        questions = [t for t in self.active_turns(answers) if t.is_question and t.numbered]
        total = [
            t
            for t in self.turns
            if t.is_question and t.numbered and (t in questions or t.counted_from_start)
        ]
        return questions.index(turn) + 1, len(total)

    def answered_before(self, name: str, answers: Answers) -> list[Turn]:
        """Earlier answered turns, for the "You said" list."""
        shown = []
        for turn in self.active_turns(answers):
            if turn.name == name:
                break
            if turn.name in answers and turn.answer_text:
                shown.append(turn)
        return shown

    def summary(self, answers: Answers, turns: list[Turn], full: bool = False) -> list[dict]:
        """Rows of "You said" and check answers; a turn whose text is empty is left out."""
        rows = []
        for turn in turns:
            show = (full and turn.check_text) or turn.answer_text
            text = show(answers) if show else ""
            if text:
                rows.append(
                    {
                        "question": turn.question,
                        "answer": text,
                        "change_url": self.url(turn.name, change=True),
                        "change_text": turn.change_text or turn.question,
                    }
                )
        return rows

    def url(self, name: str, change: bool = False) -> str:
        return url_for(f"{self.name}.turn", turn_name=name, change="1" if change else None)

    def check_url(self) -> str:
        return url_for(f"{self.name}.check")

    def is_complete(self, answers: Answers) -> bool:
        return self.first_unanswered(answers) is None

    # Routes --------------------------------------------------------------------

    def register(self, bp: Blueprint) -> None:
        bp.add_url_rule("/", "resume", self.resume_view)
        bp.add_url_rule("/check", "check", self.check_view, methods=["GET", "POST"])
        bp.add_url_rule("/forget", "forget", self.forget_view, methods=["GET", "POST"])
        bp.add_url_rule("/<turn_name>", "turn", self.turn_view, methods=["GET", "POST"])

    def load_draft(self) -> Draft:
        owner = draft_owner()
        if owner is None:  # a first visit: nothing can be saved yet, so no query
            return Draft(owner=draft_owner(create=True), conversation=self.name)
        return Draft.for_owner(owner, self.name)

    def _receipt_response(self, draft: Draft) -> Response | None:
        """A conversation already sent from here: show what was made, or start afresh."""
        if draft.receipt is None:
            return None
        if csrf_failed():  # changes nothing: the plain address shows the receipt
            return redirect(url_for(f"{self.name}.resume"))
        if self.retry is not None and (answer := self.retry(draft)) is not None:
            return answer
        Draft.delete_for(draft.owner, self.name)  # shown already: this is a new start
        return None

    def resume_view(self) -> Response:
        draft = self.load_draft()
        if sent := self._receipt_response(draft):
            return sent
        if draft.turn == SENT_TURN:
            draft = self.load_draft()
        answers = draft.answers
        if self.start_in_place and not answers:
            # Nothing answered yet: the first turn is served here, with no redirect first.
            first = self.first_unanswered(answers)
            if first is not None:
                return self._show(first, draft, changing=False)
        saved = self._turns_by_name.get(draft.turn)
        if saved and saved.applies(answers) and self._reachable(saved, answers):
            return redirect(self.url(saved.name))
        if draft.turn == "check" and self.is_complete(answers):
            return redirect(self.check_url())
        first = self.first_unanswered(answers)
        return redirect(self.url(first.name) if first else self.check_url())

    def _reachable(self, turn: Turn, answers: Answers) -> bool:
        """A turn can be shown once every turn before it is answered."""
        for earlier in self.active_turns(answers):
            if earlier.name == turn.name:
                return True
            if earlier.name not in answers:
                return False
        return False

    @redisplays_form
    def turn_view(self, turn_name: str) -> Response:
        turn = self._turns_by_name.get(turn_name)
        if turn is None:
            abort(404)
        draft = self.load_draft()
        if sent := self._receipt_response(draft):
            return sent
        if draft.turn == SENT_TURN:
            draft = self.load_draft()
        answers = draft.answers
        if not turn.applies(answers) or not self._reachable(turn, answers):
            return redirect(url_for(f"{self.name}.resume"))
        changing = request.values.get("change") == "1"
        if request.method != "POST":  # GET or HEAD
            return self._show(turn, draft, changing)
        form = self._make_form(turn, draft)  # a POST: the answer to this turn
        # A turn without questions still checks its token (FlaskForm() carries one).
        if form.validate_on_submit() and self._passes_checks(turn, form, draft):
            earlier = draft.answers.get(turn.name) or {}
            draft.answers[turn.name] = self._answer_from(turn, form, earlier)
            draft.forget_typed(turn.name)
            target = self._after(turn, draft.answers, changing)
            draft.turn = target
            draft.save_now()
            return redirect(self.check_url() if target == "check" else self.url(target))
        if not csrf_failed():  # a forged or stale post changes nothing saved
            # Keep what was typed, even across a later visit.
            draft.remember_typed(turn.name, self._typed(turn, form))
            draft.turn = turn.name
            draft.save_now()
        return self._render_turn(turn, draft, form, changing, status=422)

    def _show(self, turn: Turn, draft: Draft, changing: bool) -> Response:
        """A turn, as asked for with GET."""
        form = self._make_form(turn, draft)
        # Remember where the person is, once there is something to come back to
        # (a first look at the first turn writes nothing).
        if draft.turn != turn.name and (draft.id is not None or draft.answers):
            draft.turn = turn.name
            draft.save_now()
        return self._render_turn(turn, draft, form, changing)

    def _passes_checks(self, turn: Turn, form: FlaskForm, draft: Draft) -> bool:
        return turn.check is None or turn.check(form, draft)

    def _after(self, turn: Turn, answers: Answers, changing: bool) -> str:
        if changing:
            pending = self.first_unanswered(answers)
            return pending.name if pending else "check"
        following = self.next_after(turn.name, answers)
        return following.name if following else "check"

    def _make_form(self, turn: Turn, draft: Draft) -> FlaskForm | None:
        if turn.form is None:
            return FlaskForm() if request.method == "POST" else FlaskForm(formdata=None)
        if request.method == "POST":
            form = turn.form()
        else:
            saved = draft.typed(turn.name) or draft.answers.get(turn.name) or {}
            visible = {k: v for k, v in saved.items() if k not in turn.secret_fields}
            form = turn.form(formdata=MultiDict(_as_multidict(visible)) if visible else None)
        if turn.prepare:
            turn.prepare(form, draft)
        return form

    def _answer_from(self, turn: Turn, form: FlaskForm | None, earlier: dict) -> dict:
        if turn.form is None or form is None:
            return {"seen": True}
        data = {k: v for k, v in form.data.items() if k not in ("csrf_token", "submit")}
        for name, make_safe in turn.secret_fields.items():
            if data.get(name):
                data[name] = make_safe(data[name])
            elif earlier.get(name):  # left empty on a change: keep what was chosen before
                data[name] = earlier[name]
        return data

    def _typed(self, turn: Turn, form: FlaskForm | None) -> dict:
        if form is None:
            return {}
        keys = set(request.form) - {"csrf_token"} - set(turn.secret_fields)
        return {
            k: request.form.getlist(k) if len(request.form.getlist(k)) > 1 else request.form[k]
            for k in keys
        }

    def ask_again(self, turn_name: str, draft: Draft, form: FlaskForm) -> Response:
        """Show a turn again, with the errors already on `form`, when its answer stopped
        holding between the turn and the finish (a name another person took meanwhile).
        The draft keeps every answer; the turn's fields show what was typed."""
        turn = self._turns_by_name[turn_name]
        draft.remember_typed(turn_name, {
            k: v for k, v in form.data.items()
            if k not in ("csrf_token", "submit", *turn.secret_fields) and v
        })  # fmt: skip
        draft.turn = turn_name
        draft.save_now()
        return self._render_turn(turn, draft, form, changing=True, status=422)

    def _render_turn(self, turn, draft, form, changing, status=200) -> Response:
        answers = draft.answers
        numbered = turn.is_question and turn.numbered
        number, total = self.progress(turn, answers) if numbered else (0, 0)
        previous = self.previous_before(turn.name, answers)
        title = turn.question
        if total:
            step = (_l("part %(n)s of %(total)s", n=number, total=total) if self.steps_are_parts
                    else _l("question %(n)s of %(total)s", n=number, total=total))  # fmt: skip
            title = f"{turn.question} ({step})"
        return render_page(
            "conversation/_turn.html",
            title,
            status=status,
            conversation=self,
            turn=turn,
            form=form,
            number=number,
            total=total,
            you_said=self.summary(answers, self.answered_before(turn.name, answers)),
            back_url=self.check_url()
            if changing
            else (self.url(previous.name) if previous else None),
            action=self.url(turn.name, change=changing),
            answers=answers,
        )

    def forget_view(self) -> Response:
        """Delete the saved answers, for someone on a shared or watched device.

        GET asks first, on a page of its own (no JavaScript, no modal): the link sits far
        from Continue, and one stray tap must not lose everything."""
        form = FlaskForm()
        if request.method == "GET":
            owner = draft_owner()
            if not owner or not Draft.for_owner(owner, self.name).answers:
                return redirect(url_for(f"{self.name}.resume"))
            return render_page(
                "conversation/_forget.html",
                say(_l("Delete your answers?"), _l("Delete your answers?")),
                conversation=self,
                back_url=url_for(f"{self.name}.resume"),
            )
        if form.validate_on_submit():
            owner = draft_owner()
            if owner:
                Draft.delete_for(owner, self.name)
            if owner and owner.startswith("visitor:"):
                session.pop(VISITOR_KEY, None)
            return render_page(
                "conversation/_forgotten.html",
                say(_l("Your answers are deleted"), _l("Your answers are gone")),
                conversation=self,
            )
        return redirect(url_for(f"{self.name}.resume"))

    @redisplays_form
    def check_view(self) -> Response:
        draft = self.load_draft()
        if sent := self._receipt_response(draft):
            return sent
        if draft.turn == SENT_TURN:
            draft = self.load_draft()
        answers = draft.answers
        pending = self.first_unanswered(answers)
        if pending:
            return redirect(self.url(pending.name))
        form = FlaskForm()
        if request.method == "POST" and form.validate_on_submit():
            return self.finish(draft)  # finish deletes the draft once it has what it needs
        if draft.turn != "check":
            draft.turn = "check"
            draft.save_now()
        turns = [t for t in self.active_turns(answers) if t.answer_text]
        return render_form(
            "conversation/_check.html",
            self.check_question,
            form,
            conversation=self,
            rows=self.summary(answers, turns, full=True),
            back_url=self.url(self.previous_before("check", answers).name),
        )


def _as_multidict(values: dict) -> list[tuple[str, Any]]:
    pairs = []
    for key, value in values.items():
        if isinstance(value, list):
            pairs += [(key, v) for v in value]
        elif value is not None and value is not False:
            pairs.append((key, "y" if value is True else value))
    return pairs
