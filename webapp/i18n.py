"""Language choice: ?lang= (a shared link), then the lang cookie, then Accept-Language,
then English. A ?lang= choice is remembered in the cookie, as ?view= is for easy read."""

from __future__ import annotations

from babel import Locale
from flask import Flask, Response, current_app, request
from flask_babel import get_locale

from .cookies import remember_choice
from .extensions import babel

LANG_COOKIE = "lang"
LANG_PARAMETER = "lang"


def select_locale() -> str:
    languages = current_app.config["LANGUAGES"]
    for chosen in (request.args.get(LANG_PARAMETER), request.cookies.get(LANG_COOKIE)):
        if chosen in languages:
            return chosen
    return request.accept_languages.best_match(list(languages)) or "en"


def text_direction() -> str:
    locale = get_locale() or Locale("en")
    return "rtl" if locale.character_order == "right-to-left" else "ltr"


def own_name(code: str) -> str:
    """A language in its own name ("Cymraeg"), from the CLDR data Babel ships."""
    name = Locale.parse(code).get_display_name(code) or code
    return name[:1].upper() + name[1:]


def language_choices() -> dict[str, str]:
    """Each shipped language, code to its own name, in the configured order."""
    return {code: own_name(code) for code in current_app.config["LANGUAGES"]}


def remember_language(response: Response) -> Response:
    remember_choice(response, LANG_PARAMETER, LANG_COOKIE, current_app.config["LANGUAGES"])
    return response


def init_app(app: Flask) -> None:
    babel.init_app(app, locale_selector=select_locale)
    app.after_request(remember_language)
