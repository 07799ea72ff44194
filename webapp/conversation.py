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

This module declares a conversation and works out its order and answers; how it is
served (its routes and pages) is in conversation_routes.py, mixed into Conversation.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from flask import Response, request, url_for
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from werkzeug.datastructures import MultiDict

from .conversation_routes import ConversationRoutes
from .drafts import Draft
from .wording import Wording, say

Answers = dict[str, Any]


def always(_answers: Answers) -> bool:
    return True


@dataclass(frozen=True)
class AnswerPart:
    """One of the answers a turn asks for together (what is proposed, and why), shown on
    its own under its own label, so the answers never run together."""

    field: str
    label: Wording
    change_text: Wording


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
    # Answers shown one under each label instead of answer_text, in "You said" and
    # check answers, for a turn that asks two things at once.
    parts: tuple[AnswerPart, ...] = ()
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
    # The language of the question's words when it is not the page's (a survey whose
    # translation fell behind asks in English): they are marked with it wherever shown.
    lang: Callable[[], str | None] | None = None

    def question_lang(self) -> str | None:
        return self.lang() if self.lang else None

    @property
    def is_question(self) -> bool:
        return self.form is not None

    @property
    def is_shown(self) -> bool:
        """Whether its answer appears in "You said" and check answers."""
        return bool(self.answer_text or self.parts)

    def rows(self, answers: Answers, full: bool = False) -> list[tuple[Wording, str, Wording]]:
        """(label, answer, what Change changes) for each answer it shows that is not empty."""
        if self.parts:
            given = answers.get(self.name, {})
            return [(p.label, given.get(p.field) or "", p.change_text) for p in self.parts]
        show = (full and self.check_text) or self.answer_text
        return [(self.question, show(answers) if show else "", self.change_text or self.question)]


@dataclass
class Conversation(ConversationRoutes):
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
    # Which draft holds the answers, when one conversation is held about many things (a
    # view on each decision): the default is the conversation's name.
    draft_name: Callable[[], str] | None = None
    # For a conversation that changes something that already exists: fills a new draft's
    # answers from it, so every turn starts as it is and check answers comes first.
    start_from: Callable[[Draft], None] | None = None
    # A template shown above the answers on check answers (what may change, and why).
    check_body: str | None = None
    # Where Back on check answers goes when it is where the conversation starts (changing
    # something: back to the thing), rather than to the last turn.
    check_back: Callable[[], str] | None = None
    _turns_by_name: dict[str, Turn] = field(init=False, default_factory=dict)

    def __post_init__(self) -> None:
        self._turns_by_name = {turn.name: turn for turn in self.turns}
        assert "check" not in self._turns_by_name, "'check' is the check-answers turn"

    def draft_key(self) -> str:
        return self.draft_name() if self.draft_name else self.name

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
            if turn.name in answers and turn.is_shown:
                shown.append(turn)
        return shown

    def summary(self, answers: Answers, turns: list[Turn], full: bool = False) -> list[dict]:
        """Rows of "You said" and check answers; a turn whose text is empty is left out."""
        return [
            {
                "question": label,
                "answer": text,
                "change_url": self.url(turn.name, change=True),
                "change_text": change_text,
                "lang": turn.question_lang(),
            }
            for turn in turns
            for label, text, change_text in turn.rows(answers, full)
            if text
        ]

    def url(self, name: str, change: bool = False) -> str:
        return url_for(f"{self.name}.turn", turn_name=name, change="1" if change else None)

    def check_url(self) -> str:
        return url_for(f"{self.name}.check")

    def is_complete(self, answers: Answers) -> bool:
        return self.first_unanswered(answers) is None

    # Answering a turn ------------------------------------------------------------

    def _reachable(self, turn: Turn, answers: Answers) -> bool:
        """A turn can be shown once every turn before it is answered."""
        for earlier in self.active_turns(answers):
            if earlier.name == turn.name:
                return True
            if earlier.name not in answers:
                return False
        return False

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


def _as_multidict(values: dict) -> list[tuple[str, Any]]:
    pairs = []
    for key, value in values.items():
        if isinstance(value, list):
            pairs += [(key, v) for v in value]
        elif value is not None and value is not False:
            pairs.append((key, "y" if value is True else value))
    return pairs
