"""One consent conversation per agreement, built from its content file.

Turns: an introduction; "what changed" for someone who accepted an earlier
version; one turn per principle with an unticked "I agree to ..." box; then check
answers and "I agree to <the agreement>".
"""

from __future__ import annotations

from flask import Blueprint, Flask, g, redirect, url_for
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField
from wtforms.validators import InputRequired

from ..conversation import Conversation, Turn
from ..drafts import Draft
from ..members import require_member
from ..wording import Computed, say
from .documents import agreement_slugs, load_agreement
from .service import accepted_version, conversation_name, record_consent


def principle_name(slug: str, key: str):
    def name() -> str:
        found = {p.key: p.name for p in load_agreement(slug).principles}
        return found.get(key, key)

    return Computed(name)


def agree_form(slug: str, key: str) -> type[FlaskForm]:
    name = principle_name(slug, key)

    class AgreeForm(FlaskForm):
        agree = BooleanField(
            Computed(lambda: str(say(_l("I agree to %(name)s", name=name), _l("I agree to %(name)s", name=name)))),
            validators=[InputRequired(message=Computed(lambda: str(say(
                _l("Tick the box to agree to %(name)s, or ask a question first", name=name),
                _l("Tick the box to agree. Not sure? Ask us a question first.", name=name),
            ))))],
        )  # fmt: skip

    return AgreeForm


def in_a_sentence(title: str) -> str:
    """ "The Community Agreement" reads "the Community Agreement" after "I agree to"."""
    return "the" + title[3:] if title.startswith("The ") else title


def build(slug: str) -> tuple[Conversation, Blueprint]:
    title = Computed(lambda: load_agreement(slug).title)
    standard = load_agreement(slug, "standard")
    easy = load_agreement(slug, "easyread")
    keys = [p.key for p in standard.principles]
    assert keys == [p.key for p in easy.principles], f"{slug}: principles differ between variants"

    def has_earlier_version(_answers) -> bool:
        accepted = accepted_version(g.member, slug) if g.get("member") else None
        return accepted is not None and accepted < load_agreement(slug).version

    def finish(draft: Draft):
        record_consent(g.member, load_agreement(slug, "standard"), keys)
        draft.delete_instance()
        return redirect(url_for("agreements.agreed", slug=slug))

    turns = [
        Turn(
            name="introduction",
            question=title,
            body="agreements/_introduction.html",
            button=say(_l("Start reading"), _l("Start")),
        ),
        Turn(
            name="what-changed",
            question=say(_l("What has changed"), _l("What is new")),
            body="agreements/_what_changed.html",
            applies=has_earlier_version,
        ),
    ]
    for key in keys:
        turns.append(
            Turn(
                name=key,
                question=principle_name(slug, key),
                form=agree_form(slug, key),
                body="agreements/_principle.html",
                answer_text=lambda _a: str(say(_l("I agree"), _l("I agree"))),
                change_text=principle_name(slug, key),
            )
        )
    name = conversation_name(slug)
    conversation = Conversation(
        name=name,
        turns=turns,
        check_question=Computed(lambda: str(say(
            _l("Check your answers: %(title)s", title=title), _l("Check your answers: %(title)s", title=title),
        ))),
        finish_button=Computed(lambda: str(say(
            _l("I agree to %(title)s", title=in_a_sentence(str(title))), _l("I agree"),
        ))),
        steps_are_parts=True,
        finish=finish,
    )  # fmt: skip
    conversation.agreement_slug = slug
    blueprint = Blueprint(name, __name__, url_prefix=f"/agreements/{slug}/agree")
    blueprint.before_request(require_member)
    conversation.register(blueprint)
    return conversation, blueprint


def init_app(app: Flask) -> None:
    with app.app_context():
        for slug in agreement_slugs():
            _conversation, blueprint = build(slug)
            app.register_blueprint(blueprint)
