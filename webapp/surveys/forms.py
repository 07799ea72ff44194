"""The forms: one answer per survey question, and a facilitator's goal."""

from __future__ import annotations

from flask import request
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from markupsafe import Markup
from wtforms import RadioField, StringField, TextAreaField
from wtforms.validators import InputRequired, Length, Optional

from ..content import is_easyread
from ..forms import MultiCheckboxField, choices, tidy_text
from ..plans.models import Activity
from ..plans.words import STATUS_NAMES
from ..templating import isolated
from ..wording import Computed, say
from .definition import load_survey

MAX_WORDS = 150


def question_words(key: str) -> Computed:
    """The question in the visitor's variant, read from the survey file when shown."""
    return Computed(lambda: load_survey().question(key).words)


def answer_form(key: str, scale: bool) -> type[FlaskForm]:
    """Every answer may be left empty: nobody has to answer anything."""
    if scale:
        answer = RadioField(question_words(key), choices=[], validators=[Optional()])
    else:
        answer = TextAreaField(
            question_words(key),
            filters=[tidy_text],
            validators=[Optional(), Length(max=MAX_WORDS * 12, message=say(
                _l("Write fewer words: up to %(n)s", n=MAX_WORDS), _l("Write fewer words"),
            ))],
            render_kw={"max_words": MAX_WORDS},
        )  # fmt: skip
    return type(f"Answer_{key}", (FlaskForm,), {"answer": answer})


KINDS = {
    "mood": say(_l("How members feel, measured by the survey"), _l("How people feel")),
    "realistic": say(_l("Something done, such as an activity in the action plan"),
                     _l("Something we do")),
}  # fmt: skip
REVIEW_IN = {
    "3": say(_l("In 3 months"), _l("In 3 months")),
    "6": say(_l("In 6 months"), _l("In 6 months")),
    "12": say(_l("In 12 months"), _l("In 12 months")),
}
TARGETS = {str(n): str(n) for n in range(1, 11)}


def goal_words(label, hint, missing) -> StringField:
    """The goal's wording, in one variant: required, and short enough to read at a glance."""
    too_long = say(_l("Write the goal in 200 characters or fewer"), _l("Write fewer words"))
    return StringField(label, description=hint, filters=[tidy_text],
                       validators=[InputRequired(message=missing), Length(max=200, message=too_long)])  # fmt: skip


def activities_field() -> MultiCheckboxField:
    """Tick boxes for the activities in the community's plan (see TiedActivities)."""
    return MultiCheckboxField(
        say(_l("For a realistic goal: which activities in the action plan does it depend on? (optional)"),
            _l("For something we do: which activities in our plan help? You do not have to choose.")),
        description=say(
            _l("The goal is met when every activity you tick is done. A stopped activity does "
               "not count as done. Tick none to mark the goal met yourself."),
            _l("The goal is met when all these activities are finished.")),
        validators=[Optional()], validate_choice=False,
    )  # fmt: skip


def activity_label(activity: Activity) -> Markup:
    """The activity's title (a person's words, isolated) and its status in words."""
    title = (activity.title_easy if is_easyread() else "") or activity.title
    # One span: the label lays out a picture and its words side by side, as two items.
    return Markup("<span>%s (%s)</span>") % (isolated(title), STATUS_NAMES[activity.status])


class TiedActivities:
    """For forms with an `activities` field: offer the plan's activities, and check that
    every ticked one is among them (a stale or made-up id is an error, not ignored)."""

    def offer(self, activities: list[Activity]) -> None:
        self.activities.choices = choices({str(a.id): activity_label(a) for a in activities})

    def activities_are_offered(self) -> bool:
        offered = {choice.value for choice in self.activities.choices}
        if set(self.activities.data or []) <= offered:
            return True
        self.activities.errors = [*self.activities.errors, say(
            _l("Choose only from the activities listed in the action plan"),
            _l("Choose from the activities in the list"),
        )]  # fmt: skip
        return False

    def activity_ids(self) -> list[int]:
        return [int(value) for value in self.activities.data or []]


class GoalActivitiesForm(TiedActivities, FlaskForm):
    activities = activities_field()

    def validate(self, extra_validators=None) -> bool:
        valid = super().validate(extra_validators)
        return self.activities_are_offered() and valid


