from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import RadioField

from ..display import CHOICES, DEFAULTS
from ..forms import choices
from ..wording import say


def _radios(name: str, label, hint, options: dict[str, object]) -> RadioField:
    assert tuple(options) == CHOICES[name]
    return RadioField(
        label,
        description=hint,
        choices=choices(options),
        default=DEFAULTS[name],
        validate_choice=True,
    )


class DisplayForm(FlaskForm):
    size = _radios(
        "size",
        say(_l("Text size"), _l("How big the words are")),
        None,
        {
            "standard": say(_l("Standard"), _l("Normal")),
            "large": say(_l("Large"), _l("Big")),
            "largest": say(_l("Largest"), _l("Very big")),
        },
    )
    contrast = _radios(
        "contrast",
        say(_l("Colours and contrast"), _l("Colours")),
        say(
            _l("Match my device follows your phone or computer's light or dark setting."),
            _l("Match my device uses the same colours as your phone."),
        ),
        {
            "device": say(_l("Match my device"), _l("Match my device")),
            "standard": say(
                _l("Standard: dark text on a light background"), _l("Dark words on white")
            ),
            "high": say(
                _l("High contrast: black and white, with yellow focus"), _l("Black and white")
            ),
            "dark": say(_l("Dark: light text on a dark background"), _l("White words on black")),
        },
    )
    spacing = _radios(
        "spacing",
        say(_l("Line spacing"), _l("Space between lines")),
        None,
        {
            "standard": say(_l("Standard"), _l("Normal")),
            "wide": say(_l("Wide"), _l("More space")),
        },
    )
