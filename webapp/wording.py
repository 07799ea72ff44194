"""One mechanism for text that has an easy-read wording: labels, hints, errors, buttons.

    say(_l("Choose a display name"), _l("Pick a name to use on this website"))

The choice between the two is made when the text is shown, from the visitor's
variant, so form classes can declare both at import time. Both strings go through
Flask-Babel, so each is translated too.
"""

from __future__ import annotations

from typing import Any

from flask_babel import get_locale
from markupsafe import Markup, escape

from .content import is_easyread


class Wording:
    __slots__ = ("standard", "easyread")

    def __init__(self, standard: Any, easyread: Any = None) -> None:
        self.standard = standard
        self.easyread = easyread if easyread is not None else standard

    def chosen(self) -> Any:
        try:
            return self.easyread if is_easyread() else self.standard
        except RuntimeError:  # outside a request, e.g. in the shell
            return self.standard

    def resolve(self) -> str:
        return str(self.chosen())

    def __str__(self) -> str:
        return self.resolve()

    def __html__(self) -> Markup:
        chosen = self.chosen()
        # A template's _() is already Markup with its values escaped (a name in <bdi>, say):
        # escaping it again would show "&amp;" and the tags themselves.
        return chosen if isinstance(chosen, Markup) else escape(self.resolve())

    def __mod__(self, values: Any) -> str:
        # WTForms formats some messages with %; resolve first, then format.
        return self.resolve() % values

    def __len__(self) -> int:
        return len(self.resolve())

    def __bool__(self) -> bool:
        return bool(str(self.standard))

    def __eq__(self, other: object) -> bool:
        return str(self) == str(other)

    def __hash__(self) -> int:
        return hash(str(self.standard))

    def __repr__(self) -> str:
        return f"Wording({str(self.standard)!r}, {str(self.easyread)!r})"


def say(standard: Any, easyread: Any = None) -> Wording:
    return Wording(standard, easyread)


class Computed(Wording):
    """Text worked out when shown, e.g. a title read from a content file in the right variant."""

    __slots__ = ("compute",)

    def __init__(self, compute) -> None:
        self.compute = compute
        self.standard = self.easyread = ""

    def resolve(self) -> str:
        return str(self.compute())

    def __bool__(self) -> bool:
        return True

    def __hash__(self) -> int:
        return id(self)


# Languages written in Arabic script, whose semicolon is "؛".
ARABIC_SCRIPT = frozenset({"ar", "fa", "ur", "ps"})


def one_after_another(parts) -> str:
    """Parts of one answer (a community, then topics), with the page language's own
    semicolon: a part may hold a comma of its own."""
    locale = get_locale()
    mark = "؛ " if locale is not None and locale.language in ARABIC_SCRIPT else "; "
    return mark.join(str(part) for part in parts if part)