CHOOSE_KIND, CHANGE_KIND = "choose-kind", "change-kind"  # the two buttons that only redisplay
# The fields each kind of goal asks for, in order, after its kind.
FIELDS_FOR = {
    "mood": ("plain", "easy", "question", "target", "review"),
    "realistic": ("plain", "easy", "activities", "review"),
}


class GoalForm(TiedActivities, FlaskForm):
    """A goal in two steps on one page: its kind, then only the fields for that kind. Each
    step is the same form posted again, so nothing typed is lost going between them: the
    fields not on the page this time come back unseen (kept_values)."""

    kind = RadioField(say(_l("What kind of goal is it?"), _l("What kind of goal?")),
                      choices=choices(KINDS),
                      validators=[InputRequired(message=say(
                          _l("Choose what kind of goal it is"), _l("Choose a kind of goal")))])  # fmt: skip
    plain = goal_words(
        say(_l("The goal in plain English"), _l("The goal in plain words")),
        say(_l("For example: 8 in 10 members feel listened to"),
            _l("For example: most people feel listened to")),
        say(_l("Write the goal in plain English"), _l("Write the goal")),
    )  # fmt: skip
    easy = goal_words(
        say(_l("The goal in easy read"), _l("The goal in easy read")),
        say(_l("Short, common words. For example: People feel we listen to them"),
            _l("Use short words. For example: People feel we listen to them")),
        say(_l("Write the goal in easy read"), _l("Write the goal in easy read")),
    )  # fmt: skip
    activities = activities_field()
    question = RadioField(say(_l("For a mood goal: which survey question measures it?"),
                              _l("For a feeling goal: which question?")),
                          choices=[], validators=[Optional()])  # fmt: skip
    target = RadioField(
        say(_l("For a mood goal: how many in 10 members should say yes?"),
            _l("For a feeling goal: how many in 10 people should say yes?")),
        choices=choices(TARGETS), validators=[Optional()], render_kw={"inline": True},
    )  # fmt: skip
    review = RadioField(say(_l("When will you look at this goal again?"), _l("When do we check it?")),
                        choices=choices(REVIEW_IN),
                        validators=[InputRequired(message=say(
                            _l("Choose when you will look at it again"), _l("Choose when we check it")))])  # fmt: skip

    CHOOSE_KIND, CHANGE_KIND = CHOOSE_KIND, CHANGE_KIND  # for the template's buttons

    @property
    def chosen_kind(self) -> str | None:
        return self.kind.data if self.kind.data in FIELDS_FOR else None

    @property
    def choosing_kind(self) -> bool:
        """The first step (or back to it): only the kind is asked."""
        return self.chosen_kind is None or CHANGE_KIND in request.form

    @property
    def kind_words(self):
        return KINDS.get(self.chosen_kind or "")

    def fields_shown(self) -> list:
        """The fields on the page now: only the kind until one is chosen (or to change it)."""
        if self.choosing_kind:
            return [self.kind]
        return [self[name] for name in FIELDS_FOR[self.chosen_kind]]

    def kept_values(self) -> list[tuple[str, str]]:
        """What was sent for the fields not shown now, to send back unseen."""
        shown = {f.name for f in self.fields_shown()} | {"csrf_token"}
        return [(f.name, value) for f in self if f.name not in shown for value in f.raw_data or []]

    def kind_is_chosen(self) -> bool:
        """For "Continue" after the kind: check only that a kind was chosen."""
        if self.chosen_kind is None:
            self.kind.errors = [self.kind.validators[0].message]
            return False
        return True

    def validate(self, extra_validators=None) -> bool:
        """A mood goal also needs its question and target (Optional stops inline checks)."""
        valid = super().validate(extra_validators)
        if self.kind.data == "mood":
            for box, message in (
                (self.question, say(_l("Choose the survey question for a mood goal"),
                                    _l("Choose a question"))),
                (self.target, say(_l("Choose how many in 10 for a mood goal"),
                                  _l("Choose how many in 10"))),
            ):  # fmt: skip
                if not box.data:
                    box.errors = [*box.errors, message]
                    valid = False
        elif not self.activities_are_offered():
            valid = False
        return valid
