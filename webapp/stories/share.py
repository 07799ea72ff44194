"""The share conversation: one for members and for people who have not joined.

Without an account, the audience choices that need membership are left out, the
name is never shown, and a private story code is given at the end instead.
"""

from __future__ import annotations

from flask import Blueprint, current_app, g, redirect, request, session, url_for
from flask_babel import lazy_gettext as _l

from ..agreements.service import can_post
from ..conversation import Conversation, Turn
from ..database import write_transaction
from ..drafts import Draft, draft_owner
from ..forms import choices
from ..models import Community
from ..ratelimits import FailedTries, minutes
from ..rendering import render_page
from ..wording import one_after_another, say
from . import forms
from .details import details_in
from .models import Story, ends_on, hash_story_code, new_story_code
from .topics import topic_names, topics

bp = Blueprint("share", __name__, url_prefix="/share")

# Held in the session only until the confirmation page shows it, once.
NEW_CODE_KEY = "new_story_code"
SHARED_KEY = "just_shared"


def visitor_shares() -> FailedTries:
    """Sharing without an account is held back in memory, by address, never written down."""
    return FailedTries("share-without-account", current_app.config["SHARES_WITHOUT_ACCOUNT"])


def is_member(_answers=None) -> bool:
    return g.get("member") is not None


def story_text(answers) -> str:
    return answers.get("story", {}).get("body") or ""


def has_details(answers) -> bool:
    return bool(details_in(story_text(answers)))


def choice_text(options: dict, answers, turn: str, key: str) -> str:
    value = answers.get(turn, {}).get(key)
    return str(options[value]) if value in options else ""


def community_and_topics_text(answers) -> str:
    chosen = answers.get("community", {})
    community = Community.by_slug(chosen.get("community") or "")
    names = [str(name) for name in topic_names(chosen.get("topics") or [])]
    return one_after_another([community.name, *names]) if community else ""


def short_text(answers) -> str:
    text = " ".join(story_text(answers).split())
    return text if len(text) <= 140 else text[:140].rsplit(" ", 1)[0] + " …"


def note_text(answers) -> str:
    note = answers.get("content_note", {}).get("content_note")
    return note or str(say(_l("No content note"), _l("You did not add a warning")))


# Preparing turns -----------------------------------------------------------------


def story_changed(form, draft: Draft) -> bool:
    """A changed story is checked again for identifying details."""
    if form.body.data != story_text(draft.answers):
        draft.answers.pop("details", None)
    if form.website.data:  # the honeypot: say nothing, keep nothing
        draft.answers["_robot"] = True
    return True


def prepare_community(form, draft: Draft) -> None:
    form.topics.choices = choices(topics())
    member = g.get("member")
    if member is not None and not form.community.data:
        form.community.data = member.community.slug


def prepare_audience(form, draft: Draft) -> None:
    if g.get("member") is None:
        forms.limit_audiences_for_visitors(form.audience)
    community = Community.by_slug(draft.answers.get("community", {}).get("community", ""))
    if community is not None:
        forms.name_the_community(form.audience, community)


def prepare_details(form, draft: Draft) -> None:
    if not form.body.data:
        form.body.data = story_text(draft.answers)


KEEP_AS_IT_IS = "keep"


def keep_edited_text(form, draft: Draft) -> bool:
    """ "Keep my story as it is" sends the story as first written, whatever is in the box;
    "Save my changes" sends the box."""
    if KEEP_AS_IT_IS in request.form:
        form.body.data = story_text(draft.answers)
    draft.answers.setdefault("story", {})["body"] = form.body.data
    return True


def finish(draft: Draft):
    answers = draft.answers
    member = g.get("member")
    if answers.get("_robot"):
        with write_transaction():
            draft.delete_instance()
        return redirect(url_for("stories.shared"))
    if member is None:
        key = request.remote_addr or ""
        wait = visitor_shares().wait_seconds(key)
        if wait:  # the draft is kept: nothing typed is lost
            return render_page(
                "stories/_wait.html",
                say(
                    _l("Your story is saved. Please try again later"), _l("Please try again later")
                ),
                status=429,
                minutes=minutes(wait),
            )
        visitor_shares().record(key)
    code = None if member else new_story_code()
    known_topics = topics()
    keep_for = answers["keep_for"]["keep_for"]
    story = Story(
        author=member,
        code_hash=hash_story_code(code) if code else None,
        community=Community.by_slug(answers["community"]["community"]),
        topics=" ".join(k for k in answers["community"].get("topics") or [] if k in known_topics),
        body=story_text(answers),
        content_note=answers.get("content_note", {}).get("content_note") or "",
        audience=answers["audience"]["audience"],
        quoting=answers["quoting"]["quoting"],
        show_name=bool(member) and answers.get("name", {}).get("name") == "display_name",
        replies_allowed=answers["replies"]["replies"] == "yes",
        keep_for=keep_for,
    )
    if member is None and story.audience not in forms.VISITOR_AUDIENCES:
        story.audience = "facilitators"
    story.expires_on = ends_on(story.shared_on, keep_for)
    with write_transaction():
        story.save(force_insert=True)
        # The words leave the draft; until the code has been shown, the receipt holds its
        # hash (already on the story), so a retry can give a new code for the same story.
        draft.keep_as_receipt(code_hash=story.code_hash)
    return _confirm(code)


