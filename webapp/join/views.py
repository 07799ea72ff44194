"""The join conversation, declared in one place."""

from __future__ import annotations

from flask import redirect, request
from flask_babel import lazy_gettext as _l
from peewee import IntegrityError
from wtforms.validators import Optional

from ..accounts.fields import EMAIL_TAKEN, name_in_use
from ..accounts.forms import new_password
from ..accounts.passwords import hash_code, hash_password, new_recovery_code
from ..accounts.recovery_code import WHEN_SHOWN, show_recovery_code
from ..agreements.service import next_step_url
from ..conversation import Conversation, Turn
from ..database import write_transaction
from ..drafts import Draft, draft_owner, visitor_owner
from ..forms import choices
from ..members import sign_in
from ..models import Community, Member
from ..wording import say
from . import bp
from .forms import (
    YES_NO,
    CommunityForm,
    NameForm,
    SignInDetailsForm,
    SuggestionForm,
    yes_no_form,
)
from .names import suggest


def unsure(answers) -> bool:
    return answers.get("community", {}).get("community") == "unsure"


def yes(answers, turn: str) -> bool:
    return answers.get(turn, {}).get("answer") == "yes"


def suggested_community(answers) -> str | None:
    """The guiding questions' suggestion: the first "yes", in the order asked."""
    for turn, slug in (("uses_services", "people"), ("speaks_up", "advocates"), ("works", "staff")):
        if yes(answers, turn):
            return slug
    return None


def chosen_community(answers) -> str | None:
    picked = answers.get("community", {}).get("community")
    if picked == "unsure":
        return answers.get("suggestion", {}).get("community")
    return picked


def community_text(answers) -> str:
    slug = chosen_community(answers)
    community = Community.by_slug(slug) if slug else None
    return community.name if community else ""


def prepare_suggestion(form, draft: Draft) -> None:
    """Name the suggestion in the hint, so it is read with the question."""
    suggestion = suggested_community(draft.answers)
    if suggestion is None:
        form.community.description = say(
            _l("Your answers do not point to one community. Choose the one closest to the "
               "conversations you want to have. You can change it later."),
            _l("Pick the group that fits you best. You can change it later."),
        )  # fmt: skip
        return
    name = Community.by_slug(suggestion).name
    form.community.description = say(
        _l(
            "From your answers, we suggest %(name)s. You can choose it, or choose another.",
            name=name,
        ),
        _l("We think %(name)s fits you. You can pick a different group.", name=name),
    )
    if not form.community.data:
        form.community.data = suggestion


def prepare_names(form, draft: Draft, fresh: bool = False) -> None:
    names = draft.answers.get("_suggested_names")
    if fresh or not names:
        names = suggest(3, Member.name_taken)
        draft.answers["_suggested_names"] = names
        draft.save_now()
    form.name_choice.choices = choices({name: name for name in names})
    chosen = form.name_choice.data
    if request.method == "GET" and chosen and chosen not in names:
        # A name the person typed themselves goes back in its box, not lost.
        form.own_name.data, form.name_choice.data = chosen, None


def name_is_free(form, draft: Draft) -> bool:
    name = form.chosen_name()
    message = name_in_use(name)
    if message:
        prepare_names(form, draft, fresh=True)
        (form.own_name if form.own_name.data else form.name_choice).errors.append(message)
        return False
    form.name_choice.data, form.own_name.data = name, ""
    return True


def prepare_sign_in(form, draft: Draft) -> None:
    """On a change, the password chosen before is kept unless a new one is typed."""
    if draft.answers.get("sign_in", {}).get("password"):
        form.password.validators = [Optional(), new_password]
        form.password.description = say(
            _l("Leave this empty to keep the password you chose before, or type a new one."),
            _l("Leave it empty to keep your password."),
        )


def name_text(answers) -> str:
    return answers.get("name", {}).get("name_choice") or ""


def sign_in_text(answers) -> str:
    email = answers.get("sign_in", {}).get("email")
    password = str(say(_l("A password (hidden)"), _l("A password. We hide it.")))
    return f"{password}; {email}" if email else password


def email_is_free(form, draft: Draft) -> bool:
    email = (form.email.data or "").strip().lower()
    if email and Member.by_email(email):
        form.email.errors.append(EMAIL_TAKEN)
        return False
    return True


def taken_turn(name: str, email: str | None) -> str | None:
    """The turn whose answer another member now holds: checked again as the account is made."""
    if Member.name_taken(name):
        return "name"
    if email and Member.by_email(email):
        return "sign_in"
    return None


def ask_again(turn: str, draft: Draft):
    """Someone took this name or email since the turn was answered: show the turn again with
    its error and what was typed. Every other answer, the password too, stays saved."""
    if turn == "name":
        name = name_text(draft.answers)
        draft.answers.pop("name", None)
        form = NameForm(formdata=None, data={"own_name": name})
        form.own_name.errors, form.name_choice.errors = [], []
        name_is_free(form, draft)  # says the name is taken, keeps it in its box, suggests others
    else:
        form = SignInDetailsForm(formdata=None, data={"email": draft.answers[turn].get("email")})
        prepare_sign_in(form, draft)
        form.email.errors = [EMAIL_TAKEN]
    return JOIN.ask_again(turn, draft, form)


