"""Story questions, each with its easy-read wording.

The five boundaries are declared once, as fields, and used both by the share
conversation (one turn each) and by the page where an author changes them later.
"""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import RadioField, SelectChoice, StringField, TextAreaField
from wtforms.validators import DataRequired, InputRequired, Length, Optional, ValidationError

from ..forms import HoneypotField, MultiCheckboxField, choices, tidy_text
from ..join.forms import COMMUNITY_CHOICES, COMMUNITY_PICTURES
from ..receipts import SendOnceField
from ..wording import say
from .models import COMMUNITY, FACILITATORS, MEMBERS, PUBLIC, VISITOR_AUDIENCES

MAX_WORDS = 1000
MAX_CHARACTERS = 15000


def count_words(text: str) -> int:
    return len(text.split())


def within_words(form, field) -> None:
    words = count_words(field.data or "")
    if words > MAX_WORDS:
        over = words - MAX_WORDS
        raise ValidationError(
            say(
                _l("You have written %(words)s words. The most is %(most)s, so take out %(over)s "
                   "words. Everything you wrote is still here.",
                   words=f"{words:,}", most=f"{MAX_WORDS:,}", over=f"{over:,}"),
                _l("It is %(over)s words too long. Take some words out.", over=f"{over:,}"),
            )
        )  # fmt: skip


def story_text_field(label, description=None, missing=None) -> TextAreaField:
    missing = missing or say(
        _l("Write your story, or a few words about what happened"),
        _l("Write a few words about what happened. That is enough."),
    )
    return TextAreaField(
        label,
        description=description,
        filters=[tidy_text],
        validators=[
            DataRequired(message=missing),
            within_words,
            Length(max=MAX_CHARACTERS, message=say(
                _l("This is too long to save. Make it shorter. Everything you wrote is still here."),
                _l("It is too long. Make it shorter."),
            )),
        ],
        render_kw={"max_words": MAX_WORDS},
    )  # fmt: skip


class StoryForm(FlaskForm):
    body = story_text_field(
        say(_l("What would you like to share?"), _l("What do you want to tell us?")),
        say(
            _l("You could say what happened, how it felt, and what would have helped. "
               "Write as much or as little as you like. Please do not use real names."),
            _l("Say what happened. Say how you felt. Say what would have helped. "
               "Do not use real names."),
        ),
    )  # fmt: skip
    website = HoneypotField("Website", validators=[Optional()])


class CommunityAndTopicsForm(FlaskForm):
    community = RadioField(
        say(_l("Which community does your story belong in?"), _l("Which group is your story for?")),
        description=say(
            _l(
                "Choose the one closest to your experience. If you let only one community read "
                "your story, it will be this one."
            ),
            _l("Pick the group that fits your story best."),
        ),
        choices=choices(COMMUNITY_CHOICES),
        validators=[InputRequired(message=say(_l("Choose a community"), _l("Pick a group.")))],
        render_kw={"pictures": COMMUNITY_PICTURES},
    )
    topics = MultiCheckboxField(
        say(_l("What is it about? (optional)"), _l("What is it about? You do not have to say.")),
        description=say(_l("Choose any that fit."), _l("Pick any that fit.")),
        choices=[],
        validate_choice=False,
        validators=[Optional()],
    )


class ContentNoteForm(FlaskForm):
    content_note = StringField(
        say(_l("Does your story need a content note? (optional)"),
            _l("Could your story upset people? You do not have to say.")),
        description=say(
            _l("For example: mentions self-harm. Up to 120 characters. Readers will see the "
               "note first and can choose whether to open your story."),
            _l("For example: talks about self-harm. People see this first. "
               "Use 120 letters or fewer."),
        ),
        filters=[tidy_text],
        # Says the limit and the length (WTForms fills in max and length).
        validators=[Optional(), Length(max=120, message=say(
            _l("Keep the note to %(max)d characters or fewer: it has %(length)d"),
            _l("Make the note shorter. Use %(max)d letters or fewer."),
        ))],
        render_kw={"autocomplete": "off"},
    )  # fmt: skip