def _confirm(code: str | None):
    session[SHARED_KEY] = True  # never which story: the cookie must not point to it
    if code:
        session[NEW_CODE_KEY] = code
    return redirect(url_for("stories.shared"))


def after_sending(draft: Draft):
    """ "Send my story" again after the answer was lost: the same confirmation, no second story.

    The first code never reached the author (it is shown once, and was not), so the story
    gets a new one, shown now. Once a code has been shown, a new share starts afresh."""
    receipt = draft.receipt
    if receipt.get("shown"):
        return None
    code = None
    if receipt.get("code_hash"):
        code = new_story_code()
        with write_transaction():
            if not Story.change_code(
                receipt["code_hash"], hash_story_code(code)
            ):  # withdrawn or expired since: nothing to manage
                draft.delete_instance()
                return None
            draft.keep_as_receipt(code_hash=hash_story_code(code))
    return _confirm(code)


def code_shown() -> None:
    """The confirmation has been drawn: the receipt forgets which story it was."""
    owner = draft_owner()
    draft = Draft.for_owner(owner, "share") if owner else None
    if draft is not None and draft.receipt is not None and not draft.receipt.get("shown"):
        draft.keep_as_receipt(shown=True)


def boundary_turn(name: str, form, options: dict, change_text, **extra) -> Turn:
    """One boundary per turn: the question is the field's own label, declared once in forms."""
    return Turn(
        name=name,
        question=getattr(form, name).args[0],
        form=form,
        answer_text=lambda answers: choice_text(options, answers, name, name),
        change_text=change_text,
        **extra,
    )


SHARE = Conversation(
    name="share",
    check_question=say(_l("Check your story before you send it"), _l("Check your story")),
    finish_button=say(_l("Send my story"), _l("Send my story")),
    finish=finish,
    retry=after_sending,
    start_in_place=True,
    turns=[
        Turn(
            name="welcome",
            question=say(_l("Share your story"), _l("Tell us your story")),
            body="stories/_share_welcome.html",
            button=say(_l("Start"), _l("Start")),
        ),
        Turn(
            name="story",
            question=say(_l("What would you like to share?"), _l("What do you want to tell us?")),
            form=forms.StoryForm,
            picture="speech-bubble.svg",
            check=story_changed,
            answer_text=short_text,
            check_text=story_text,
            change_text=say(_l("your story"), _l("your story")),
        ),
        Turn(
            name="community",
            question=say(_l("Which community does your story belong in?"), _l("Which group is your story for?")),
            form=forms.CommunityAndTopicsForm,
            prepare=prepare_community,
            answer_text=community_and_topics_text,
            change_text=say(_l("the community and topics"), _l("the group")),
        ),
        Turn(
            name="content_note",
            question=say(_l("Does your story need a content note? (optional)"),
                         _l("Could your story upset people? You do not have to say.")),
            form=forms.ContentNoteForm,
            picture="warning.svg",
            answer_text=note_text,
            change_text=say(_l("the content note"), _l("the note")),
        ),
        boundary_turn("audience", forms.AudienceForm, forms.AUDIENCE_CHOICES,
                      say(_l("who may read it"), _l("who can read it")),
                      picture="eye.svg", prepare=prepare_audience),
        boundary_turn("quoting", forms.QuotingForm, forms.QUOTING_CHOICES,
                      say(_l("quoting"), _l("using your words")), picture="document.svg"),
        boundary_turn("name", forms.NameForm, forms.NAME_CHOICES,
                      say(_l("whether your name is shown"), _l("your name")), applies=is_member,
                      picture="person.svg"),
        boundary_turn("keep_for", forms.KeepForm, forms.KEEP_CHOICES,
                      say(_l("how long it stays"), _l("how long it stays")), picture="calendar.svg"),
        boundary_turn("replies", forms.RepliesForm, forms.REPLY_CHOICES,
                      say(_l("replies"), _l("replies")), picture="group.svg"),
        Turn(
            name="details",
            question=say(_l("Could anything in your story show who someone is?"),
                         _l("Could your story show who someone is?")),
            form=forms.DetailsForm,
            body="stories/_details.html",
            picture="magnifying-glass.svg",
            applies=has_details,
            numbered=False,
            prepare=prepare_details,
            check=keep_edited_text,
            buttons=(
                ("save", say(_l("Save my changes"), _l("Save my changes"))),
                (KEEP_AS_IT_IS, say(_l("Keep my story as it is"), _l("Keep my story as it is"))),
            ),
        ),
    ],
)  # fmt: skip


@bp.before_request
def only_people_who_may_post():
    member = g.get("member")
    if member is not None and not can_post(member):
        return redirect(url_for("stories.cannot_share"))
    return None


SHARE.register(bp)
