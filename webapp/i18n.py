"""Language choice: the lang cookie, then Accept-Language, then English."""

from __future__ import annotations

from babel import Locale
from flask import Flask, current_app, request
from flask_babel import get_locale

from .extensions import babel

LANG_COOKIE = "lang"


def select_locale() -> str:
    languages = current_app.config["LANGUAGES"]
    chosen = request.cookies.get(LANG_COOKIE)
    if chosen in languages:
        return chosen
    return request.accept_languages.best_match(list(languages)) or "en"


def text_direction() -> str:
    locale = get_locale() or Locale("en")
    return "rtl" if locale.character_order == "right-to-left" else "ltr"


def init_app(app: Flask) -> None:
    babel.init_app(app, locale_selector=select_locale)