def required_choice(standard, easyread):
    return [InputRequired(message=say(standard, easyread))]


AUDIENCE_CHOICES = {
    FACILITATORS: say(
        _l("Only the facilitators: the people who run the communities"),
        _l("Only the helpers who run the groups"),
    ),
    COMMUNITY: say(
        _l("Members of the community it is for: people a facilitator has welcomed into it"),
        _l("People in the group it is for. A helper said yes to each of them."),
    ),
    MEMBERS: say(
        _l("Members of all three communities: people a facilitator has welcomed into one of them"),
        _l("People in all 3 groups. A helper said yes to each of them."),
    ),
    PUBLIC: say(
        _l("Anyone, including people who are not members"),
        _l("Anyone. This means people who have not joined too."),
    ),
}

QUOTING_CHOICES = {
    "none": say(_l("It must not be used outside Common Ground"), _l("Do not use it anywhere else")),
    "summarise": say(
        _l("It may be summarised, but not quoted word for word"),
        _l("People can say what it is about. But not use my words."),
    ),
    "quote": say(
        _l("It may be quoted word for word, without my name, in reports and policy work"),
        _l("People can use my words in reports. They will not use my name."),
    ),
}
NAME_CHOICES = {
    "anonymous": say(_l("Do not show a name (anonymous)"), _l("No name")),
    "display_name": say(_l("Show my display name"), _l("Show my name on this website")),
}
KEEP_CHOICES = {
    "3m": say(_l("3 months"), _l("3 months")),
    "6m": say(_l("6 months"), _l("6 months")),
    "1y": say(_l("1 year"), _l("1 year")),
    "always": say(_l("Until I remove it"), _l("Until I take it away")),
}
REPLY_CHOICES = {
    "no": say(_l("No replies"), _l("No replies")),
    "yes": say(_l("Members may reply"), _l("People can reply")),
}


def audience_field() -> RadioField:
    return RadioField(
        say(_l("Who may read your story?"), _l("Who can read your story?")),
        description=say(
            _l("Whoever you choose, your story is read first by a facilitator. Members read "
               "stories only once they have agreed to the Community Agreement. You can change "
               "this later, and a narrower choice works straight away."),
            _l("A helper reads it first. You can change this later."),
        ),
        choices=choices(AUDIENCE_CHOICES),
        validators=required_choice(_l("Choose who may read your story"), _l("Pick who can read it.")),
    )  # fmt: skip


def quoting_field() -> RadioField:
    return RadioField(
        say(_l("May your story be quoted?"), _l("Can people use your words?")),
        description=say(
            _l("Facilitators sometimes write reports to change services. This is about "
               "whether your words may be used in them."),
            _l("Helpers write reports to make services better."),
        ),
        choices=choices(QUOTING_CHOICES),
        validators=required_choice(_l("Choose whether your story may be quoted"),
                                   _l("Pick if people can use your words.")),
    )  # fmt: skip


def name_field() -> RadioField:
    return RadioField(
        say(_l("Should your name be shown?"), _l("Do you want your name on your story?")),
        choices=choices(NAME_CHOICES),
        validators=required_choice(_l("Choose whether to show your name"), _l("Pick if we show your name.")),
    )  # fmt: skip


def keep_field() -> RadioField:
    return RadioField(
        say(_l("How long should your story stay?"), _l("How long should your story stay?")),
        description=say(
            _l("After this, it is deleted for good. You can remove it sooner at any time."),
            _l("Then we delete it. You can delete it before then."),
        ),
        choices=choices(KEEP_CHOICES),
        validators=required_choice(_l("Choose how long your story should stay"), _l("Pick how long it stays.")),
    )  # fmt: skip


