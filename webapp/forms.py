"""Small helpers shared by every feature's forms."""

from __future__ import annotations

import datetime as dt
import re

from flask_babel import lazy_gettext as _l
from wtforms import BooleanField, RadioField, SelectChoice, SelectMultipleField, StringField
from wtforms.validators import InputRequired, Optional, ValidationError
from wtforms.widgets import CheckboxInput, ListWidget

from .wording import say

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def choices(options: dict[str, object]) -> list[SelectChoice]:
    """Radio or checkbox choices from {value: label}; labels may be say() wordings."""
    return [SelectChoice(value=value, label=label) for value, label in options.items()]


def tidy_text(value: str | None) -> str | None:
    """Same line endings everywhere, and no invisible control characters."""
    if value is None:
        return None
    return _CONTROL.sub("", value.replace("\r\n", "\n").replace("\r", "\n")).strip()


class MultiCheckboxField(SelectMultipleField):
    """Several choices as tick boxes (the checkboxes macro draws them)."""

    widget = ListWidget(prefix_label=False)
    option_widget = CheckboxInput()


class HoneypotField(StringField):
    """Hidden from people and screen readers (see the honeypot macro); only robots fill it in."""


def understood_box(label, missing=None) -> BooleanField:
    """The tick box that confirms a step that pauses or deletes something."""
    return BooleanField(
        label,
        validators=[InputRequired(message=missing or say(
            _l("Tick the box to say you understand, or go back to your account"),
            _l("Tick the box. Or go back."),
        ))],
    )  # fmt: skip


DAY_FORMATS = ("%Y-%m-%d", "%d/%m/%Y", "%d %B %Y", "%d %b %Y", "%d-%m-%Y")


def parse_day(value: str | None) -> dt.date | None:
    """A day as typed: the date picker's 2026-12-12, or 12/12/2026, or 12 December 2026."""
    value = " ".join((value or "").split())
    for layout in DAY_FORMATS:
        try:
            return dt.datetime.strptime(value, layout).date()
        except ValueError:
            continue
    return None


class DayField(StringField):
    """A day, kept as the text typed (answers are saved as JSON); the macro offers the
    browser's date picker. Check it with `a_day`, read it with parse_day."""


def a_day(message):
    def check(form, field) -> None:
        if parse_day(field.data) is None:
            raise ValidationError(message)

    return check


def scope_area_field() -> RadioField:
    """Which in-scope area of the terms of reference a new thing (an activity, a decision,
    an agenda item) belongs to. A reminder, not a gate: it may be left unanswered."""
    return RadioField(
        say(
            _l("Which in-scope area does it belong to?"),
            _l("Which thing we work on is it part of?"),
        ),
        validators=[Optional()],
    )


def scope_choices(areas: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """The areas, then always a way to say none of them fits."""
    return [*areas, ("", str(say(_l("Not sure yet, or none of these"), _l("Not sure"))))]
