"""The author stays in control: "My stories", the private code, boundaries, edit, withdraw."""

from __future__ import annotations

from flask import abort, current_app, g, redirect, request, url_for
from flask_babel import lazy_gettext as _l
from flask_babel import lazy_ngettext as _ln
from flask_wtf import FlaskForm

from ..agreements.service import can_post
from ..database import write_transaction
from ..errors import redisplays_form
from ..forms import understood_box
from ..ratelimits import FailedTries, minutes
from ..rendering import render_form, render_page
from ..wording import say
from . import bp
from .forms import (
    BoundariesForm,
    CodeForm,
    DetailsForm,
    limit_audiences_for_visitors,
    name_the_community,
)
from .models import APPROVED, PENDING, REMOVED, Story, Viewer, hash_story_code
from .service import delete_for_good
from .viewer import current_viewer, forget_codes, remember_code

CODE_TRIES = FailedTries("story-code", "10 per 15 minutes")


def own_story(reference: str) -> Story:
    """The viewer's own story, or 404: nobody else learns that it exists."""
    viewer = current_viewer()
    story = Story.by_reference(viewer, reference)
    if story is None or not story.is_written_by(viewer):
        abort(404)
    return story


@bp.route("/mine")
def mine():
    viewer = current_viewer()
    if not viewer.is_member and not viewer.code_hashes:
        return redirect(url_for("stories.enter_code"))
    return render_page(
        "stories/_mine.html",
        say(_l("Your stories"), _l("Your stories")),
        stories=list(Story.written_by(viewer)),
    )


@bp.route("/code", methods=["GET", "POST"])
@redisplays_form
def enter_code():
    form = CodeForm()
    if form.validate_on_submit():
        key = request.remote_addr or ""
        code_hash = hash_story_code(form.code.data)
        story = Story.written_by(Viewer(code_hashes=frozenset({code_hash}))).first()
        if story:  # a right code always works: only wrong guesses are held back
            remember_code(code_hash)
            return redirect(url_for("stories.manage", reference=story.reference))
        if wait := CODE_TRIES.wait_seconds(key):
            form.code.errors.append(say(
                _ln("Many codes have been tried from this connection. Check your code, and "
                    "try again in %(num)s minute.",
                    "Many codes have been tried from this connection. Check your code, and "
                    "try again in %(num)s minutes.", minutes(wait)),
                _ln("Too many tries. Wait %(num)s minute.",
                    "Too many tries. Wait %(num)s minutes.", minutes(wait)),
            ))  # fmt: skip
        else:
            CODE_TRIES.record(key)
            form.code.errors.append(say(
                _l("We could not find a story with that code. Check each letter and try again. "
                   "If your story has reached its end date, it has been deleted."),
                _l("We cannot find a story with that code. Check it and try again."),
            ))  # fmt: skip
    return render_form(
        "stories/_code.html",
        say(_l("See your story with your private code"), _l("Use your story code")),
        form,
    )


@bp.route("/forget-codes", methods=["POST"])
def forget():
    FlaskForm().validate_on_submit() or abort(400)
    forget_codes()
    return redirect(url_for("stories.enter_code", forgotten="1"))


@bp.route("/<reference>/yours")
def manage(reference: str):
    story = own_story(reference)
    return render_page(
        "stories/_manage.html",
        say(_l("Your story"), _l("Your story")),
        story=story,
        usual_days=current_app.config["USUAL_DAYS_TO_READ"],
    )


def _boundary_data(story: Story) -> dict:
    return {
        "audience": story.audience,
        "quoting": story.quoting,
        "name": "display_name" if story.show_name else "anonymous",
        "keep_for": story.keep_for,
        "replies": "yes" if story.replies_allowed else "no",
    }


@bp.route("/<reference>/boundaries", methods=["GET", "POST"])
@redisplays_form
def boundaries(reference: str):
    story = own_story(reference)
    if story.status == REMOVED:
        return redirect(url_for("stories.manage", reference=reference))
    form = BoundariesForm(data=_boundary_data(story))
    name_the_community(form.audience, story.community)
    if story.author_id is None:  # shared without joining
        limit_audiences_for_visitors(form.audience)
        del form.name
    if form.validate_on_submit():
        with write_transaction():
            story.change_boundaries(
                audience=form.audience.data,
                quoting=form.quoting.data,
                show_name=bool(form.name and form.name.data == "display_name")
                if "name" in form
                else False,
                keep_for=form.keep_for.data,
                replies_allowed=form.replies.data == "yes",
            )
        return redirect(url_for("stories.manage", reference=reference, changed="boundaries"))
    return render_form(
        "stories/_boundaries.html",
        say(_l("Change who may read and use your story"), _l("Change your choices")),
        form,
        story=story,
    )


def changeable(story: Story):
    """A removed story stays removed; a member who may not post (suspended, or not yet
    agreed) cannot send words again. Narrowing who may read it, or deleting it, is
    always allowed."""
    if story.status == REMOVED:
        return redirect(url_for("stories.manage", reference=story.reference))
    member = g.get("member")
    if member is not None and not can_post(member):
        return redirect(url_for("stories.cannot_share"))
    return None


@bp.route("/<reference>/edit", methods=["GET", "POST"])
@redisplays_form
def edit(reference: str):
    """Change the words. A published story is read again before it shows."""
    story = own_story(reference)
    if refused := changeable(story):
        return refused
    form = DetailsForm(data={"body": story.body})
    form.body.label.text = say(_l("Your story"), _l("Your story"))
    if form.validate_on_submit():
        with write_transaction():
            story.body = form.body.data
            story.status = PENDING
            story.decided_on = None
            story.save()
        return redirect(url_for("stories.manage", reference=reference, changed="sent"))
    return render_form(
        "stories/_edit.html",
        say(_l("Change your story"), _l("Change your story")),
        form,
        story=story,
        was_published=story.status == APPROVED,
    )


class WithdrawForm(FlaskForm):
    confirm = understood_box(
        say(_l("I understand that my story and its replies will be deleted for good"),
            _l("I understand. My story goes away for ever.")),
        missing=say(_l("Tick the box to say you understand, or go back to your story"),
                    _l("Tick the box. Or go back.")),
    )  # fmt: skip


@bp.route("/<reference>/withdraw", methods=["GET", "POST"])
@redisplays_form
def withdraw(reference: str):
    story = own_story(reference)
    form = WithdrawForm()
    if form.validate_on_submit():
        delete_for_good([story.id])
        return redirect(url_for("stories.withdrawn"))
    return render_form(
        "stories/_withdraw.html",
        say(_l("Delete your story"), _l("Delete your story")),
        form,
        story=story,
    )


@bp.route("/withdrawn")
def withdrawn():
    return render_page(
        "stories/_withdrawn.html",
        say(_l("Your story has been deleted"), _l("Your story is gone")),
        is_member=g.get("member") is not None,
    )