def replies_field() -> RadioField:
    return RadioField(
        say(_l("May members reply to your story?"), _l("Can people reply to your story?")),
        description=say(
            _l("Replies are read by a facilitator first, like stories."),
            _l("A helper reads replies first."),
        ),
        choices=choices(REPLY_CHOICES),
        validators=required_choice(_l("Choose whether members may reply"), _l("Pick if people can reply.")),
    )  # fmt: skip


class AudienceForm(FlaskForm):
    audience = audience_field()


class QuotingForm(FlaskForm):
    quoting = quoting_field()


class NameForm(FlaskForm):
    name = name_field()


class KeepForm(FlaskForm):
    keep_for = keep_field()


class RepliesForm(FlaskForm):
    replies = replies_field()


def name_the_community(field: RadioField, community) -> None:
    """Say exactly who "the community" is for the community this story is for."""
    if community.open_membership:
        label = say(
            _l("Members of %(name)s: anyone who joins it, as it is open to everyone", name=community.name),
            _l("People in the %(name)s group. Anyone can join it.", name=community.name),
        )  # fmt: skip
    else:
        label = say(
            _l("Members of %(name)s: people a facilitator has welcomed into %(name)s", name=community.name),
            _l("People in the %(name)s group. A helper said yes to each of them.", name=community.name),
        )  # fmt: skip
    field.choices = [
        SelectChoice(value=c.value, label=label) if c.value == COMMUNITY else c
        for c in field.choices
    ]


def limit_audiences_for_visitors(field: RadioField) -> None:
    """Shared without joining: only the choices that need no membership are offered, whoever
    is signed in when the story's code is used."""
    field.choices = choices({k: v for k, v in AUDIENCE_CHOICES.items() if k in VISITOR_AUDIENCES})


class BoundariesForm(FlaskForm):
    """Every boundary on one page, for changing them after sharing."""

    audience = audience_field()
    quoting = quoting_field()
    name = name_field()
    keep_for = keep_field()
    replies = replies_field()


class DetailsForm(FlaskForm):
    body = story_text_field(
        say(_l("Your story"), _l("Your story")),
        say(
            _l("Change anything you want to, or leave it as it is."),
            _l("You can change your story here. Or leave it."),
        ),
    )


class ReplyForm(FlaskForm):
    body = story_text_field(
        say(_l("Write a reply"), _l("Write a reply")),
        say(
            _l("Be kind: the person who shared this may read it. A facilitator reads every "
               "reply first. Your name is not shown."),
            _l("Be kind. A helper reads it first. We do not show your name."),
        ),
        missing=say(_l("Write your reply"), _l("Write your reply.")),
    )  # fmt: skip
    once = SendOnceField()


class CodeForm(FlaskForm):
    code = StringField(
        say(_l("Your private story code"), _l("Your story code")),
        description=say(
            _l("It looks like ABCD-EFGH-JKMN-PQRS-TUVW-XYZ2. Capital letters and dashes do not matter."),
            _l("It has letters and numbers."),
        ),
        filters=[tidy_text],
        validators=required_choice(_l("Enter your private story code"), _l("Write your story code.")),
        render_kw={"autocomplete": "off", "spellcheck": "false", "dir": "ltr"},
    )  # fmt: skip


FEELINGS = {
    "relieved": say(_l("Relieved, or glad I said it"), _l("Glad I said it")),
    "okay": say(_l("Okay"), _l("Okay")),
    "unsettled": say(_l("Unsettled or upset"), _l("Upset")),
    "need_support": say(_l("I need some support"), _l("I need help")),
    "rather_not_say": say(_l("I would rather not say"), _l("I do not want to say")),
}


class WellbeingForm(FlaskForm):
    feeling = RadioField(
        say(_l("How are you feeling after sharing?"), _l("How do you feel now?")),
        description=say(
            _l("This is optional. We only count the answers, to see how sharing feels. We do "
               "not connect your answer to you or to your story."),
            _l("You do not have to answer. We do not know who said what."),
        ),
        choices=choices(FEELINGS),
        validators=[Optional()],  # sending it empty is fine: nothing is counted
    )  # fmt: skip
