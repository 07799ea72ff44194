"""Small helpers shared by every feature's forms."""

from __future__ import annotations

import re

from flask_babel import lazy_gettext as _l
from wtforms import BooleanField, SelectChoice, SelectMultipleField, StringField
from wtforms.validators import InputRequired
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
