"""Writing a meeting's notes, under the Chatham House Rule: a conversation for facilitators.

What we talked about, what we decided, actions, stories quoted through the picker, and an
easy-read summary; then the names check (which never blocks), then the check answers page,
which circulates the notes as a draft. Each meeting keeps its own saved answers.
"""

from __future__ import annotations

import datetime as dt

from flask import Blueprint, abort, g, redirect, request, url_for
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms.validators import Optional

from ..conversation import Conversation, Turn
from ..database import write_transaction
from ..drafts import Draft, draft_owner
from ..facilitation.access import sign_in_first
from ..forms import MultiCheckboxField, choices
from ..templating import isolated
from ..wording import say
from .access import runs
from .after_models import NoteQuote
from .forms import long_text
from .models import DRAFT, NO_NOTES, Meeting
from .names import findings
from .quotes import offered

bp = Blueprint("meeting_notes", __name__, url_prefix="/meetings/<int:meeting_id>/notes/write")

SECTIONS = ("themes", "decided", "actions", "summary")


@bp.url_value_preprocessor
def take_meeting(_endpoint, values) -> None:
    g.notes_meeting_id = values.pop("meeting_id", None) if values else None


@bp.url_defaults
def give_meeting(endpoint, values) -> None:
    if "meeting_id" not in values and g.get("notes_meeting_id") is not None:
        values["meeting_id"] = g.notes_meeting_id


def current_meeting() -> Meeting:
    return g.notes_meeting


class ThemesForm(FlaskForm):
    themes = long_text(
        say(_l("What did you talk about?"), _l("What did you talk about?")),
        missing=say(_l("Write what you talked about"), _l("Write what you talked about")),
        description=say(
            _l("The themes, not who said what: the meeting ran under the Chatham House Rule."),
            _l("Write what you talked about. Do not say who said things."),
        ),
    )


class DecidedForm(FlaskForm):
    decided = long_text(
        say(_l("What did you decide? (optional)"), _l("What did you decide? You do not have to write this.")),
    )  # fmt: skip


class ActionsForm(FlaskForm):
    actions = long_text(
        say(_l("Actions: who will do what? (optional)"), _l("Who will do what next? You do not have to write this.")),
        description=say(
            _l("Name a member only if they agreed to lead the action."),
            _l("Only write a name if that person said yes."),
        ),
    )  # fmt: skip


class QuotesForm(FlaskForm):
    quoted = MultiCheckboxField(
        say(_l("Quote a story word for word (optional)"), _l("Use words from a story? You do not have to.")),
        description=say(
            _l("Only stories whose author allowed quoting, and that the whole community may read."),
            _l("You can only use stories the writer said yes to."),
        ),
        validators=[Optional()],
    )  # fmt: skip
    referred = MultiCheckboxField(
        say(_l("Refer to a story, without quoting it (optional)"), _l("Say a story is about this? You do not have to.")),
        description=say(
            _l("These authors allowed a summary, not their words: write the summary in the themes."),
            _l("You can say what these stories are about. Do not copy the words."),
        ),
        validators=[Optional()],
    )  # fmt: skip


class SummaryForm(FlaskForm):
    summary = long_text(
        say(_l("The notes in easy read"), _l("The notes in easy read")),
        missing=say(_l("Write an easy read summary of the notes"), _l("Write the easy read notes")),
        description=say(
            _l("Short sentences of 15 words or fewer, one idea in each. Everyday words, no "
               "jargon or abbreviations. Write numbers as digits."),
            _l("Use short sentences. Use everyday words. Write numbers like this: 3."),
        ),
    )  # fmt: skip


def story_label(story) -> object:
    words = " ".join(story.body.split())
    short = words if len(words) <= 120 else words[:120].rsplit(" ", 1)[0] + " …"
    return isolated(short)


def prepare_quotes(form, draft: Draft) -> None:
    meeting = current_meeting()
    form.quoted.choices = choices(
        {s.reference: story_label(s) for s in offered(meeting, NoteQuote.QUOTE)}
    )
    form.referred.choices = choices(
        {s.reference: story_label(s) for s in offered(meeting, NoteQuote.REFER)}
    )


def sections_of(answers) -> dict[str, str]:
    return {name: (answers.get(name) or {}).get(name) or "" for name in SECTIONS}


def has_findings(answers) -> bool:
    return bool(findings(current_meeting(), sections_of(answers)))


def text_of(name: str):
    def shown(answers) -> str:
        return (answers.get(name) or {}).get(name) or ""

    return shown


def quotes_text(answers) -> str:
    chosen = answers.get("quotes") or {}
    n, m = len(chosen.get("quoted") or []), len(chosen.get("referred") or [])
    if not n and not m:
        return str(say(_l("No stories"), _l("No stories")))
    return str(say(_l("%(n)s quoted, %(m)s referred to", n=n, m=m), _l("%(n)s stories", n=n + m)))


