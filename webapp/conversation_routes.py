"""How a conversation is served: its addresses, each turn as a page or an htmx swap,
check answers, and deleting the answers. Mixed into Conversation (webapp/conversation.py),
which declares the turns and their order."""

from __future__ import annotations

from typing import TYPE_CHECKING

from flask import Blueprint, Response, abort, redirect, request, session, url_for
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm

from .drafts import VISITOR_KEY, Draft, draft_owner
from .errors import csrf_failed, redisplays_form
from .page_cache import shared_page
from .rendering import render_form, render_page
from .wording import say

if TYPE_CHECKING:
    from .conversation import Turn


class ConversationRoutes:
    """The views of a conversation. Its state lives on the Conversation it is mixed into."""

    def register(self, bp: Blueprint) -> None:
        @shared_page  # for a first look, the first turn is the same page for every visitor
        def resume() -> Response:
            return self.resume_view()

        bp.add_url_rule("/", "resume", resume)
        bp.add_url_rule("/check", "check", self.check_view, methods=["GET", "POST"])
        bp.add_url_rule("/forget", "forget", self.forget_view, methods=["GET", "POST"])
        bp.add_url_rule("/<turn_name>", "turn", self.turn_view, methods=["GET", "POST"])

    def load_draft(self) -> Draft:
        owner = draft_owner()
        if owner is None:  # a first visit: nothing can be saved yet, so no query, and no
            # visitor id until there is something to save (a first look stays the same page
            # for everyone: see page_cache)
            owner = draft_owner(create=request.method == "POST")
            draft = Draft(owner=owner, conversation=self.draft_key())
        else:
            draft = Draft.for_owner(owner, self.draft_key())
        if self.start_from is not None and not draft.answers:
            self.start_from(draft)  # saved with the first thing done, like any answer
        return draft

    def open_draft(self) -> tuple[Draft, Response | None]:
        """This visitor's draft, or the answer to give instead: a conversation already
        sent from here shows what was made (retry), or starts afresh once shown."""
        draft = self.load_draft()
        if draft.receipt is None:
            return draft, None
        if csrf_failed():  # changes nothing: the plain address shows the receipt
            return draft, redirect(url_for(f"{self.name}.resume"))
        if self.retry is not None and (answer := self.retry(draft)) is not None:
            return draft, answer
        Draft.delete_for(draft.owner, self.draft_key())  # shown already: this is a new start
        return self.load_draft(), None

    def resume_view(self) -> Response:
        draft, sent = self.open_draft()
        if sent is not None:
            return sent
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

    @redisplays_form
    def turn_view(self, turn_name: str) -> Response:
        turn = self._turns_by_name.get(turn_name)
        if turn is None:
            abort(404)
        draft, sent = self.open_draft()
        if sent is not None:
            return sent
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
            if not owner or not Draft.for_owner(owner, self.draft_key()).answers:
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
                Draft.delete_for(owner, self.draft_key())
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
        draft, sent = self.open_draft()
        if sent is not None:
            return sent
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
        turns = [t for t in self.active_turns(answers) if t.is_shown]
        return render_form(
            "conversation/_check.html",
            self.check_question,
            form,
            conversation=self,
            rows=self.summary(answers, turns, full=True),
            back_url=self.check_back()
            if self.check_back
            else self.url(self.previous_before("check", answers).name),
        )