def finish(draft: Draft):
    answers = draft.answers
    details = answers["sign_in"]
    name = name_text(answers)
    email = (details.get("email") or "").strip().lower() or None
    code = None if email else new_recovery_code()
    recovery_hash = hash_code(code) if code else None  # hashed before taking the write lock
    try:
        # One writer at a time (see write_transaction), so the check holds at the insert.
        with write_transaction():
            taken = taken_turn(name, email)
            if taken is None:
                member = Member(
                    display_name=name,  # tidied, with its keys, in Member.save
                    password_hash=details["password"],
                    email=email,
                    recovery_hash=recovery_hash,
                )
                member.join_community(Community.by_slug(chosen_community(answers)))
                member.save()
                # Only this device's session can find the receipt, for a day: if the answer
                # to "Join" is lost, joining again signs in to this account, not a new one.
                draft.keep_as_receipt(member_id=member.id, code_shown=code is None)
    except IntegrityError:  # a write that did not go through write_transaction(): same answer
        taken = taken_turn(name, email)
        if taken is None:
            raise
    if taken:
        return ask_again(taken, draft)
    visitor = draft_owner()
    sign_in(member)
    Draft.move_to_member(visitor, member.id)
    return _welcome(member, code)


def _welcome(member: Member, code: str | None):
    if code:
        return show_recovery_code(code, then=next_step_url(member))
    # One continuous journey: straight on into the Community Agreement.
    return redirect(next_step_url(member))


def after_joining(draft: Draft):
    """ "Join" sent again after the answer was lost: the same account, signed in again. A
    recovery code that never reached the person is replaced by a new one, shown now."""
    receipt = draft.receipt
    member = Member.get_or_none(Member.id == receipt.get("member_id"))
    if member is None or member.is_removed:
        return None
    code = None
    if not receipt.get("code_shown"):
        code = new_recovery_code()
        with write_transaction():
            member.recovery_hash = hash_code(code)
            member.save()
    sign_in(member)
    return _welcome(member, code)


def guiding_question(name: str, question, hint, change_text) -> Turn:
    """One of the yes-or-no questions that help someone who is not sure."""
    return Turn(
        name=name,
        question=question,
        form=yes_no_form(question, hint),
        applies=unsure,
        counted_from_start=True,
        answer_text=lambda answers: str(YES_NO[answers[name]["answer"]]),
        change_text=change_text,
    )


JOIN = Conversation(
    name="join",
    check_question=say(_l("Check your answers before you join"), _l("Check your answers")),
    finish_button=say(_l("Join Common Ground"), _l("Join now")),
    finish=finish,
    retry=after_joining,
    start_in_place=True,
    turns=[
        Turn(
            name="welcome",
            question=say(_l("Join Common Ground"), _l("Join Common Ground")),
            body="join/_welcome.html",
            button=say(_l("Start"), _l("Start")),
        ),
        Turn(
            name="community",
            question=say(_l("Which of these sounds most like you?"), _l("Which group sounds like you?")),
            form=CommunityForm,
            # When unsure, the suggestion turn's row says which community was chosen.
            answer_text=lambda a: None if unsure(a) else community_text(a),
            change_text=say(_l("which community"), _l("your group")),
        ),
        guiding_question(
            "uses_services",
            say(_l("Do you use public services, or care for someone who does?"),
                _l("Do you use services? Or care for someone who does?")),
            say(_l("For example health, social care, housing or benefits."),
                _l("Services are things like doctors, housing and care.")),
            say(_l("whether you use public services"), _l("your answer about services")),
        ),
        guiding_question(
            "speaks_up",
            say(_l("Do you speak up for others, or campaign for change?"),
                _l("Do you speak up for other people?")),
            say(_l("As an advocate, a self-advocate, or in a campaigning group."),
                _l("You might help people say what they want.")),
            say(_l("whether you speak up for others"), _l("your answer about speaking up")),
        ),
        guiding_question(
            "works",
            say(_l("Do you work in a public service, or for an organisation that delivers one?"),
                _l("Do you work for a public service?")),
            None,
            say(_l("whether you work in a public service"), _l("your answer about work")),
        ),
        Turn(
            name="suggestion",
            question=say(_l("Which community would you like to join?"), _l("Which group do you want?")),
            form=SuggestionForm,
            applies=unsure,
            counted_from_start=True,
            prepare=prepare_suggestion,
            answer_text=community_text,
            change_text=say(_l("which community"), _l("your group")),
        ),
        Turn(
            name="name",
            question=say(_l("Choose a name to show on Common Ground"), _l("Pick a name to use on this website")),
            form=NameForm,
            picture="person.svg",
            body="join/_name.html",
            prepare=prepare_names,
            check=name_is_free,
            answer_text=name_text,
            change_text=say(_l("your name"), _l("your name")),
        ),
        Turn(
            name="sign_in",
            question=say(_l("How you will sign in"), _l("How you will get back in")),
            form=SignInDetailsForm,
            picture="key.svg",
            body="join/_sign_in_details.html",
            secret_fields={"password": hash_password},
            prepare=prepare_sign_in,
            check=email_is_free,
            answer_text=sign_in_text,
            change_text=say(_l("how you will sign in"), _l("your password")),
        ),
    ],
)  # fmt: skip


JOIN.register(bp)


def _code_arrived() -> None:
    """The recovery code page was drawn: a retry of "Join" need not replace the code."""
    owner = visitor_owner()
    if owner is None:
        return
    draft = Draft.for_owner(owner, "join")
    if draft.receipt is not None and not draft.receipt.get("code_shown"):
        draft.keep_as_receipt(member_id=draft.receipt.get("member_id"), code_shown=True)


WHEN_SHOWN.append(_code_arrived)