def finish(draft: Draft):
    meeting = current_meeting()
    answers = draft.answers
    sections = sections_of(answers)
    chosen = answers.get("quotes") or {}
    with write_transaction():
        meeting.themes, meeting.decided = sections["themes"], sections["decided"]
        meeting.actions, meeting.easy_summary = sections["actions"], sections["summary"]
        meeting.notes_status, meeting.notes_circulated_on = DRAFT, dt.date.today()
        meeting.notes_final_on = None
        meeting.save()
        NoteQuote.replace(meeting, chosen.get("quoted") or [], chosen.get("referred") or [])
        draft.keep_as_receipt(meeting_id=meeting.id)
    return redirect(url_for("meetings.notes", meeting_id=meeting.id))


def circulated_already(draft: Draft):
    Draft.delete_for(draft.owner, draft.conversation)
    return redirect(url_for("meetings.notes", meeting_id=current_meeting().id))


NOTES = Conversation(
    name="meeting_notes",
    draft_name=lambda: f"meeting_notes:{g.notes_meeting_id}",  # each meeting its own draft
    check_question=say(_l("Check the notes before you circulate them"), _l("Check the notes")),
    finish_button=say(_l("Circulate the draft notes to members"), _l("Send the notes to members")),
    finish=finish,
    retry=circulated_already,
    turns=[
        Turn(name="themes", question=ThemesForm.themes.args[0],
             form=ThemesForm, picture="speech-bubble.svg", answer_text=text_of("themes"),
             change_text=say(_l("what you talked about"), _l("what you talked about"))),
        Turn(name="decided", question=DecidedForm.decided.args[0],
             form=DecidedForm, picture="tick.svg", answer_text=text_of("decided"),
             change_text=say(_l("what you decided"), _l("what you decided"))),
        Turn(name="actions", question=ActionsForm.actions.args[0],
             form=ActionsForm, picture="person-raising-hand.svg", answer_text=text_of("actions"),
             change_text=say(_l("the actions"), _l("who will do what"))),
        Turn(name="quotes", question=say(_l("Stories in the notes"), _l("Stories in the notes")),
             form=QuotesForm, picture="document.svg", prepare=prepare_quotes,
             answer_text=quotes_text, change_text=say(_l("the stories"), _l("the stories"))),
        Turn(name="summary", question=SummaryForm.summary.args[0],
             form=SummaryForm, picture="book.svg", answer_text=text_of("summary"),
             change_text=say(_l("the easy read notes"), _l("the easy read notes"))),
        Turn(name="names", question=say(_l("Could the notes show who said what?"),
                                        _l("Could the notes show who said things?")),
             body="meetings/_names_check.html", picture="magnifying-glass.svg",
             applies=has_findings, numbered=False,
             button=say(_l("Keep the notes as they are"), _l("Keep the notes as they are"))),
    ],
)  # fmt: skip


@bp.before_request
def only_the_meeting_facilitators():
    if (signed_out := sign_in_first()) is not None:
        return signed_out
    meeting = Meeting.get_or_none(Meeting.id == g.notes_meeting_id)
    if meeting is None or not runs(g.member, meeting):
        abort(403)
    g.notes_meeting = meeting
    if request.endpoint == "meeting_notes.resume" and meeting.notes_status != NO_NOTES:
        start_from_the_notes(meeting)
    return None


def start_from_the_notes(meeting: Meeting) -> None:
    """Changing notes already circulated starts from them, not from nothing."""
    draft = Draft.for_owner(draft_owner(create=True), NOTES.draft_key())
    if draft.answers or draft.receipt:
        return
    draft.answers.update({
        "themes": {"themes": meeting.themes}, "decided": {"decided": meeting.decided},
        "actions": {"actions": meeting.actions}, "summary": {"summary": meeting.easy_summary},
        "quotes": {
            "quoted": [q.story_reference for q in meeting.quotes if q.kind == NoteQuote.QUOTE],
            "referred": [q.story_reference for q in meeting.quotes if q.kind == NoteQuote.REFER],
        },
    })  # fmt: skip
    draft.turn = "check"
    draft.save_now()


NOTES.register(bp)


SECTION_NAMES = {
    "themes": say(_l("What you talked about"), _l("What you talked about")),
    "decided": say(_l("What you decided"), _l("What you decided")),
    "actions": say(_l("Actions"), _l("Who will do what")),
    "summary": say(_l("The easy read notes"), _l("The easy read notes")),
}


def names_check(answers) -> list[dict]:
    """The findings, for the names-check turn: what, where, and a link to change it."""
    return [
        {
            "section_name": SECTION_NAMES[f.section],
            "change_url": NOTES.url(f.section, change=True),
            "kind": f.kind,
            "text": f.text,
            "before": f.before,
            "after": f.after,
            "why": f.why,
        }
        for f in findings(current_meeting(), sections_of(answers))
    ]
