"""Preference cookies: HttpOnly, SameSite=Lax, Secure outside development."""

from __future__ import annotations

from collections.abc import Container

from flask import Response, current_app, request


def set_preference_cookie(response: Response, name: str, value: str) -> None:
    response.set_cookie(
        name,
        value,
        max_age=current_app.config["PREFERENCE_COOKIE_MAX_AGE"],
        httponly=True,
        samesite="Lax",
        secure=current_app.config["SESSION_COOKIE_SECURE"],
    )


def remember_choice(response: Response, parameter: str, cookie: str, allowed: Container) -> None:
    """A choice made in a shared link (?view=, ?lang=) sticks: it sets the cookie too."""
    asked = request.args.get(parameter)
    if asked in allowed and request.cookies.get(cookie) != asked:
        set_preference_cookie(response, cookie, asked)
