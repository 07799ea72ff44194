"""Answering a survey wave: a conversation, one question per turn.

Every question can be skipped ("Skip this question", or Continue with nothing chosen). The
answers are saved as a draft at every turn, so leaving and coming back keeps them. "Send my
answers" writes them apart from the member (see models.py) and leaves a receipt, so
sending twice makes one set of answers.
"""

from __future__ import annotations

import datetime as dt

from flask import Blueprint, Flask, flash, g, redirect, request, url_for
from flask_babel import lazy_gettext as _l

from .. import clock
from ..content import current_language, is_easyread
from ..conversation import Conversation, Turn
from ..database import write_transaction
from ..drafts import Draft, seal_drafts_of
from ..forms import choices
from ..members import require_member
from ..rendering import render_page
from ..templating import in_language
from ..wording import Computed, say
from .definition import Question, load_survey
from .forms import answer_form, question_words
from .models import SurveyAnswer, SurveyAnswered
from .waves import Wave, open_wave

NAME = "survey"
SKIP = "skip"
seal_drafts_of(NAME)  # unsent answers are as private as sent ones: unreadable without the secret


def wave_for(member, today: dt.date | None = None) -> Wave | None:
    """The wave this member may answer today: welcomed into a community, not removed."""
    if member is None or not member.is_welcomed or member.is_removed:
        return None
    today = today or clock.today()
    return open_wave(member.joined_on, today, SurveyAnswered.waves_of(member))


def skipped_text() -> str:
    return str(say(_l("Skipped"), _l("You did not answer")))


def answer_of(answers: dict, key: str) -> str | None:
    return (answers.get(key) or {}).get("answer") or None


def answer_text(key: str):
    def text(answers) -> str:
        question = load_survey().question(key)
        value = answer_of(answers, key)
        if question is None or value is None:
            return skipped_text()
        point = question.point(value)
        if question.is_scale and point:  # the survey's words, in its language
            return in_language(point.words, survey_lang())
        return value

    return text


def survey_lang() -> str | None:
    """The survey's language when a translation fallen behind shows the English."""
    return load_survey().lang_if_not(current_language())


def prepare(key: str):
    def fill(form, _draft: Draft) -> None:
        if request.method == "POST" and SKIP in request.form:
            # "Skip this question" always skips, whatever is in the box (even too many words).
            form.answer.raw_data, form.answer.data = [], None
        survey = load_survey()
        question = survey.question(key)
        # A translation fallen behind the English shows the English, marked as English.
        shown = {**(form.answer.render_kw or {}), "lang": survey_lang()}
        if question.is_scale:
            form.answer.choices = choices({p.value: p.words for p in question.points})
            # Faces with words, never faces alone; in easy read only, where they help.
            if is_easyread():
                shown["pictures"] = {p.value: p.picture for p in question.points}
        form.answer.render_kw = shown

    return fill


def question_turn(question: Question) -> Turn:
    return Turn(
        name=question.key,
        question=question_words(question.key),
        form=answer_form(question.key, question.is_scale),
        picture=question.picture,
        prepare=prepare(question.key),
        answer_text=answer_text(question.key),
        change_text=question_words(question.key),
        lang=survey_lang,
        buttons=(
            ("continue", say(_l("Continue"), _l("Next"))),
            (SKIP, say(_l("Skip this question"), _l("Skip this question"))),
        ),
    )


def finish(draft: Draft):
    member = g.member
    today = clock.today()
    wave = wave_for(member, today)
    survey = load_survey()
    answers = {q.key: answer_of(draft.answers, q.key) for q in survey.questions}
    for question in survey.scale_questions:  # only the answers the scale offers
        if question.point(answers[question.key]) is None:
            answers[question.key] = None
    with write_transaction():
        if wave is not None and wave.months not in SurveyAnswered.waves_of(member):
            SurveyAnswer.record(member, wave.months, answers, today)
        draft.keep_as_receipt(sent=True)  # never the answers themselves
    return redirect(url_for("surveys.thanks"))


def after_sending(_draft: Draft):
    """ "Send my answers" again after a lost answer: the same thanks, nothing written."""
    return redirect(url_for("surveys.thanks"))


def build() -> Conversation:
    return Conversation(
        name=NAME,
        check_question=say(_l("Check your answers"), _l("Check your answers")),
        finish_button=say(_l("Send my answers"), _l("Send my answers")),
        finish=finish,
        retry=after_sending,
        start_in_place=True,
        turns=[
            Turn(
                name="welcome",
                question=Computed(lambda: load_survey().title),
                body="surveys/_welcome.html",
                lang=survey_lang,  # the title
                button=say(_l("Start"), _l("Start")),
            ),
            *[question_turn(q) for q in load_survey().questions],
        ],
    )


def only_with_an_open_wave():
    """The survey is there while a wave is open; a receipt still answers a retry."""
    if (signed_out := require_member()) is not None:
        return signed_out
    if wave_for(g.member) is not None:
        return None
    draft = Draft.for_owner(f"member:{g.member.id}", NAME)
    if draft.receipt is not None:
        return redirect(url_for("surveys.thanks"))
    if request.method == "POST":
        flash(str(say(_l("There is no survey for you to answer now."),
                      _l("There is no survey for you now."))))  # fmt: skip
        return redirect(url_for("accounts.home"))
    return render_page(
        "surveys/_none_open.html",
        say(_l("There is no survey for you now"), _l("There is no survey for you now")),
    )


def init_app(app: Flask) -> None:
    with app.app_context():
        conversation = build()
    blueprint = Blueprint(NAME, __name__, url_prefix="/survey")
    blueprint.before_request(only_with_an_open_wave)
    conversation.register(blueprint)
    app.register_blueprint(blueprint)
