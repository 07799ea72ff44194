"""Forms for facilitators, each with its easy-read wording."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import (
    BooleanField,
    HiddenField,
    RadioField,
    SelectMultipleField,
    StringField,
    TextAreaField,
)
from wtforms.validators import InputRequired, Length, Optional

from ..forms import choices
from ..standing import MEMBER_REASON_NAMES
from ..wording import say

APPROVE, CHANGES, IDENTIFYING, REMOVE = "approve", "changes", "identifying", "remove"

DECISIONS = {
    APPROVE: say(_l("Approve it, so people can read it"), _l("Yes, people can read it")),
    CHANGES: say(_l("Ask the author to change it"), _l("Ask the writer to change it")),
    IDENTIFYING: say(
        _l("Suggest removing identifying details"),
        _l("Ask the writer to take out details that show who someone is"),
    ),
    REMOVE: say(_l("Remove it (this cannot be undone)"), _l("Take it away for good")),
}

# Short names for the reasons in webapp/stories/reasons.py; the author reads the long text.
REASON_NAMES = {
    "respect": say(_l("Words that could hurt or offend"), _l("Words that could hurt people")),
    "hateful": say(_l("Hateful or discriminatory"), _l("Hate against a group of people")),
    "abusive": say(_l("Abusive or threatening"), _l("Nasty or frightening words")),
    "identifying": say(_l("Identifying details"), _l("Details that show who someone is")),
    "legal": say(_l("Could be against the law"), _l("Could break the law")),
    "off_topic": say(_l("Not about public services or rights"), _l("Not about services or rights")),
    "unclear": say(_l("Hard to follow"), _l("Hard to understand")),
    "other": say(
        _l("Another reason: write it below"), _l("Another reason. Write the reason below.")
    ),
}
CHANGE_REASONS = ("respect", "identifying", "legal", "off_topic", "unclear", "other")
REMOVE_REASONS = ("hateful", "abusive", "legal", "off_topic", "other")


def note_field(label, hint) -> TextAreaField:
    return TextAreaField(
        label,
        description=hint,
        validators=[Optional(), Length(max=2000, message=say(
            _l("Your words must be 2,000 characters or fewer"), _l("Use fewer words."),
        ))],
    )  # fmt: skip


def confirm_box(label) -> BooleanField:
    return BooleanField(label)


class DecisionForm(FlaskForm):
    decision = RadioField(
        say(_l("What is your decision?"), _l("What do you decide?")),
        choices=choices(DECISIONS),
        validators=[
            InputRequired(message=say(_l("Choose a decision"), _l("Pick what you decide.")))
        ],
    )
    # Two groups, one for each decision that needs a reason, so a reason for removing
    # is never offered as a reason to ask for a change (and the other way round).
    change_reason = RadioField(
        say(_l("If you ask the author to change it: why?"), _l("To ask for a change: why?")),
        description=say(
            _l(
                "Only for asking for a change. The author reads a plain-English explanation "
                "of the reason, in standard English or easy read."
            ),
            _l("Only to ask for a change. The writer reads what the reason means."),
        ),
        choices=choices({k: REASON_NAMES[k] for k in CHANGE_REASONS}),
        validators=[Optional()],
    )
    remove_reason = RadioField(
        say(_l("If you remove it: why?"), _l("To take it away: why?")),
        description=say(
            _l("Only for removing. The author reads a plain-English explanation of the "
               "reason."),
            _l("Only to take it away. The writer reads what the reason means."),
        ),
        choices=choices({k: REASON_NAMES[k] for k in REMOVE_REASONS}),
        validators=[Optional()],
    )  # fmt: skip
    note = note_field(
        say(_l("Words for the author (optional)"), _l("Words for the writer. You do not have to.")),
        say(_l("The author sees these words. Do not name anyone."), _l("The writer sees this.")),
    )
    confirm = confirm_box(
        say(
            _l("I understand that removing cannot be undone"),
            _l("I understand. I cannot undo this."),
        )
    )


class ApproveForm(FlaskForm):
    """The quick approve button in the queue: which filter and place to come back to."""

    show = HiddenField()
    # Set by the "Approve with these details showing?" page: a flagged item needs it.
    confirmed = HiddenField()


SANCTION_CHOICES = {
    "warning": say(_l("Warn them"), _l("Give a warning")),
    "suspension": say(
        _l("Suspend them: they can read, but not post, until a date"),
        _l("Stop them sharing for a time. They can still read."),
    ),
    "removal": say(
        _l("Remove them: they cannot sign in any more (this cannot be undone here)"),
        _l("Take them off the website"),
    ),
}
SUSPEND_FOR = {
    "7": say(_l("1 week"), _l("1 week")),
    "14": say(_l("2 weeks"), _l("2 weeks")),
    "30": say(_l("30 days"), _l("30 days")),
    "90": say(_l("90 days"), _l("90 days")),
}


class SanctionForm(FlaskForm):
    action = RadioField(
        say(_l("What do you want to do?"), _l("What do you want to do?")),
        choices=choices(SANCTION_CHOICES),
        validators=[InputRequired(message=say(_l("Choose what to do"), _l("Pick what to do.")))],
    )
    days = RadioField(
        say(_l("How long for? (for a suspension)"), _l("How long? (to stop sharing for a time)")),
        choices=choices(SUSPEND_FOR),
        validators=[Optional()],
    )
    reason = RadioField(
        say(_l("Reason"), _l("Why?")),
        description=say(
            _l("The member reads this reason, and any words you add."),
            _l("The member reads the reason."),
        ),
        choices=choices(MEMBER_REASON_NAMES),
        validators=[InputRequired(message=say(_l("Choose a reason"), _l("Pick a reason.")))],
    )
    note = note_field(
        say(_l("Words for the member (optional)"), _l("Words for the member. You do not have to.")),
        say(_l("The member sees these words."), _l("The member sees this.")),
    )
    remove_posts = BooleanField(
        say(
            _l("Also remove their stories and replies (only when they break the agreement)"),
            _l("Also take away their stories and replies"),
        ),
        description=say(
            _l("Stories belong to their authors. Leave this unticked unless what they shared "
               "breaks the agreement."),
            _l("Stories belong to the writer. Only tick this if they broke the agreement."),
        ),
    )  # fmt: skip
    confirm = confirm_box(
        say(_l("I understand that removing a member cannot be undone here"),
            _l("I understand. I cannot undo this."))
    )  # fmt: skip


class FindMemberForm(FlaskForm):
    class Meta:
        csrf = False  # a search (GET): it changes nothing

    name = StringField(
        say(_l("Member's name"), _l("The member's name")),
        description=say(_l("The name they use on Common Ground."), _l("The name they use here.")),
        validators=[Optional()],
    )


class RolesForm(FlaskForm):
    communities = SelectMultipleField(
        say(_l("Which communities do they facilitate?"), _l("Which groups do they help run?")),
        description=say(
            _l("Leave every box empty to make them a member again."),
            _l("Tick no boxes to stop them helping."),
        ),
        choices=[],
        validators=[Optional()],
    )
